import { In, type EntityManager } from 'typeorm';
import type { StatementDto, StatementLineDto, StatementListDto, StatementReminderDto } from '../../shared/contract/statements';
import { AppError } from '../../shared/errors';
import { addDays, localDate, startOfLocalDate, workingDayDeadline, type PlantCalendar } from '../../shared/workingDays';
import { loadPlantCalendar } from '../calendar/plantCalendar';
import { SERIES, nextNumber } from '../documents/numberSeries';
import { appendEvent, type Actor } from '../events/appendEvent';
import { EventLogEntry } from '../events/eventLog.entity';
import { Customer } from '../sales/customer.entity';
import type { SettingsService } from '../settings/settingsService';
import { LedgerEntry } from './ledgerEntry.entity';
import { Statement } from './statement.entity';

type StatementHead = Omit<StatementDto, 'lines'>;

/** `YYYY-MM` → its first local date, and the next month's. */
export function monthBounds(month: string): { first: string; next: string } {
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(month)) throw new AppError('VALIDATION', 'errors.validation', undefined, [{ path: 'month', message: 'fields.statementMonthFormat' }]);
  const [y, mo] = month.split('-').map(Number);
  const next = mo === 12 ? `${y + 1}-01` : `${y}-${String(mo + 1).padStart(2, '0')}`;
  return { first: `${month}-01`, next: `${next}-01` };
}

export function previousMonth(date: string): string {
  const [y, mo] = date.split('-').map(Number);
  return mo === 1 ? `${y - 1}-12` : `${y}-${String(mo - 1).padStart(2, '0')}`;
}

/** Statements for a month are due by the end of finance.statementDueDay of the next month (plant-local). */
export function statementDueAt(month: string, dueDay: number, cal: Pick<PlantCalendar, 'utcOffsetMinutes'>): number {
  const { next } = monthBounds(month);
  return startOfLocalDate(addDays(next, dueDay), cal) - 1;
}

/**
 * The rule of who gets a statement for a month: item 11 says "customers with shipments in the month". The
 * weighbridge posts a `shipment` line for every completed weighing ticket (net at the slip price), so only
 * customers with such a line in the month are due one.
 */
export const STATEMENT_KINDS: readonly string[] | null = ['shipment'];

export async function customersDueForStatement(m: EntityManager, month: string, cal: PlantCalendar): Promise<number[]> {
  const { first, next } = monthBounds(month);
  const qb = m
    .getRepository(LedgerEntry)
    .createQueryBuilder('l')
    .select('DISTINCT l.customerId', 'customerId')
    .where('l.at >= :from AND l.at < :to', { from: startOfLocalDate(first, cal), to: startOfLocalDate(next, cal) });
  if (STATEMENT_KINDS) qb.andWhere('l.kind IN (:...kinds)', { kinds: STATEMENT_KINDS });
  const rows = await qb.getRawMany<{ customerId: number | string }>();
  return rows.map((r) => Number(r.customerId)).sort((a, b) => a - b);
}

async function sumBefore(m: EntityManager, customerId: number, before: number): Promise<number> {
  const row = await m
    .getRepository(LedgerEntry)
    .createQueryBuilder('l')
    .select('COALESCE(SUM(l.amountFen), 0)', 'n')
    .where('l.customerId = :customerId AND l.at < :before', { customerId, before })
    .getRawOne<{ n: string | number }>();
  return Number(row?.n ?? 0);
}

/** Quantity and unit price of a shipment line, when the shipment's events carry them (the ledger itself does not). */
async function shipmentFacts(m: EntityManager, line: LedgerEntry): Promise<{ quantityKg: number | null; unitPriceFenPerTonne: number | null }> {
  if (line.kind !== 'shipment') return { quantityKg: null, unitPriceFenPerTonne: null };
  const events = await m.find(EventLogEntry, { where: { docType: line.docType, docId: line.docId }, order: { id: 'ASC' } });
  let quantityKg: number | null = null;
  let unitPriceFenPerTonne: number | null = null;
  for (const e of events) {
    const p = e.payload as Record<string, unknown>;
    const q = p.netKg ?? p.quantityKg;
    const u = p.priceFenPerTonne ?? p.unitPriceFenPerTonne;
    if (typeof q === 'number' && Number.isSafeInteger(q)) quantityKg = q;
    if (typeof u === 'number' && Number.isSafeInteger(u)) unitPriceFenPerTonne = u;
  }
  return { quantityKg, unitPriceFenPerTonne };
}

