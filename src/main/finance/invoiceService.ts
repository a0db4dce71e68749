import { In, type EntityManager } from 'typeorm';
import type { InvoiceOverviewDto, InvoiceRequestDto, InvoiceStockDto, InvoiceStockMovementDto, InvoiceStockNoticeDto, InvoiceType, StockMovementKind } from '../../shared/contract/invoices';
import { INVOICE_TYPES } from '../../shared/contract/invoices';
import { AppError } from '../../shared/errors';
import { addDays, isWorkingDay, localDate, startOfLocalDate, workingDayDeadline, type PlantCalendar } from '../../shared/workingDays';
import { loadPlantCalendar } from '../calendar/plantCalendar';
import { SERIES, nextNumber } from '../documents/numberSeries';
import { appendEvent, type Actor } from '../events/appendEvent';
import { Customer } from '../sales/customer.entity';
import type { SettingsService } from '../settings/settingsService';
import { Staff } from '../staff/staff.entity';
import { InvoiceRequest, InvoiceStockMovement, InvoiceStockNotice } from './invoice.entity';

/** Usage is averaged over this many working days (today included) to project when the stock runs out. */
export const USAGE_WINDOW_WORKING_DAYS = 10;

export interface SettlementInput {
  customerId: number;
  periodFrom: string;
  periodTo: string;
  amountFen: number;
  invoiceType: InvoiceType;
  note: string;
}

function isRealDate(date: string): boolean {
  const t = Date.parse(`${date}T00:00:00Z`);
  return Number.isFinite(t) && new Date(t).toISOString().slice(0, 10) === date;
}

export async function requestSettlement(m: EntityManager, settings: SettingsService, actor: Actor, input: SettlementInput): Promise<InvoiceRequest> {
  for (const [path, date] of [['periodFrom', input.periodFrom], ['periodTo', input.periodTo]] as const)
    if (!isRealDate(date)) throw new AppError('VALIDATION', 'errors.validation', undefined, [{ path, message: 'fields.invoiceDateFormat' }]);
  if (input.periodFrom > input.periodTo) throw new AppError('VALIDATION', 'errors.validation', undefined, [{ path: 'periodTo', message: 'fields.invoicePeriodOrder' }]);
  if (!Number.isSafeInteger(input.amountFen) || input.amountFen <= 0)
    throw new AppError('VALIDATION', 'errors.validation', undefined, [{ path: 'amountFen', message: 'fields.invoiceAmountPositive' }]);
  const customer = await m.findOneBy(Customer, { id: input.customerId });
  if (!customer) throw new AppError('NOT_FOUND', 'errors.customerNotFound', { id: input.customerId });
  const cal = await loadPlantCalendar(m, settings);
  const deadlineAt = workingDayDeadline(actor.at, settings.get('finance.invoiceReviewWorkingDays'), cal);
  const number = await nextNumber(m, SERIES.invoiceRequest, actor.at, cal.utcOffsetMinutes);
  const row = await m.save(
    m.create(InvoiceRequest, {
      number,
      customerId: customer.id,
      periodFrom: input.periodFrom,
      periodTo: input.periodTo,
      amountFen: input.amountFen,
      invoiceType: input.invoiceType,
      note: input.note,
      status: 'pending',
      requestedAt: actor.at,
      requestedBy: actor.staffId,
      deadlineAt,
      reviewedAt: null,
      reviewedBy: null,
      reviewNote: '',
    }),
  );
  await appendEvent(m, actor, {
    type: 'invoices.settlementRequested',
    docType: 'invoiceRequest',
    docId: number,
    payload: { number, customerId: customer.id, amountFen: input.amountFen, invoiceType: input.invoiceType, periodFrom: input.periodFrom, periodTo: input.periodTo, requestedAt: actor.at, deadlineAt },
  });
  return row;
}

export async function reviewSettlement(m: EntityManager, actor: Actor, id: number, outcome: 'approved' | 'returned', note: string): Promise<InvoiceRequest> {
  const row = await m.findOneBy(InvoiceRequest, { id });
  if (!row) throw new AppError('NOT_FOUND', 'errors.invoiceRequestNotFound', { id });
  if (row.status !== 'pending') throw new AppError('CONFLICT', 'errors.invoiceRequestAlreadyReviewed', { number: row.number });
  if (outcome === 'returned' && !note) throw new AppError('VALIDATION', 'errors.validation', undefined, [{ path: 'note', message: 'fields.required' }]);
  row.status = outcome;
  row.reviewedAt = actor.at;
  row.reviewedBy = actor.staffId;
  row.reviewNote = note;
  await m.save(row);
  await appendEvent(m, actor, {
    type: outcome === 'approved' ? 'invoices.settlementApproved' : 'invoices.settlementReturned',
    docType: 'invoiceRequest',
    docId: row.number,
    payload: { number: row.number, requestedAt: row.requestedAt, reviewedAt: actor.at, deadlineAt: row.deadlineAt, onTime: actor.at <= row.deadlineAt, amountFen: row.amountFen },
  });
  return row;
}

