import { In, type EntityManager } from 'typeorm';
import type { SealLedgerRowDto } from '../../shared/contract/gate';
import { addDays, startOfLocalDate } from '../../shared/workingDays';
import { TruckJourney } from '../journey/truckJourney.entity';
import { Customer } from '../sales/customer.entity';
import { Product } from '../sales/product.entity';
import { staffNames } from '../transport/authorizations';
import { ExitCheck, JourneySeal } from './gate.entities';

export interface SealLedgerFilter {
  from: string;
  to: string;
  query: string;
  verdict?: 'match' | 'mismatch' | 'missing' | 'unchecked';
}

/**
 * 封签台账: each seal applied on the plant-local days [from, to], newest first, with the first exit check made after
 * it (what the gate read at that position and the verdict).
 */
export async function sealLedger(m: EntityManager, f: SealLedgerFilter, utcOffsetMinutes: number): Promise<SealLedgerRowDto[]> {
  const fromAt = startOfLocalDate(f.from, { utcOffsetMinutes });
  const toAt = startOfLocalDate(addDays(f.to, 1), { utcOffsetMinutes });
  const seals = await m
    .getRepository(JourneySeal)
    .createQueryBuilder('s')
    .where('s.appliedAt >= :fromAt AND s.appliedAt < :toAt', { fromAt, toAt })
    .orderBy('s.appliedAt', 'DESC')
    .addOrderBy('s.id', 'ASC')
    .take(5000)
    .getMany();
  if (!seals.length) return [];
  const journeyIds = [...new Set(seals.map((s) => s.journeyId))];
  const journeys = await m.getRepository(TruckJourney).findBy({ id: In(journeyIds) });
  const checks = await m.getRepository(ExitCheck).find({ where: { journeyId: In(journeyIds) }, order: { id: 'ASC' } });
  const customers = await m.getRepository(Customer).findBy({ id: In([...new Set(journeys.map((j) => j.customerId))]) });
  const products = await m.getRepository(Product).findBy({ id: In([...new Set(journeys.map((j) => j.productId))]) });
  const names = await staffNames(m, seals.map((s) => s.appliedBy));
  const journey = new Map(journeys.map((j) => [j.id, j]));
  const customer = new Map(customers.map((c) => [c.id, c.name]));
  const grade = new Map(products.map((p) => [p.id, p.grade]));
  const query = f.query.toUpperCase();

  const rows: SealLedgerRowDto[] = seals.map((seal) => {
    const j = journey.get(seal.journeyId)!;
    const check = checks.find((c) => c.journeyId === seal.journeyId && c.checkedAt >= seal.appliedAt) ?? null;
    const presented = check?.presentedSeals.find((p) => p.position === seal.position)?.sealNumber ?? null;
    return {
      journeyId: j.id,
      journeyNumber: j.number,
      truckPlate: j.truckPlate,
      customerName: customer.get(j.customerId) ?? '',
      grade: grade.get(j.productId) ?? '',
      position: seal.position,
      sealNumber: seal.sealNumber,
      appliedAt: seal.appliedAt,
      appliedByName: seal.appliedBy === null ? null : (names.get(seal.appliedBy) ?? null),
      exitCheckedAt: check?.checkedAt ?? null,
      exitVerdict: check ? check.verdict : null,
      presentedNumber: presented,
    };
  });
  return rows.filter(
    (r) =>
      (!query || [r.truckPlate, r.sealNumber, r.journeyNumber].some((v) => v.toUpperCase().includes(query))) &&
      (!f.verdict || (f.verdict === 'unchecked' ? r.exitVerdict === null : r.exitVerdict === f.verdict)),
  );
}