/** Opening balance, the month's lines and the closing balance, read from the ledger. */
export async function statementFromLedger(m: EntityManager, customerId: number, month: string, cal: PlantCalendar) {
  const { first, next } = monthBounds(month);
  const from = startOfLocalDate(first, cal);
  const to = startOfLocalDate(next, cal);
  const openingFen = await sumBefore(m, customerId, from);
  const entries = await m
    .getRepository(LedgerEntry)
    .createQueryBuilder('l')
    .where('l.customerId = :customerId AND l.at >= :from AND l.at < :to', { customerId, from, to })
    .orderBy('l.at', 'ASC')
    .addOrderBy('l.id', 'ASC')
    .getMany();
  const lines: StatementLineDto[] = [];
  for (const l of entries) {
    lines.push({ ledgerId: l.id, at: l.at, date: localDate(l.at, cal), kind: l.kind, docType: l.docType, docId: l.docId, amountFen: l.amountFen, note: l.note, ...(await shipmentFacts(m, l)) });
  }
  const closingFen = openingFen + lines.reduce((s, l) => s + l.amountFen, 0);
  return { openingFen, closingFen, lines };
}

function assertNotFuture(month: string, now: number, cal: PlantCalendar): void {
  if (month > localDate(now, cal).slice(0, 7)) throw new AppError('RULE_VIOLATION', 'errors.statementMonthInFuture', { month });
}

export async function generateStatements(m: EntityManager, settings: SettingsService, actor: Actor, month: string) {
  monthBounds(month);
  const cal = await loadPlantCalendar(m, settings);
  assertNotFuture(month, actor.at, cal);
  const due = await customersDueForStatement(m, month, cal);
  const existing = new Set((await m.find(Statement, { where: { month }, select: { customerId: true } })).map((s) => s.customerId));
  const dueAt = statementDueAt(month, settings.get('finance.statementDueDay'), cal);
  const created: Statement[] = [];
  for (const customerId of due) {
    if (existing.has(customerId)) continue;
    created.push(await issue(m, actor, cal, customerId, month, dueAt, 1, null, ''));
  }
  return { month, created: await toHeads(m, created, actor.at), alreadyIssued: due.length - created.length };
}

/** One customer's statement for a month (the demo; generateStatements covers every due customer). */
export async function issueStatementFor(m: EntityManager, settings: SettingsService, actor: Actor, customerId: number, month: string): Promise<Statement> {
  const cal = await loadPlantCalendar(m, settings);
  assertNotFuture(month, actor.at, cal);
  if (await m.findOneBy(Statement, { month, customerId })) throw new AppError('CONFLICT', 'errors.statementAlreadyReissued', { number: month });
  return issue(m, actor, cal, customerId, month, statementDueAt(month, settings.get('finance.statementDueDay'), cal), 1, null, '');
}

async function issue(m: EntityManager, actor: Actor, cal: PlantCalendar, customerId: number, month: string, dueAt: number, version: number, supersedes: Statement | null, note: string): Promise<Statement> {
  const { openingFen, closingFen, lines } = await statementFromLedger(m, customerId, month, cal);
  const number = await nextNumber(m, SERIES.statement, actor.at, cal.utcOffsetMinutes);
  const row = await m.save(
    m.create(Statement, {
      number,
      customerId,
      month,
      version,
      supersedesId: supersedes?.id ?? null,
      supersededById: null,
      status: 'issued',
      openingFen,
      closingFen,
      lines,
      issuedAt: actor.at,
      issuedBy: actor.staffId,
      dueAt,
      disputeReceivedAt: null,
      disputeNote: '',
      redoDueAt: null,
      note,
    }),
  );
  await appendEvent(m, actor, {
    type: supersedes ? 'statements.reissued' : 'statements.issued',
    docType: 'statement',
    docId: number,
    payload: {
      number,
      customerId,
      month,
      version,
      openingFen,
      closingFen,
      lineCount: lines.length,
      dueAt,
      onTime: actor.at <= dueAt,
      ...(supersedes ? { supersedes: supersedes.number, disputeReceivedAt: supersedes.disputeReceivedAt, redoDueAt: supersedes.redoDueAt, redoOnTime: supersedes.redoDueAt === null || actor.at <= supersedes.redoDueAt } : {}),
    },
  });
  return row;
}