export async function recordStock(m: EntityManager, settings: SettingsService, actor: Actor, invoiceType: InvoiceType, kind: StockMovementKind, change: number, note: string): Promise<InvoiceStockDto> {
  if (!Number.isSafeInteger(change) || change === 0) throw new AppError('VALIDATION', 'errors.validation', undefined, [{ path: 'change', message: 'fields.stockChangeNonZero' }]);
  // received +N and used −N: the clerk types the number of blanks (positive); the sign follows the kind.
  if (kind !== 'correction' && change < 0) throw new AppError('VALIDATION', 'errors.validation', undefined, [{ path: 'change', message: 'fields.stockSheetsPositive' }]);
  const signed = kind === 'used' ? -change : change;
  if (kind === 'correction' && !note) throw new AppError('VALIDATION', 'errors.validation', undefined, [{ path: 'note', message: 'fields.required' }]);
  const before = await stockCount(m, invoiceType);
  if (before + signed < 0) throw new AppError('RULE_VIOLATION', 'errors.invoiceStockNegative', { count: before, change: signed });
  await m.save(m.create(InvoiceStockMovement, { at: actor.at, invoiceType, kind, change: signed, note, staffId: actor.staffId }));
  await appendEvent(m, actor, { type: 'invoices.stockRecorded', docType: 'invoiceStock', docId: invoiceType, payload: { invoiceType, kind, change: signed, countAfter: before + signed } });
  const cal = await loadPlantCalendar(m, settings);
  return stockStatus(m, settings, cal, invoiceType, actor.at);
}

export async function notifyLowStock(m: EntityManager, settings: SettingsService, actor: Actor, invoiceType: InvoiceType, note: string): Promise<InvoiceStockNoticeDto> {
  const cal = await loadPlantCalendar(m, settings);
  const status = await stockStatus(m, settings, cal, invoiceType, actor.at);
  const row = await m.save(m.create(InvoiceStockNotice, { at: actor.at, invoiceType, countAtNotice: status.count, daysLeftAtNotice: status.daysLeft, note, staffId: actor.staffId }));
  await appendEvent(m, actor, {
    type: 'invoices.lowStockNotified',
    docType: 'invoiceStock',
    docId: invoiceType,
    payload: { invoiceType, count: status.count, daysLeft: status.daysLeft, lowCount: status.lowCount, noticeDue: status.noticeDue },
  });
  return noticeDto(row, await staffNames(m));
}

export async function stockCount(m: EntityManager, invoiceType: string, before?: number): Promise<number> {
  const qb = m.getRepository(InvoiceStockMovement).createQueryBuilder('s').select('COALESCE(SUM(s.change), 0)', 'n').where('s.invoiceType = :invoiceType', { invoiceType });
  if (before !== undefined) qb.andWhere('s.at < :before', { before });
  const row = await qb.getRawOne<{ n: string | number }>();
  return Number(row?.n ?? 0);
}

/** The first instant of the window of the last `n` working days ending today (plant-local). */
export function usageWindowStart(now: number, n: number, cal: PlantCalendar): number {
  let date = localDate(now, cal);
  let counted = isWorkingDay(date, cal) ? 1 : 0;
  let guard = 0;
  while (counted < n && guard++ < 400) {
    date = addDays(date, -1);
    if (isWorkingDay(date, cal)) counted++;
  }
  return startOfLocalDate(date, cal);
}

/**
 * Rule: the stock lasts `count / (used in the last 10 working days / 10)` working days (rounded down, integers only).
 * A notice is due when that is within finance.invoiceStockNoticeWorkingDays, or the count is at/below the low count.
 */
export function projectStock(count: number, usedInWindow: number, windowDays: number, lowCount: number, noticeDays: number): { daysLeft: number | null; noticeDue: boolean } {
  const daysLeft = usedInWindow > 0 ? Math.floor((Math.max(count, 0) * windowDays) / usedInWindow) : null;
  return { daysLeft, noticeDue: count <= lowCount || (daysLeft !== null && daysLeft <= noticeDays) };
}

