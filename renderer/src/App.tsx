import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { HashRouter, Route, Routes } from 'react-router-dom';
import { AppRoutes } from './AppRoutes';
import { ErrorBoundary } from './components/ErrorBoundary';
import { BoardScreen } from './features/board/BoardScreen';
import { HallBoardScreen } from './features/hall/HallBoardScreen';
import { KioskScreen } from './features/tickets/KioskScreen';
import { KioskSurveyScreen } from './features/surveys/KioskSurveyScreen';
import { PrintRoute } from './features/print/PrintRoute';
import { WeighRulesBoard } from './features/weighbridge/weighing/WeighRulesBoard';
import { SessionProvider } from './session/SessionProvider';
import { theme } from './theme';

/**
 * Hash routing so the same build works from file:// under Electron and over HTTP in headless mode.
 * Print views sit outside the session and the shell: they carry their own token in the URL. The drivers' board
 * (a second display) needs no one signed in and never touches the counter's session.
 */
export function App() {
  return (
    <MantineProvider theme={theme} defaultColorScheme="light">
      <ErrorBoundary>
        <HashRouter>
          <Routes>
            <Route path="/print/:document/:id" element={<PrintRoute />} />
            <Route path="/board" element={<BoardScreen />} />
            {/* The weighbridge rules board (procedures and the values in force): public like the drivers' board. */}
            <Route path="/weighbridge/rules" element={<WeighRulesBoard />} />
            {/* The ticket hall: take-a-number kiosk and the called-numbers board, public like the drivers' board. */}
            <Route path="/kiosk" element={<KioskScreen />} />
            <Route path="/hall" element={<HallBoardScreen />} />
            {/* The satisfaction survey for drivers and customers: public, no session. */}
            <Route path="/survey" element={<KioskSurveyScreen />} />
            <Route
              path="*"
              element={
                <SessionProvider>
                  {/* Toasts belong to the app, never to a printout. */}
                  <Notifications position="top-right" autoClose={5000} />
                  <AppRoutes />
                </SessionProvider>
              }
            />
          </Routes>
        </HashRouter>
      </ErrorBoundary>
    </MantineProvider>
  );
}
