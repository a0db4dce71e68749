import { In, IsNull, Not, type EntityManager } from 'typeorm';
import type { z } from 'zod';
import type { acceptComplaintInput, ComplaintDto, ComplaintMonthlyReportDto, ComplaintStatus, ComplaintVerdict } from '../../../shared/contract/complaints';
import { AppError } from '../../../shared/errors';
import { monthRange } from '../../../shared/months';
import { SERVICE_POSTS, type ServicePost } from '../../../shared/posts';
import { nextNumber, SERIES } from '../../documents/numberSeries';
import { appendEvent, type Actor } from '../../events/appendEvent';
import { Customer } from '../../sales/customer.entity';
import { staffNames } from '../../transport/authorizations';
import { Complaint } from './complaint.entity';

export type AcceptComplaintInput = z.output<typeof acceptComplaintInput>;
export interface ComplaintRules {
  onSiteHours: number;
  utcOffsetMinutes: number;
}

const HOUR = 3_600_000;
/** How far back a complaint's receipt may be written up (a validation bound, not a service rule). */
const RECEIVED_BACK_MS = 7 * 24 * HOUR;

export function complaintStatus(c: Complaint): ComplaintStatus {
  if (c.closedAt !== null) return 'closed';
  if (c.resolvedAt !== null) return 'resolved';
  if (c.investigatedAt !== null) return 'investigated';
  if (c.onSiteAt !== null) return 'on_site';
  return 'accepted';
}

/** The 4-hour promise [seed]: late when the salesperson arrived after the due time, or is still not there past it. */
export function onSiteOverdue(c: Pick<Complaint, 'receivedAt' | 'onSiteAt'>, onSiteHours: number, now: number): boolean {
  const due = c.receivedAt + onSiteHours * HOUR;
  return c.onSiteAt === null ? now > due : c.onSiteAt > due;
}

async function toDtos(m: EntityManager, rows: Complaint[], rules: ComplaintRules, now: number): Promise<ComplaintDto[]> {
  const names = await staffNames(m, rows.map((r) => r.receivedBy));
  return rows.map((c) => ({
    id: c.id,
    number: c.number,
    customerId: c.customerId,
    customerName: c.customerName,
    contactName: c.contactName,
    contactPhone: c.contactPhone,
    channel: c.channel,
    post: c.post,
    nature: c.nature,
    description: c.description,
    receivedAt: c.receivedAt,
    receivedByName: c.receivedBy === null ? null : (names.get(c.receivedBy) ?? null),
    salespersonName: c.salespersonName,
    salespersonPhone: c.salespersonPhone,
    onSiteDueAt: c.receivedAt + rules.onSiteHours * HOUR,
    onSiteAt: c.onSiteAt,
    onSiteNote: c.onSiteNote,
    onSiteOverdue: onSiteOverdue(c, rules.onSiteHours, now),
    findings: c.findings,
    substantiated: c.substantiated,
    investigatedAt: c.investigatedAt,
    resolution: c.resolution,
    resolvedAt: c.resolvedAt,
    verdict: c.verdict,
    customerComment: c.customerComment,
    registrationNumber: c.registrationNumber,
    closedAt: c.closedAt,
    status: complaintStatus(c),
  }));
}

const dto = async (m: EntityManager, c: Complaint, rules: ComplaintRules, now: number) => (await toDtos(m, [c], rules, now))[0]!;

async function load(m: EntityManager, id: number): Promise<Complaint> {
  const c = await m.getRepository(Complaint).findOneBy({ id });
  if (!c) throw new AppError('NOT_FOUND', 'errors.complaintNotFound', { id });
  return c;
}

/** Steps go in order: on site → investigated → resolved → verdict (closed). */
function expectStatus(c: Complaint, wanted: ComplaintStatus, step: string): void {
  const status = complaintStatus(c);
  if (status !== wanted) throw new AppError('RULE_VIOLATION', 'errors.complaintStepOrder', { number: c.number, step, status });
}

const payloadOf = (c: Complaint) => ({ number: c.number, post: c.post, nature: c.nature, receivedAt: c.receivedAt });

