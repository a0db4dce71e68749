import { Brackets, In, type EntityManager } from 'typeorm';
import type { QualityCertificateDto } from '../../shared/contract/quality';
import { AppError } from '../../shared/errors';
import type { Role } from '../../shared/roles';
import { SERIES, nextNumber } from '../documents/numberSeries';
import { appendEvent, type Actor } from '../events/appendEvent';
import { Customer } from '../sales/customer.entity';
import { Staff } from '../staff/staff.entity';
import { findBatch, loadBatchDtos } from './batches';
import { CementBatch, QualityCertificate } from './quality.entities';

export interface CertificateRules {
  /** `quality.certificateIssuerStaffNo`: the one person who issues; '' = any quality clerk. */
  issuerStaffNo: string;
  /** `quality.allowCertificateReissue`. */
  allowReissue: boolean;
  utcOffsetMinutes: number;
}

/** May this person issue quality certificates? The designated staff number if one is set, else any quality clerk. */
export function mayIssueCertificates(staffNo: string, role: Role, issuerStaffNo: string): boolean {
  const designated = issuerStaffNo.trim().toUpperCase();
  return designated ? staffNo.toUpperCase() === designated : role === 'quality_clerk';
}

export async function staffNames(m: EntityManager, ids: (number | null)[]): Promise<Map<number, string>> {
  const unique = [...new Set(ids.filter((id): id is number => id !== null))];
  const rows = unique.length ? await m.getRepository(Staff).findBy({ id: In(unique) }) : [];
  return new Map(rows.map((s) => [s.id, s.name]));
}

export async function certificateDtos(m: EntityManager, rows: QualityCertificate[]): Promise<QualityCertificateDto[]> {
  if (rows.length === 0) return [];
  const customers = new Map((await m.getRepository(Customer).findBy({ id: In([...new Set(rows.map((r) => r.customerId))]) })).map((c) => [c.id, c]));
  const batchRows = await m.getRepository(CementBatch).findBy({ id: In([...new Set(rows.map((r) => r.batchId))]) });
  const batches = new Map((await loadBatchDtos(m, batchRows)).map((b) => [b.id, b]));
  const replaced = rows.flatMap((r) => (r.reissueOf === null ? [] : [r.reissueOf]));
  const replacedNumbers = new Map(
    (replaced.length ? await m.getRepository(QualityCertificate).findBy({ id: In(replaced) }) : []).map((c) => [c.id, c.number]),
  );
  const names = await staffNames(m, rows.flatMap((r) => [r.issuedBy, r.overrideBy]));
  return rows.map((r) => {
    const c = customers.get(r.customerId);
    return {
      id: r.id,
      number: r.number,
      customerId: r.customerId,
      customerCode: c?.code ?? '',
      customerName: c?.name ?? '',
      batch: batches.get(r.batchId)!,
      quantityKg: r.quantityKg,
      issuedAt: r.issuedAt,
      issuedByName: r.issuedBy === null ? null : (names.get(r.issuedBy) ?? null),
      reissueOfNumber: r.reissueOf === null ? null : (replacedNumbers.get(r.reissueOf) ?? null),
      reissueReason: r.reissueReason,
      overrideByName: r.overrideBy === null ? null : (names.get(r.overrideBy) ?? null),
    };
  });
}

async function latestFor(m: EntityManager, customerId: number, batchId: number): Promise<QualityCertificate | null> {
  return m.getRepository(QualityCertificate).findOne({ where: { customerId, batchId }, order: { id: 'DESC' } });
}

async function save(
  m: EntityManager,
  actor: Actor,
  rules: CertificateRules,
  fields: Pick<QualityCertificate, 'customerId' | 'batchId' | 'quantityKg' | 'reissueOf' | 'reissueReason' | 'overrideBy'>,
): Promise<QualityCertificate> {
  const number = await nextNumber(m, SERIES.qualityCertificate, actor.at, rules.utcOffsetMinutes);
  return m.save(m.create(QualityCertificate, { ...fields, number, issuedAt: actor.at, issuedBy: actor.staffId }));
}

/**
 * Issues a quality certificate (质保书). Refused (nothing written) to anyone but the designated person, and for a
 * customer and batch that already has one unless re-issue is allowed by the setting (a supervisor can override).
 */