export async function recordDispute(m: EntityManager, settings: SettingsService, actor: Actor, id: number, receivedAt: number, note: string): Promise<StatementHead> {
  const row = await m.findOneBy(Statement, { id });
  if (!row) throw new AppError('NOT_FOUND', 'errors.statementNotFound', { id });
  if (row.status !== 'issued') throw new AppError('CONFLICT', 'errors.statementNotOpenForDispute', { number: row.number });
  // The objection's time is typed to the minute: the minute the statement was issued counts.
  if (receivedAt < row.issuedAt - (row.issuedAt % 60_000) || receivedAt > actor.at)
    throw new AppError('VALIDATION', 'errors.validation', undefined, [{ path: 'receivedAt', message: 'fields.disputeReceivedRange' }]);
  const cal = await loadPlantCalendar(m, settings);
  row.status = 'disputed';
  row.disputeReceivedAt = receivedAt;
  row.disputeNote = note;
  row.redoDueAt = workingDayDeadline(receivedAt, settings.get('finance.statementRedoWorkingDays'), cal);
  await m.save(row);
  await appendEvent(m, actor, { type: 'statements.disputed', docType: 'statement', docId: row.number, payload: { number: row.number, customerId: row.customerId, month: row.month, receivedAt, redoDueAt: row.redoDueAt } });
  return (await toHeads(m, [row], actor.at))[0];
}

export async function reissueStatement(m: EntityManager, settings: SettingsService, actor: Actor, id: number, note: string): Promise<StatementHead> {
  const old = await m.findOneBy(Statement, { id });
  if (!old) throw new AppError('NOT_FOUND', 'errors.statementNotFound', { id });
  if (old.supersededById !== null) throw new AppError('CONFLICT', 'errors.statementAlreadyReissued', { number: old.number });
  const cal = await loadPlantCalendar(m, settings);
  const fresh = await issue(m, actor, cal, old.customerId, old.month, old.dueAt, old.version + 1, old, note);
  old.status = 'reissued';
  old.supersededById = fresh.id;
  await m.save(old);
  return (await toHeads(m, [fresh], actor.at))[0];
}

function isOverdue(s: Statement, now: number): boolean {
  if (s.status === 'disputed') return s.redoDueAt !== null && now > s.redoDueAt;
  return s.version === 1 && s.issuedAt > s.dueAt;
}

async function toHeads(m: EntityManager, rows: Statement[], now: number): Promise<StatementHead[]> {
  const customers = new Map((await m.findBy(Customer, { id: In([...new Set(rows.map((r) => r.customerId))]) })).map((c) => [c.id, c]));
  return rows.map((s) => {
    const c = customers.get(s.customerId);
    return {
      id: s.id,
      number: s.number,
      customerId: s.customerId,
      customerCode: c?.code ?? '',
      customerName: c?.name ?? '',
      month: s.month,
      version: s.version,
      supersedesId: s.supersedesId,
      supersededById: s.supersededById,
      status: s.status,
      openingFen: s.openingFen,
      closingFen: s.closingFen,
      issuedAt: s.issuedAt,
      issuedBy: s.issuedBy,
      dueAt: s.dueAt,
      disputeReceivedAt: s.disputeReceivedAt,
      disputeNote: s.disputeNote,
      redoDueAt: s.redoDueAt,
      note: s.note,
      overdue: isOverdue(s, now),
    };
  });
}

export async function getStatement(m: EntityManager, id: number, now: number): Promise<StatementDto> {
  const row = await m.findOneBy(Statement, { id });
  if (!row) throw new AppError('NOT_FOUND', 'errors.statementNotFound', { id });
  return { ...(await toHeads(m, [row], now))[0], lines: row.lines };
}

/** From the 1st of a month: last month's customers due a statement that have none; overdue after the due day. */
export async function statementReminder(m: EntityManager, settings: SettingsService, now: number): Promise<StatementReminderDto> {
  const cal = await loadPlantCalendar(m, settings);
  const month = previousMonth(localDate(now, cal));
  const dueAt = statementDueAt(month, settings.get('finance.statementDueDay'), cal);
  const due = await customersDueForStatement(m, month, cal);
  const have = new Set((await m.find(Statement, { where: { month }, select: { customerId: true } })).map((s) => s.customerId));
  const missingIds = due.filter((id) => !have.has(id));
  const customers = missingIds.length ? await m.findBy(Customer, { id: In(missingIds) }) : [];
  customers.sort((a, b) => a.code.localeCompare(b.code));
  return {
    month,
    dueAt,
    missing: customers.map((c) => ({ customerId: c.id, code: c.code, name: c.name })),
    overdue: missingIds.length > 0 && now > dueAt,
  };
}

export async function listStatements(m: EntityManager, settings: SettingsService, now: number, month?: string): Promise<StatementListDto> {
  if (month) monthBounds(month);
  const rows = await m.find(Statement, { where: month ? { month } : {}, order: { month: 'DESC', id: 'DESC' }, take: 500 });
  return { statements: await toHeads(m, rows, now), reminder: await statementReminder(m, settings, now) };
}