/** 客户投诉受理卡: numbered CP-…, received now. */
export async function acceptComplaint(m: EntityManager, actor: Actor, rules: ComplaintRules, input: AcceptComplaintInput): Promise<ComplaintDto> {
  if (input.customerId !== undefined && !(await m.getRepository(Customer).existsBy({ id: input.customerId }))) {
    throw new AppError('NOT_FOUND', 'errors.customerNotFound', { id: input.customerId }, [{ path: 'customerId', message: 'errors.customerNotFound' }]);
  }
  const receivedAt = input.receivedAt ?? actor.at;
  if (receivedAt > actor.at || receivedAt < actor.at - RECEIVED_BACK_MS) {
    throw new AppError('VALIDATION', 'errors.validation', undefined, [{ path: 'receivedAt', message: 'errors.complaintReceivedOutOfRange' }]);
  }
  const c = await m.save(
    m.create(Complaint, {
      ...input,
      customerId: input.customerId ?? null,
      number: await nextNumber(m, SERIES.complaint, receivedAt, rules.utcOffsetMinutes),
      receivedAt,
      receivedBy: actor.staffId,
      onSiteAt: null,
      onSiteNote: '',
      findings: '',
      substantiated: null,
      investigatedAt: null,
      resolution: '',
      resolvedAt: null,
      verdict: null,
      customerComment: '',
      registrationNumber: null,
      closedAt: null,
    }),
  );
  await appendEvent(m, actor, { type: 'complaints.accepted', docType: 'complaint', docId: c.id, payload: { ...payloadOf(c), channel: c.channel, salespersonName: c.salespersonName, onSiteHours: rules.onSiteHours } });
  return dto(m, c, rules, actor.at);
}

export async function logOnSite(m: EntityManager, actor: Actor, rules: ComplaintRules, input: { id: number; arrivedAt?: number; note: string }): Promise<ComplaintDto> {
  const c = await load(m, input.id);
  expectStatus(c, 'accepted', 'onSite');
  const arrivedAt = input.arrivedAt ?? actor.at;
  if (arrivedAt < c.receivedAt || arrivedAt > actor.at) {
    throw new AppError('VALIDATION', 'errors.validation', undefined, [{ path: 'arrivedAt', message: 'errors.complaintArrivalOutOfRange' }]);
  }
  c.onSiteAt = arrivedAt;
  c.onSiteNote = input.note;
  await m.save(c);
  const durationMs = arrivedAt - c.receivedAt;
  await appendEvent(m, actor, {
    type: 'complaints.salespersonOnSite',
    docType: 'complaint',
    docId: c.id,
    payload: { ...payloadOf(c), onSiteAt: arrivedAt, durationMs, limitHours: rules.onSiteHours, withinLimit: durationMs <= rules.onSiteHours * HOUR },
  });
  return dto(m, c, rules, actor.at);
}

export async function recordInvestigation(m: EntityManager, actor: Actor, rules: ComplaintRules, input: { id: number; findings: string; substantiated: boolean }): Promise<ComplaintDto> {
  const c = await load(m, input.id);
  expectStatus(c, 'on_site', 'investigation');
  Object.assign(c, { findings: input.findings, substantiated: input.substantiated, investigatedAt: actor.at });
  await m.save(c);
  await appendEvent(m, actor, { type: 'complaints.investigated', docType: 'complaint', docId: c.id, payload: { ...payloadOf(c), substantiated: input.substantiated } });
  return dto(m, c, rules, actor.at);
}

export async function resolveComplaint(m: EntityManager, actor: Actor, rules: ComplaintRules, input: { id: number; resolution: string }): Promise<ComplaintDto> {
  const c = await load(m, input.id);
  expectStatus(c, 'investigated', 'resolution');
  Object.assign(c, { resolution: input.resolution, resolvedAt: actor.at });
  await m.save(c);
  await appendEvent(m, actor, { type: 'complaints.resolved', docType: 'complaint', docId: c.id, payload: { ...payloadOf(c), substantiated: c.substantiated } });
  return dto(m, c, rules, actor.at);
}

