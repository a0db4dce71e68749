import type { ServicePost } from './posts';

/**
 * The supervisor dashboard (issue 6 item 7): per window/post the live counts now, the KPIs of the day and of the
 * month against their targets (all from the settings), the breaches of the day and the month's daily trend.
 */

/** A post of SERVICE_POSTS, or the complaints desk (the 4-hour on-site promise belongs to no single window). */
export type DashboardGroup = ServicePost | 'complaints';
export const DASHBOARD_GROUPS: readonly DashboardGroup[] = ['sales_window', 'finance_window', 'gate', 'weighbridge', 'packing', 'bulk', 'qc', 'complaints'];

export const DASHBOARD_KPIS = [
  'slipWait',
  'authorizationHandoff',
  'salespersonContact',
  'paymentWait',
  'remittanceChecks',
  'releasedInOrder',
  'tareWait',
  'grossWait',
  'baggedOnTime',
  'overweightReturns',
  'brokenBags',
  'bulkReleaseToExit',
  'sealsOnTime',
  'complaintOnSite',
] as const;
export type DashboardKpiKey = (typeof DASHBOARD_KPIS)[number];

/** `share`: percent of items within their limit (higher is better); `rate`/`average`: at most the target. */
export type DashboardKpiUnit = 'percent' | 'permille' | 'minutes';
export type GaugeStatus = 'green' | 'amber' | 'red' | 'none';

export interface DashboardKpiDto {
  key: DashboardKpiKey;
  group: DashboardGroup;
  /** `atLeast`: the value must reach the target (on-time shares); `atMost`: it must stay under it (rates, averages). */
  direction: 'atLeast' | 'atMost';
  unit: DashboardKpiUnit;
  /** One decimal, half up; null without data. */
  value: number | null;
  target: number;
  /** The per-item limit behind a share (e.g. 5 minutes a slip, 2 hours a loading), with its unit; null for rates. */
  limit: { value: number; unit: 'minutes' | 'hours' } | null;
  numerator: number;
  denominator: number;
  /** Items still running and not yet past their limit (not judged yet). */
  open: number;
  /** green: target met; amber: missed by at most the amber margin (setting `service.dashboardAmberMarginPercent`, relative to the target); red: missed by more; none: no data. */
  status: GaugeStatus;
}

export type LiveCountKey =
  | 'salesWaiting'
  | 'salesServing'
  | 'financeWaiting'
  | 'financeServing'
  | 'remittancesOverdue'
  | 'gateQueued'
  | 'inPlant'
  | 'queueAlertOpen'
  | 'waitingTare'
  | 'waitingGross'
  | 'baggedLoading'
  | 'returned'
  | 'bulkLoading'
  | 'awaitingSeals'
  | 'awaitingExitCheck'
  | 'conformityToday'
  | 'spotChecksToday'
  | 'complaintsOpen'
  | 'complaintsOverdue';

export interface LiveCountDto {
  group: DashboardGroup;
  key: LiveCountKey;
  count: number;
  /** Something is over a limit right now (e.g. an overdue remittance check, a queue alert not answered). */
  alert: boolean;
}

export const BREACH_KINDS = [
  'slipWait',
  'paymentWait',
  'ticketWaiting',
  'authorizationHandoff',
  'salespersonContact',
  'tareWait',
  'grossWait',
  'baggedLate',
  'sealLate',
  'bulkExitLate',
  'outOfOrderRelease',
  'queueAlertUnanswered',
  'remittanceCheckOverdue',
  'complaintOnSiteLate',
  'rateOverTarget',
] as const;
export type BreachKind = (typeof BREACH_KINDS)[number];

/** One thing over its limit on the day: what, which truck/ticket/document, by how much, when. */
export interface BreachDto {
  /** Stable key for lists (kind + document). */
  id: string;
  kind: BreachKind;
  group: DashboardGroup;
  /** Truck plate, ticket number, document number (the screen shows it as is). */
  ref: string;
  /** A second reference (the plan slip or receipt printed, the journey number), '' when none. */
  detail: string;
  /** When the clock started (ticket taken, truck released, letter received…). */
  startedAt: number;
  /** When it ended; null while still open (and already over). */
  endedAt: number | null;
  /** Over the limit by this many ms (still growing while open); for `rateOverTarget` null. */
  overByMs: number | null;
  limitMinutes: number | null;
  /** For `rateOverTarget` and the like: the KPI concerned. */
  kpi: DashboardKpiKey | null;
  /** The record to open: journey, ticket, complaint, remittance id (the screen picks the route by kind). */
  docId: string;
}

/** One plant-local day of the month's trend: the on-time share (percent, one decimal) per main KPI, null without data. */
export interface TrendDayDto {
  day: string;
  slipWait: number | null;
  paymentWait: number | null;
  weighing: number | null;
  baggedOnTime: number | null;
  sealsOnTime: number | null;
  /** Trucks out that day (volume). */
  trucksOut: number;
}

export interface DashboardDto {
  /** The plant-local day shown (`YYYY-MM-DD`) and its month. */
  day: string;
  month: string;
  /** The instant the numbers were computed at. */
  at: number;
  isToday: boolean;
  /** Live counts are always "now", whatever day is shown. */
  live: LiveCountDto[];
  dayKpis: DashboardKpiDto[];
  /** The month up to and including `day`. */
  monthKpis: DashboardKpiDto[];
  /** The day's breaches, latest first. */
  breaches: BreachDto[];
  /** Every day of the month from the 1st to `day`. */
  trend: TrendDayDto[];
}
