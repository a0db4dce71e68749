import { Navigate, Route, Routes } from 'react-router-dom';
import { Center, Stack } from '@mantine/core';
import { LoadError } from './components/LoadError';
import { Loading } from './components/Loading';
import { CustomersScreen } from './features/customers/CustomersScreen';
import { FinanceScreen } from './features/finance/FinanceScreen';
import { RefundsScreen } from './features/finance/RefundsScreen';
import { EventLogScreen } from './features/events/EventLogScreen';
import { HomeScreen } from './features/home/HomeScreen';
import { SalesWindowScreen } from './features/sales/SalesWindowScreen';
import { InvoicesScreen } from './features/invoices/InvoicesScreen';
import { ChangePinScreen } from './features/pin/ChangePinScreen';
import { ProductsScreen } from './features/products/ProductsScreen';
import { CalendarScreen } from './features/calendar/CalendarScreen';
import { SettingsScreen } from './features/settings/SettingsScreen';
import { RequireAccess } from './features/shell/RequireAccess';
import { ShellLayout } from './features/shell/ShellLayout';
import { SetupScreen } from './features/setup/SetupScreen';
import { SignInScreen } from './features/signin/SignInScreen';
import { StaffScreen } from './features/staff/StaffScreen';
import { StationScreen } from './features/station/StationScreen';
import { StatementsScreen } from './features/statements/StatementsScreen';
import { TransportScreen } from './features/transport/TransportScreen';
import { WeighbridgeScreen } from './features/weighbridge/WeighbridgeScreen';
import { GateScreen } from './features/gate/GateScreen';
import { ArrivalsScreen } from './features/gate/ArrivalsScreen';
import { SealLedgerScreen } from './features/gate/SealLedgerScreen';
import { RosterScreen } from './features/roster/RosterScreen';
import { QualityScreen } from './features/quality/QualityScreen';
import { DispatchScreen } from './features/dispatch/DispatchScreen';
import { MinutesScreen } from './features/dispatch/MinutesScreen';
import { KpiScreen } from './features/dispatch/KpiScreen';
import { SurveysScreen } from './features/surveys/SurveysScreen';
import { DashboardScreen } from './features/dashboard/DashboardScreen';
import { SuggestionsScreen } from './features/suggestions/SuggestionsScreen';
import { EvaluationScreen } from './features/evaluation/EvaluationScreen';
import { ComplaintsScreen } from './features/complaints/ComplaintsScreen';
import { useSession } from './session/useSession';

/**
 * Where each address leads, given the installation and the session: first start → set-up,
 * signed out → sign-in, otherwise the app shell with the screens the role may open.
 */
export function AppRoutes() {
  const { installation, installationError, session, refreshInstallation } = useSession();
  if (!installation && installationError)
    return (
      <Center mih="100vh" p="lg">
        <Stack maw={640} w="100%">
          <LoadError error={installationError} onRetry={refreshInstallation} />
        </Stack>
      </Center>
    );
  if (!installation || session === undefined) return <Loading full />;

  const { needsSetup } = installation;
  const shell = needsSetup ? <Navigate to="/setup" replace /> : session ? <ShellLayout /> : <Navigate to="/signin" replace />;
  return (
    <Routes>
      <Route path="/setup" element={needsSetup ? <SetupScreen /> : <Navigate to="/" replace />} />
      <Route path="/signin" element={needsSetup ? <Navigate to="/setup" replace /> : session ? <Navigate to="/" replace /> : <SignInScreen />} />
      <Route element={shell}>
        <Route index element={<HomeScreen />} />
        <Route path="sales" element={<RequireAccess method="sales.issueSlip"><SalesWindowScreen /></RequireAccess>} />
        <Route path="customers" element={<RequireAccess method="sales.listCustomers"><CustomersScreen /></RequireAccess>} />
        <Route path="finance" element={<RequireAccess method="finance.listPayments"><FinanceScreen /></RequireAccess>} />
        <Route path="refunds" element={<RequireAccess method="finance.listRefunds"><RefundsScreen /></RequireAccess>} />
        <Route path="products" element={<RequireAccess method="sales.listProducts"><ProductsScreen /></RequireAccess>} />
        <Route path="calendar" element={<RequireAccess method="calendar.listDays"><CalendarScreen /></RequireAccess>} />
        <Route path="invoices" element={<RequireAccess method="invoices.overview"><InvoicesScreen /></RequireAccess>} />
        <Route path="statements" element={<RequireAccess method="statements.list"><StatementsScreen /></RequireAccess>} />
        <Route path="staff" element={<RequireAccess method="staff.list"><StaffScreen /></RequireAccess>} />
        <Route path="settings" element={<RequireAccess method="settings.update"><SettingsScreen /></RequireAccess>} />
        <Route path="events" element={<RequireAccess method="system.listEvents"><EventLogScreen /></RequireAccess>} />
        <Route path="station" element={<RequireAccess method="system.setStation"><StationScreen /></RequireAccess>} />
        <Route path="transport" element={<RequireAccess method="transport.receiveAuthorization"><TransportScreen /></RequireAccess>} />
        <Route path="weighbridge" element={<RequireAccess method="transport.acknowledgeAuthorization"><WeighbridgeScreen /></RequireAccess>} />
        <Route path="roster" element={<RequireAccess method="service.addDutyEntry"><RosterScreen /></RequireAccess>} />
        <Route path="gate" element={<RequireAccess method="gate.registerArrival"><GateScreen /></RequireAccess>} />
        <Route path="gate/arrivals" element={<RequireAccess method="gate.listArrivals"><ArrivalsScreen /></RequireAccess>} />
        <Route path="gate/seals" element={<RequireAccess method="gate.listSealLedger"><SealLedgerScreen /></RequireAccess>} />
        <Route path="quality/:tab?" element={<RequireAccess method="quality.recordSpotCheck"><QualityScreen /></RequireAccess>} />
        <Route path="supervision/dashboard" element={<RequireAccess method="dashboard.get"><DashboardScreen /></RequireAccess>} />
        <Route path="surveys" element={<RequireAccess method="surveys.enterPaper"><SurveysScreen /></RequireAccess>} />
        <Route path="suggestions" element={<RequireAccess method="suggestions.logOpening"><SuggestionsScreen /></RequireAccess>} />
        <Route path="evaluation" element={<RequireAccess method="evaluation.getSheet"><EvaluationScreen /></RequireAccess>} />
        <Route path="complaints" element={<RequireAccess method="complaints.list"><ComplaintsScreen /></RequireAccess>} />
        <Route path="dispatch" element={<RequireAccess method="dispatch.getOverview"><DispatchScreen /></RequireAccess>} />
        <Route path="dispatch/minutes" element={<RequireAccess method="dispatch.listMinutes"><MinutesScreen /></RequireAccess>} />
        <Route path="dispatch/kpis" element={<RequireAccess method="dispatch.getKpis"><KpiScreen /></RequireAccess>} />
        <Route path="pin" element={<ChangePinScreen />} />
        <Route path="*" element={<Navigate to="/" replace />} />
      </Route>
    </Routes>
  );
}
