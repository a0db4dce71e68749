import type { TFunction } from 'i18next';
import type { BreachDto, BreachKind, DashboardKpiDto, GaugeStatus } from '../../../../src/shared/dashboard';
import { isServicePost } from '../../../../src/shared/posts';

/** The screen where each kind of breach is handled (Enter on a breach opens it). */
export const BREACH_ROUTES: Record<BreachKind, string> = {
  slipWait: '/sales',
  paymentWait: '/finance',
  ticketWaiting: '/sales',
  authorizationHandoff: '/weighbridge',
  salespersonContact: '/transport',
  tareWait: '/weighbridge',
  grossWait: '/weighbridge',
  baggedLate: '/dispatch',
  sealLate: '/dispatch',
  bulkExitLate: '/gate',
  outOfOrderRelease: '/gate',
  queueAlertUnanswered: '/gate',
  remittanceCheckOverdue: '/finance',
  complaintOnSiteLate: '/complaints',
  rateOverTarget: '/dispatch/kpis',
};

export function breachRoute(b: Pick<BreachDto, 'kind' | 'group'>): string {
  if (b.kind === 'ticketWaiting' && b.group === 'finance_window') return '/finance';
  return BREACH_ROUTES[b.kind];
}

/** Mantine colour per gauge status. */
export const STATUS_COLOR: Record<GaugeStatus, string> = { green: 'teal', amber: 'yellow', red: 'red', none: 'gray' };

/** How full the ring is: the share itself, or for an at-most KPI the value against its target (capped at 100). */
export function ringPercent(k: Pick<DashboardKpiDto, 'value' | 'target' | 'direction'>): number {
  if (k.value === null) return 0;
  if (k.direction === 'atLeast') return Math.max(0, Math.min(100, k.value));
  if (k.target <= 0) return k.value > 0 ? 100 : 0;
  return Math.max(0, Math.min(100, (k.value * 100) / k.target));
}

/** A duration in whole minutes (rounded up: 30 s over is "1 min" over), hours from 60 minutes. */
export function durationText(t: TFunction, ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 60_000));
  if (total < 60) return t('dashboard.breach.minutes', { minutes: total });
  return t('dashboard.breach.hours', { hours: Math.floor(total / 60), minutes: total % 60 });
}

export function groupName(t: TFunction, group: string): string {
  return isServicePost(group) ? t(`posts.${group}`) : t('dashboard.complaints');
}

export function kpiValueText(t: TFunction, k: Pick<DashboardKpiDto, 'unit'>, value: number | null): string {
  return value === null ? '—' : t(`dashboard.value.${k.unit}`, { value });
}
