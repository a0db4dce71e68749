import { In, type EntityManager } from 'typeorm';
import type { ConformityCandidateDto, ConformityCertificateDto } from '../../shared/contract/quality';
import { AppError } from '../../shared/errors';
import { SERIES, nextNumber } from '../documents/numberSeries';
import { appendEvent, type Actor } from '../events/appendEvent';
import { journeyDto } from '../journey/journeys';
import { TruckJourney } from '../journey/truckJourney.entity';
import { Customer } from '../sales/customer.entity';
import { Product } from '../sales/product.entity';
import { findBatch } from './batches';
import { staffNames } from './certificates';
import { CementBatch, ConformityCertificate } from './quality.entities';
import { findCompletedWeighing, type CompletedWeighing } from './weighingSource';

export async function conformityDtos(m: EntityManager, rows: ConformityCertificate[]): Promise<ConformityCertificateDto[]> {
  if (rows.length === 0) return [];
  const journeys = new Map((await m.getRepository(TruckJourney).findBy({ id: In([...new Set(rows.map((r) => r.journeyId))]) })).map((j) => [j.id, j]));
  const customers = new Map((await m.getRepository(Customer).findBy({ id: In([...new Set([...journeys.values()].map((j) => j.customerId))]) })).map((c) => [c.id, c.name]));
  const products = new Map((await m.getRepository(Product).findBy({ id: In([...new Set(rows.map((r) => r.productId))]) })).map((p) => [p.id, p]));
  const batches = new Map((await m.getRepository(CementBatch).findBy({ id: In([...new Set(rows.map((r) => r.batchId))]) })).map((b) => [b.id, b.batchNumber]));
  const names = await staffNames(m, rows.map((r) => r.issuedBy));
  return rows.map((r) => {
    const j = journeys.get(r.journeyId)!;
    const p = products.get(r.productId);
    return {
      id: r.id,
      number: r.number,
      ticketNumber: r.ticketNumber,
      journeyNumber: j.number,
      truckPlate: j.truckPlate,
      customerName: customers.get(j.customerId) ?? '',
      productCode: p?.code ?? '',
      grade: p?.grade ?? '',
      packaging: p?.packaging ?? j.packaging,
      batchNumber: batches.get(r.batchId) ?? '',
      netKg: r.netKg,
      weighedAt: r.weighedAt,
      issuedAt: r.issuedAt,
      issuedByName: r.issuedBy === null ? null : (names.get(r.issuedBy) ?? null),
      printCount: r.printCount,
    };
  });
}

async function candidate(m: EntityManager, w: CompletedWeighing): Promise<ConformityCandidateDto> {
  const j = await journeyDto(m, w.journey);
  const existing = await m.getRepository(ConformityCertificate).findOneBy({ ticketNumber: w.ticketNumber });
  return {
    ticketNumber: w.ticketNumber,
    journeyId: j.id,
    journeyNumber: j.number,
    truckPlate: j.truckPlate,
    customerName: j.customerName,
    productId: j.productId,
    productCode: j.productCode,
    grade: j.grade,
    packaging: j.packaging,
    netKg: w.netKg,
    weighedAt: w.weighedAt,
    existing: existing ? (await conformityDtos(m, [existing]))[0]! : null,
  };
}

export async function findTicket(m: EntityManager, code: string): Promise<ConformityCandidateDto> {
  return candidate(m, await findCompletedWeighing(m, code));
}

/**
 * Issues the certificate of conformity for a completed weighing: one per ticket (a second is refused, naming the first:
 * re-print it instead). The batch must be of the ticket's product; net weight and product come from the ticket.
 */
export async function issueConformity(m: EntityManager, actor: Actor, utcOffsetMinutes: number, input: { code: string; batchId: number }): Promise<ConformityCertificateDto> {
  const w = await findCompletedWeighing(m, input.code);
  const existing = await m.getRepository(ConformityCertificate).findOneBy({ ticketNumber: w.ticketNumber });
  if (existing) throw new AppError('RULE_VIOLATION', 'errors.conformityAlreadyIssued', { number: existing.number, ticket: w.ticketNumber });
  const batch = await findBatch(m, input.batchId);
  if (batch.productId !== w.journey.productId) {
    throw new AppError('RULE_VIOLATION', 'errors.batchOfOtherProduct', { batch: batch.batchNumber }, [{ path: 'batchId', message: 'errors.batchOfOtherProduct' }]);
  }
  const number = await nextNumber(m, SERIES.conformityCertificate, actor.at, utcOffsetMinutes);
  const row = await m.save(
    m.create(ConformityCertificate, {
      number,
      ticketNumber: w.ticketNumber,
      journeyId: w.journey.id,
      batchId: batch.id,
      productId: w.journey.productId,
      netKg: w.netKg,
      weighedAt: w.weighedAt,
      issuedAt: actor.at,
      issuedBy: actor.staffId,
      printCount: 1,
    }),
  );
  await appendEvent(m, actor, {
    type: 'quality.conformityIssued',
    docType: 'conformity_certificate',
    docId: row.id,
    payload: { number, ticketNumber: w.ticketNumber, journeyId: w.journey.id, batchNumber: batch.batchNumber, productId: row.productId, netKg: row.netKg },
  });
  return (await conformityDtos(m, [row]))[0]!;
}

export async function getConformity(m: EntityManager, id: number): Promise<ConformityCertificateDto> {
  const row = await m.getRepository(ConformityCertificate).findOneBy({ id });
  if (!row) throw new AppError('NOT_FOUND', 'errors.conformityNotFound', { id });
  return (await conformityDtos(m, [row]))[0]!;
}

/** A re-print: same certificate, same number; only the count goes up (audited). */
export async function reprintConformity(m: EntityManager, actor: Actor, id: number): Promise<ConformityCertificateDto> {
  const row = await m.getRepository(ConformityCertificate).findOneBy({ id });
  if (!row) throw new AppError('NOT_FOUND', 'errors.conformityNotFound', { id });
  row.printCount += 1;
  await m.save(row);
  await appendEvent(m, actor, { type: 'quality.conformityReprinted', docType: 'conformity_certificate', docId: row.id, payload: { number: row.number, printCount: row.printCount } });
  return (await conformityDtos(m, [row]))[0]!;
}
