import type { Access } from './contract/define';
import type { ScaleSnapshot } from './scale';

/** Live topics: the core publishes, screens and boards subscribe (IPC under Electron, SSE over HTTP). */
export interface TopicPayloads {
  'settings.changed': { key: string };
  'staff.changed': { staffId: number };
  'installation.changed': { station: string | null };
  'invoices.changed': { id: number | null };
  'statements.changed': { month: string };
  'customers.changed': { customerId: number };
  'calendar.changed': { date: string };
  'tickets.changed': { counter: 'sales' | 'finance'; ticketId: number };
  'slips.changed': { slipId: number; customerId: number };
  'finance.changed': { area: 'payment' | 'remittance' | 'refund'; customerId: number };
  'transport.authorizationReceived': { id: number; number: string; truckPlate: string };
  'transport.authorizationHandedOver': { id: number; number: string };
  'transport.casesChanged': { id: number };
  'service.contactsChanged': { what: 'roster' | 'coordinators' };
  'surveys.changed': { post: string; month: string };
  'suggestions.changed': { what: 'box' | 'opening' | 'item'; id: number };
  'quality.changed': { what: 'batch' | 'certificate' | 'conformity' | 'calibration' | 'spotCheck' | 'sprayCheck'; id: number };
  'complaints.changed': { id: number };
  'gate.changed': { what: 'arrival' | 'release' | 'cancel' | 'pace' | 'notice' | 'alert' | 'exit' | 'seal' | 'weighing' | 'loading'; journeyId: number | null };
  'dispatch.changed': { what: 'point' | 'loading' | 'count' | 'loaded' | 'minutes'; journeyId: number | null; pointId: number | null };
  'weighing.scale': ScaleSnapshot;
}
export type TopicName = keyof TopicPayloads;

export const TOPICS: Record<TopicName, { access: Access; summary: string }> = {
  'settings.changed': { access: 'signedIn', summary: 'A setting changed.' },
  'staff.changed': { access: ['admin', 'supervisor'], summary: 'A staff account was created or changed.' },
  'installation.changed': { access: 'public', summary: "The installation's station changed." },
  'invoices.changed': { access: ['sales_clerk', 'finance_clerk', 'supervisor', 'admin'], summary: 'A settlement request, the invoice stock or a low-stock notice changed.' },
  'statements.changed': { access: ['finance_clerk', 'supervisor', 'admin'], summary: 'Statements of a month were issued, disputed or re-issued.' },
  'customers.changed': { access: ['sales_clerk', 'finance_clerk', 'supervisor', 'admin'], summary: 'A customer file or its documents changed.' },
  'calendar.changed': { access: 'signedIn', summary: 'A date of the plant calendar was marked or returned to the plain week.' },
  'tickets.changed': { access: 'public', summary: 'A service ticket was taken, called, skipped or completed (hall board, clerks\' ticket panels).' },
  'slips.changed': { access: ['sales_clerk', 'finance_clerk', 'gatekeeper', 'weighbridge_operator', 'dispatch_clerk', 'supervisor', 'admin'], summary: 'A plan slip was issued or voided.' },
  'finance.changed': { access: ['sales_clerk', 'finance_clerk', 'supervisor', 'admin'], summary: "A payment, reversal, remittance check or refund changed a customer's funds or the finance screen's lists." },
  'transport.authorizationReceived': { access: ['weighbridge_operator', 'sales_clerk', 'supervisor', 'admin'], summary: 'A transport authorization letter was received (the weighbridge screen shows it at once).' },
  'transport.authorizationHandedOver': { access: ['weighbridge_operator', 'sales_clerk', 'supervisor', 'admin'], summary: 'The weighbridge acknowledged an authorization letter.' },
  'transport.casesChanged': { access: ['weighbridge_operator', 'sales_clerk', 'supervisor', 'admin'], summary: 'A no-authorization case was opened, contacted or resolved.' },
  'complaints.changed': { access: ['supervisor', 'sales_clerk', 'finance_clerk', 'admin'], summary: 'A complaint was accepted or moved a step (on site, investigated, resolved, closed).' },
  'gate.changed': { access: 'public', summary: 'The gate queue, a release, the pace, a board notice, an alert or an exit check changed (gate screens and the drivers\' board refresh).' },
  'quality.changed': { access: ['quality_clerk', 'dispatch_clerk', 'supervisor', 'admin'], summary: 'A batch, certificate, calibration, bag-weight spot check or spray-code check was recorded (QC screen refreshes).' },
  'dispatch.changed': { access: ['dispatch_clerk', 'weighbridge_operator', 'gatekeeper', 'supervisor', 'admin'], summary: 'A loading point, a truck loading (assigned, bags counted, broken, removed, finished) or the labour meeting minutes changed.' },
  'surveys.changed': { access: ['supervisor', 'admin'], summary: 'A survey response was recorded (kiosk or paper); the survey report refreshes.' },
  'suggestions.changed': { access: ['supervisor', 'admin'], summary: 'A suggestion box, a box opening or an item (assignment, follow-up) changed.' },
  'service.contactsChanged': { access: 'public', summary: "The emergency duty roster or the coordinators' phone list changed (boards refresh)." },
  'weighing.scale': { access: ['weighbridge_operator', 'supervisor', 'admin'], summary: 'The scale indicator: live weight, stable or not, connection status and the last rejected frame (on change, at most 4 a second).' },
};
export const TOPIC_NAMES = Object.keys(TOPICS) as TopicName[];

export interface TopicMessage<T extends TopicName = TopicName> {
  topic: T;
  payload: TopicPayloads[T];
  at: number;
}