/** The customer's verdict closes the complaint and issues the service registration card (销售服务登记卡). */
export async function recordVerdict(m: EntityManager, actor: Actor, rules: ComplaintRules, input: { id: number; verdict: ComplaintVerdict; customerComment: string }): Promise<ComplaintDto> {
  const c = await load(m, input.id);
  expectStatus(c, 'resolved', 'verdict');
  Object.assign(c, {
    verdict: input.verdict,
    customerComment: input.customerComment,
    closedAt: actor.at,
    registrationNumber: await nextNumber(m, SERIES.serviceCard, actor.at, rules.utcOffsetMinutes),
  });
  await m.save(c);
  await appendEvent(m, actor, {
    type: 'complaints.closed',
    docType: 'complaint',
    docId: c.id,
    payload: { ...payloadOf(c), verdict: input.verdict, registrationNumber: c.registrationNumber, substantiated: c.substantiated, onSiteAt: c.onSiteAt },
  });
  return dto(m, c, rules, actor.at);
}

export async function getComplaint(m: EntityManager, rules: ComplaintRules, id: number, now: number): Promise<ComplaintDto> {
  return dto(m, await load(m, id), rules, now);
}

export async function listComplaints(
  m: EntityManager,
  rules: ComplaintRules,
  f: { status: 'open' | 'closed' | 'all'; month?: string; post?: ServicePost; limit: number },
  now: number,
): Promise<ComplaintDto[]> {
  const where: Record<string, unknown> = {};
  if (f.status === 'open') where.closedAt = IsNull();
  if (f.status === 'closed') where.closedAt = Not(IsNull());
  if (f.post) where.post = f.post;
  const qb = m.getRepository(Complaint).createQueryBuilder('c').where(where);
  if (f.month) {
    const { from, to } = monthRange(f.month, rules);
    qb.andWhere('c.receivedAt >= :from AND c.receivedAt < :to', { from, to });
  }
  qb.orderBy('c.receivedAt', f.status === 'open' ? 'ASC' : 'DESC').take(f.limit);
  return toDtos(m, await qb.getMany(), rules, now);
}

/** The monthly complaint report (for the monthly sales meeting), complaints received in the plant-local month. */
export async function monthlyReport(m: EntityManager, rules: ComplaintRules, month: string, now: number): Promise<ComplaintMonthlyReportDto> {
  const { from, to } = monthRange(month, rules);
  const rows = await m.getRepository(Complaint).createQueryBuilder('c').where('c.receivedAt >= :from AND c.receivedAt < :to', { from, to }).orderBy('c.receivedAt', 'ASC').getMany();
  const complaints = await toDtos(m, rows, rules, now);
  const verdicts: Record<ComplaintVerdict, number> = { satisfied: 0, basically_satisfied: 0, dissatisfied: 0 };
  for (const c of complaints) if (c.verdict) verdicts[c.verdict] += 1;
  const arrived = complaints.filter((c) => c.onSiteAt !== null);
  return {
    month,
    total: complaints.length,
    substantiated: complaints.filter((c) => c.substantiated === true).length,
    byPost: SERVICE_POSTS.map((post) => {
      const mine = complaints.filter((c) => c.post === post);
      return {
        post,
        total: mine.length,
        substantiated: mine.filter((c) => c.substantiated === true).length,
        quality: mine.filter((c) => c.nature === 'quality').length,
        service: mine.filter((c) => c.nature === 'service').length,
      };
    }),
    onSite: {
      limitHours: rules.onSiteHours,
      arrived: arrived.length,
      withinLimit: arrived.filter((c) => !c.onSiteOverdue).length,
      late: complaints.filter((c) => c.onSiteOverdue).length,
      notYet: complaints.filter((c) => c.onSiteAt === null).length,
    },
    verdicts,
    open: complaints.filter((c) => c.closedAt === null).length,
    complaints,
  };
}

/** Complaints of these ids (print views). */
export async function complaintsByIds(m: EntityManager, rules: ComplaintRules, ids: number[], now: number): Promise<ComplaintDto[]> {
  return toDtos(m, await m.getRepository(Complaint).findBy({ id: In(ids) }), rules, now);
}