export async function stockStatus(m: EntityManager, settings: SettingsService, cal: PlantCalendar, invoiceType: InvoiceType, now: number): Promise<InvoiceStockDto> {
  const count = await stockCount(m, invoiceType);
  const from = usageWindowStart(now, USAGE_WINDOW_WORKING_DAYS, cal);
  const row = await m
    .getRepository(InvoiceStockMovement)
    .createQueryBuilder('s')
    .select('COALESCE(SUM(s.change), 0)', 'n')
    .where('s.invoiceType = :invoiceType AND s.kind = :kind AND s.at >= :from AND s.at <= :now', { invoiceType, kind: 'used', from, now })
    .getRawOne<{ n: string | number }>();
  const usedInWindow = Math.abs(Number(row?.n ?? 0));
  const lowCount = settings.get('finance.invoiceStockLowCount');
  const noticeWorkingDays = settings.get('finance.invoiceStockNoticeWorkingDays');
  const { daysLeft, noticeDue } = projectStock(count, usedInWindow, USAGE_WINDOW_WORKING_DAYS, lowCount, noticeWorkingDays);
  const last = await m.findOne(InvoiceStockNotice, { where: { invoiceType }, order: { id: 'DESC' } });
  return {
    invoiceType,
    count,
    lowCount,
    usedInWindow,
    usageWindowWorkingDays: USAGE_WINDOW_WORKING_DAYS,
    daysLeft,
    noticeWorkingDays,
    noticeDue,
    lastNotice: last ? noticeDto(last, await staffNames(m)) : null,
  };
}

async function staffNames(m: EntityManager): Promise<Map<number, string>> {
  return new Map((await m.find(Staff, { select: { id: true, name: true } })).map((s) => [s.id, s.name]));
}

function noticeDto(n: InvoiceStockNotice, names: Map<number, string>): InvoiceStockNoticeDto {
  return {
    id: n.id,
    at: n.at,
    invoiceType: n.invoiceType as InvoiceType,
    countAtNotice: n.countAtNotice,
    daysLeftAtNotice: n.daysLeftAtNotice,
    note: n.note,
    staffId: n.staffId,
    staffName: n.staffId === null ? '' : names.get(n.staffId) ?? '',
  };
}

export async function requestDto(m: EntityManager, row: InvoiceRequest, now: number): Promise<InvoiceRequestDto> {
  const c = await m.findOneBy(Customer, { id: row.customerId });
  return toRequestDto(row, c, now);
}

function toRequestDto(row: InvoiceRequest, c: Customer | null, now: number): InvoiceRequestDto {
  return {
    id: row.id,
    number: row.number,
    customerId: row.customerId,
    customerCode: c?.code ?? '',
    customerName: c?.name ?? '',
    periodFrom: row.periodFrom,
    periodTo: row.periodTo,
    amountFen: row.amountFen,
    invoiceType: row.invoiceType as InvoiceType,
    note: row.note,
    status: row.status,
    requestedAt: row.requestedAt,
    requestedBy: row.requestedBy,
    deadlineAt: row.deadlineAt,
    reviewedAt: row.reviewedAt,
    reviewedBy: row.reviewedBy,
    reviewNote: row.reviewNote,
    overdue: (row.reviewedAt ?? now) > row.deadlineAt,
  };
}

export async function invoiceOverview(m: EntityManager, settings: SettingsService, now: number, limit: number): Promise<InvoiceOverviewDto> {
  const cal = await loadPlantCalendar(m, settings);
  // Pending first (oldest deadline first), then the latest reviewed.
  const pending = await m.find(InvoiceRequest, { where: { status: 'pending' }, order: { deadlineAt: 'ASC' } });
  const reviewed = await m
    .getRepository(InvoiceRequest)
    .createQueryBuilder('r')
    .where('r.status <> :p', { p: 'pending' })
    .orderBy('r.reviewedAt', 'DESC')
    .take(limit)
    .getMany();
  const rows = [...pending, ...reviewed];
  const customers = new Map((await m.findBy(Customer, { id: In([...new Set(rows.map((r) => r.customerId))]) })).map((c) => [c.id, c]));
  const names = await staffNames(m);
  const stock: InvoiceStockDto[] = [];
  for (const t of INVOICE_TYPES) stock.push(await stockStatus(m, settings, cal, t, now));
  const movements = await m.find(InvoiceStockMovement, { order: { id: 'DESC' }, take: 20 });
  const notices = await m.find(InvoiceStockNotice, { order: { id: 'DESC' }, take: 10 });
  return {
    requests: rows.map((r) => toRequestDto(r, customers.get(r.customerId) ?? null, now)),
    stock,
    movements: movements.map(
      (s): InvoiceStockMovementDto => ({ id: s.id, at: s.at, invoiceType: s.invoiceType as InvoiceType, kind: s.kind as StockMovementKind, change: s.change, note: s.note, staffId: s.staffId }),
    ),
    notices: notices.map((n) => noticeDto(n, names)),
  };
}
