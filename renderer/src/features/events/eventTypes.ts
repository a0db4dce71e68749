import type { TFunction } from 'i18next';
import { translateKey } from '../../i18n/translate';

/** Event types the core writes today (filter list of the event log). Unknown types still show, by their raw name. */
export const KNOWN_EVENT_TYPES = [
  'auth.signedIn',
  'auth.signInFailed',
  'auth.locked',
  'auth.signInWhileLocked',
  'auth.signedOut',
  'auth.stationSwitched',
  'staff.created',
  'staff.updated',
  'staff.pinReset',
  'staff.pinChanged',
  'settings.changed',
  'system.setUp',
  'system.stationSet',
  'system.demoSeeded',
  'sales.priceSet',
  'sales.customerCreated',
  'sales.customerUpdated',
  'sales.customerDocumentAttached',
  'sales.productCreated',
  'sales.productUpdated',
  'calendar.daySet',
  'calendar.dayRemoved',
  'sales.slipIssued',
  'sales.slipVoided',
  'tickets.taken',
  'tickets.called',
  'tickets.skipped',
  'tickets.completed',
  'finance.openingBalance',
  'invoices.settlementRequested',
  'invoices.settlementApproved',
  'invoices.settlementReturned',
  'invoices.stockRecorded',
  'invoices.lowStockNotified',
  'statements.issued',
  'statements.disputed',
  'statements.reissued',
  'journey.registered',
  'journey.released',
  'journey.tare_weighed',
  'journey.loading',
  'journey.loaded',
  'journey.sealed',
  'journey.gross_weighed',
  'journey.returned',
  'journey.exit_checked',
  'journey.out',
  'journey.cancelled',
  'gate.releasePaused',
  'gate.releaseIntervalSet',
  'gate.releasePaceResumed',
  'gate.queueAlertRaised',
  'gate.queueAlertClosed',
  'gate.queueAlertAnswered',
  'gate.noticePosted',
  'gate.noticeCleared',
  'gate.exitBlocked',
  'transport.authorizationReceived',
  'transport.authorizationHandedOver',
  'transport.noAuthorizationCaseOpened',
  'transport.salespersonContacted',
  'transport.noAuthorizationCaseResolved',
  'service.rosterChanged',
  'service.coordinatorsChanged',
  'finance.paymentRecorded',
  'finance.paymentReversed',
  'finance.remittanceRegistered',
  'finance.remittanceChecked',
  'finance.refundRequested',
  'finance.refundSalesDone',
  'finance.refundCompleted',
  'finance.refundCancelled',
] as const;

export function eventTypeLabel(t: TFunction, type: string): string {
  return translateKey(t, `events.types.${type}`) ?? type;
}

/** Warnings stand out in the log: failed and locked sign-ins. */
export function eventTypeColor(type: string): string {
  if (type === 'auth.locked' || type === 'auth.signInWhileLocked') return 'red';
  if (type === 'auth.signInFailed') return 'orange';
  if (type.startsWith('auth.')) return 'gray';
  return 'blue';
}
