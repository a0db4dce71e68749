import { IconFileInvoice, IconReportMoney, IconAddressBook, IconAdjustmentsHorizontal, IconBuildingStore, IconHome, IconKey, IconListDetails, IconPackage, IconUsers, type Icon } from '@tabler/icons-react';
import { IconCash, IconCashBanknoteOff } from '@tabler/icons-react';
import { IconCalendarEvent } from '@tabler/icons-react';
import { IconFileCertificate, IconPhoneCall, IconTruckDelivery } from '@tabler/icons-react';
import type { MethodName } from '../../../../src/shared/contract';
import type { Role } from '../../../../src/shared/roles';
import { IconTicket } from '@tabler/icons-react';
import { IconBuildingFactory2, IconLock } from '@tabler/icons-react';
import { IconMailbox, IconMoodSmile } from '@tabler/icons-react';
import { IconMessageReport } from '@tabler/icons-react';
import { IconForklift } from '@tabler/icons-react';
import { IconCertificate } from '@tabler/icons-react';
import { IconChartBar } from '@tabler/icons-react';
import { IconGauge } from '@tabler/icons-react';
import { roleMayCall } from '../../session/access';

export type NavKey = 'salesWindow' | 'transport' | 'weighbridge' | 'roster' | 'finance' | 'refunds' | 'home' | 'customers' | 'products' | 'staff' | 'settings' | 'events' | 'station' | 'pin' | 'calendar' | 'invoices' | 'statements' | 'gate' | 'gateSeals' | 'quality' | 'surveys' | 'suggestions' | 'evaluation' | 'dashboard' | 'complaints' | 'dispatch';

export interface NavItem {
  key: NavKey;
  path: string;
  icon: Icon;
  /** The method whose access decides who sees the item (the screen's main call). */
  method: MethodName;
}

/**
 * Menu order = shortcut order (Alt+1 … Alt+9), counted over the items the role sees: the counter's daily screens
 * come right after home, administration last. Later issues add the window screens (sales, gate, weighbridge…).
 */
export const NAV_ITEMS: readonly NavItem[] = [
  { key: 'home', path: '/', icon: IconHome, method: 'system.myRecentEvents' },
  { key: 'salesWindow', path: '/sales', icon: IconTicket, method: 'sales.issueSlip' },
  { key: 'finance', path: '/finance', icon: IconCash, method: 'finance.listPayments' },
  { key: 'refunds', path: '/refunds', icon: IconCashBanknoteOff, method: 'finance.completeRefundSales' },
  { key: 'customers', path: '/customers', icon: IconAddressBook, method: 'sales.listCustomers' },
  { key: 'gate', path: '/gate', icon: IconBuildingFactory2, method: 'gate.registerArrival' },
  { key: 'gateSeals', path: '/gate/seals', icon: IconLock, method: 'gate.listSealLedger' },
  { key: 'weighbridge', path: '/weighbridge', icon: IconTruckDelivery, method: 'transport.acknowledgeAuthorization' },
  { key: 'quality', path: '/quality', icon: IconCertificate, method: 'quality.recordSpotCheck' },
  { key: 'dispatch', path: '/dispatch', icon: IconForklift, method: 'dispatch.getOverview' },
  { key: 'transport', path: '/transport', icon: IconFileCertificate, method: 'transport.receiveAuthorization' },
  { key: 'roster', path: '/roster', icon: IconPhoneCall, method: 'service.addDutyEntry' },
  { key: 'products', path: '/products', icon: IconPackage, method: 'sales.listProducts' },
  { key: 'invoices', path: '/invoices', icon: IconFileInvoice, method: 'invoices.overview' },
  { key: 'statements', path: '/statements', icon: IconReportMoney, method: 'statements.list' },
  { key: 'dashboard', path: '/supervision/dashboard', icon: IconGauge, method: 'dashboard.get' },
  { key: 'surveys', path: '/surveys', icon: IconMoodSmile, method: 'surveys.enterPaper' },
  { key: 'suggestions', path: '/suggestions', icon: IconMailbox, method: 'suggestions.logOpening' },
  { key: 'evaluation', path: '/evaluation', icon: IconChartBar, method: 'evaluation.getSheet' },
  { key: 'complaints', path: '/complaints', icon: IconMessageReport, method: 'complaints.accept' },
  { key: 'calendar', path: '/calendar', icon: IconCalendarEvent, method: 'calendar.listDays' },
  { key: 'staff', path: '/staff', icon: IconUsers, method: 'staff.list' },
  { key: 'settings', path: '/settings', icon: IconAdjustmentsHorizontal, method: 'settings.update' },
  { key: 'events', path: '/events', icon: IconListDetails, method: 'system.listEvents' },
  { key: 'station', path: '/station', icon: IconBuildingStore, method: 'system.setStation' },
  { key: 'pin', path: '/pin', icon: IconKey, method: 'auth.changePin' },
];

export function navItemsFor(role: Role): NavItem[] {
  return NAV_ITEMS.filter((item) => roleMayCall(role, item.method));
}