export async function issueCertificate(
  m: EntityManager,
  actor: Actor,
  role: Role,
  rules: CertificateRules,
  input: { customerId: number; batchId: number; quantityKg?: number },
): Promise<QualityCertificateDto> {
  const me = await m.getRepository(Staff).findOneByOrFail({ id: actor.staffId ?? -1 });
  if (!mayIssueCertificates(me.staffNo, role, rules.issuerStaffNo)) {
    if (rules.issuerStaffNo.trim()) throw new AppError('FORBIDDEN', 'errors.certificateIssuerOnly', { staffNo: rules.issuerStaffNo.trim().toUpperCase() });
    throw new AppError('FORBIDDEN', 'errors.certificateQualityClerkOnly');
  }
  const customer = await m.getRepository(Customer).findOneBy({ id: input.customerId });
  if (!customer) throw new AppError('NOT_FOUND', 'errors.customerNotFound', { id: input.customerId }, [{ path: 'customerId', message: 'errors.customerNotFound' }]);
  const batch = await findBatch(m, input.batchId);
  const existing = await latestFor(m, customer.id, batch.id);
  if (existing && !rules.allowReissue) {
    throw new AppError('RULE_VIOLATION', 'errors.certificateAlreadyIssued', { number: existing.number, batch: batch.batchNumber });
  }
  const row = await save(m, actor, rules, {
    customerId: customer.id,
    batchId: batch.id,
    quantityKg: input.quantityKg ?? null,
    reissueOf: existing?.id ?? null,
    reissueReason: null,
    overrideBy: null,
  });
  await appendEvent(m, actor, {
    type: 'quality.certificateIssued',
    docType: 'quality_certificate',
    docId: row.id,
    payload: { number: row.number, customerId: customer.id, batchId: batch.id, batchNumber: batch.batchNumber, quantityKg: row.quantityKg, reissueOf: existing?.number ?? null },
  });
  return (await certificateDtos(m, [row]))[0]!;
}

/** Supervisor override: a new certificate for the same customer and batch, naming the one it replaces, with the reason. */
export async function reissueCertificate(m: EntityManager, actor: Actor, rules: CertificateRules, input: { certificateId: number; reason: string }): Promise<QualityCertificateDto> {
  const old = await m.getRepository(QualityCertificate).findOneBy({ id: input.certificateId });
  if (!old) throw new AppError('NOT_FOUND', 'errors.certificateNotFound', { id: input.certificateId });
  const latest = (await latestFor(m, old.customerId, old.batchId))!;
  const row = await save(m, actor, rules, {
    customerId: old.customerId,
    batchId: old.batchId,
    quantityKg: old.quantityKg,
    reissueOf: latest.id,
    reissueReason: input.reason,
    overrideBy: actor.staffId,
  });
  await appendEvent(m, actor, {
    type: 'quality.certificateReissued',
    docType: 'quality_certificate',
    docId: row.id,
    payload: { number: row.number, replaces: latest.number, customerId: row.customerId, batchId: row.batchId, reason: input.reason },
  });
  return (await certificateDtos(m, [row]))[0]!;
}

export async function getCertificate(m: EntityManager, id: number): Promise<QualityCertificateDto> {
  const row = await m.getRepository(QualityCertificate).findOneBy({ id });
  if (!row) throw new AppError('NOT_FOUND', 'errors.certificateNotFound', { id });
  return (await certificateDtos(m, [row]))[0]!;
}

export async function listCertificates(m: EntityManager, input: { customerId?: number; batchId?: number; limit: number }): Promise<QualityCertificateDto[]> {
  const where: Partial<Pick<QualityCertificate, 'customerId' | 'batchId'>> = {};
  if (input.customerId) where.customerId = input.customerId;
  if (input.batchId) where.batchId = input.batchId;
  return certificateDtos(m, await m.getRepository(QualityCertificate).find({ where, order: { id: 'DESC' }, take: input.limit }));
}

/** Customers for the certificate form: code, name or pinyin initials; no funds. */
export async function findCustomers(m: EntityManager, query: string): Promise<Array<{ id: number; code: string; name: string }>> {
  const q = query.replace(/[%_]/g, '');
  const qb = m.getRepository(Customer).createQueryBuilder('c').select(['c.id', 'c.code', 'c.name']).orderBy('c.code', 'ASC').take(20);
  if (q) {
    qb.where(
      new Brackets((w) => {
        w.where('c.code LIKE :p', { p: `%${q.toUpperCase()}%` })
          .orWhere('c.name LIKE :n', { n: `%${q}%` })
          .orWhere('c.pinyinInitials LIKE :y', { y: `%${q.toUpperCase()}%` });
      }),
    );
  }
  return (await qb.getMany()).map((c) => ({ id: c.id, code: c.code, name: c.name }));
}
