import { In, IsNull, type EntityManager } from 'typeorm';
import type { WeighingExceptionDto, WeighingTicketDto, WeightRule } from '../../shared/contract/weighing';
import { TruckJourney } from '../journey/truckJourney.entity';
import { Customer } from '../sales/customer.entity';
import { PlanSlip } from '../sales/planSlip.entity';
import { Product } from '../sales/product.entity';
import { staffNames } from '../transport/authorizations';
import { WeighingException, WeighingTicket } from './weighing.entities';

/** Tickets with the names they print (journey, slip, customer, product, operators, accepted rule hits), loaded once per list. */
export async function ticketDtos(m: EntityManager, rows: WeighingTicket[]): Promise<WeighingTicketDto[]> {
  if (!rows.length) return [];
  const uniq = (xs: number[]) => [...new Set(xs)];
  const [journeys, slips, customers, products, accepted] = await Promise.all([
    m.getRepository(TruckJourney).findBy({ id: In(uniq(rows.map((r) => r.journeyId))) }),
    m.getRepository(PlanSlip).findBy({ id: In(uniq(rows.map((r) => r.slipId))) }),
    m.getRepository(Customer).findBy({ id: In(uniq(rows.map((r) => r.customerId))) }),
    m.getRepository(Product).findBy({ id: In(uniq(rows.map((r) => r.productId))) }),
    m.getRepository(WeighingException).find({ where: { journeyId: In(uniq(rows.map((r) => r.journeyId))), decision: 'accept' }, order: { id: 'ASC' } }),
  ]);
  const names = await staffNames(m, [...rows.flatMap((r) => [r.tareBy, r.grossBy]), ...accepted.map((e) => e.decidedBy)]);
  const name = (id: number | null) => (id === null ? null : (names.get(id) ?? null));
  const journey = new Map(journeys.map((j) => [j.id, j]));
  const slip = new Map(slips.map((s) => [s.id, s]));
  const customer = new Map(customers.map((c) => [c.id, c.name]));
  const product = new Map(products.map((p) => [p.id, p]));
  return rows.map((t) => {
    const j = journey.get(t.journeyId);
    return {
      id: t.id,
      number: t.number,
      status: t.status,
      journeyId: t.journeyId,
      journeyNumber: j?.number ?? '',
      slipNumber: slip.get(t.slipId)?.number ?? '',
      customerName: customer.get(t.customerId) ?? '',
      productCode: product.get(t.productId)?.code ?? '',
      grade: product.get(t.productId)?.grade ?? '',
      packaging: t.packaging,
      truckPlate: t.truckPlate,
      driverName: j?.driverName ?? '',
      slipQuantityKg: slip.get(t.slipId)?.quantityKg ?? 0,
      bagsLoaded: t.packaging === 'bagged' ? (j?.bagsLoaded ?? null) : null,
      tareKg: t.tareKg,
      tareAt: t.tareAt,
      tareByName: name(t.tareBy),
      tareManualReason: t.tareManualReason,
      grossKg: t.grossKg,
      grossAt: t.grossAt,
      grossByName: name(t.grossBy),
      grossManualReason: t.grossManualReason,
      netKg: t.netKg,
      priceFenPerTonne: t.priceFenPerTonne,
      amountFen: t.amountFen,
      acceptedHits: accepted
        .filter((e) => e.journeyId === t.journeyId)
        .map((e) => ({ stage: e.stage, rules: e.hits.map((h) => h.rule) as WeightRule[], reason: e.reason ?? '', decidedByName: name(e.decidedBy) })),
      completedAt: t.completedAt,
    };
  });
}

export async function ticketDto(m: EntityManager, row: WeighingTicket): Promise<WeighingTicketDto> {
  return (await ticketDtos(m, [row]))[0]!;
}

export async function exceptionDtos(m: EntityManager, rows: WeighingException[]): Promise<WeighingExceptionDto[]> {
  if (!rows.length) return [];
  const journeyIds = [...new Set(rows.map((r) => r.journeyId))];
  const [journeys, tickets] = await Promise.all([
    m.getRepository(TruckJourney).findBy({ id: In(journeyIds) }),
    m.getRepository(WeighingTicket).findBy({ journeyId: In(journeyIds) }),
  ]);
  const names = await staffNames(m, rows.flatMap((r) => [r.capturedBy, r.decidedBy]));
  const name = (id: number | null) => (id === null ? null : (names.get(id) ?? null));
  const journey = new Map(journeys.map((j) => [j.id, j]));
  const ticket = new Map(tickets.map((t) => [t.journeyId, t]));
  return rows.map((e) => ({
    id: e.id,
    journeyId: e.journeyId,
    journeyNumber: journey.get(e.journeyId)?.number ?? '',
    truckPlate: journey.get(e.journeyId)?.truckPlate ?? '',
    stage: e.stage,
    weightKg: e.weightKg,
    tareKg: e.stage === 'gross' ? (ticket.get(e.journeyId)?.tareKg ?? null) : null,
    capturedAt: e.capturedAt,
    capturedByName: name(e.capturedBy),
    manual: e.manualReason !== null,
    hits: e.hits,
    decision: e.decision,
    decidedAt: e.decidedAt,
    decidedByName: name(e.decidedBy),
    reason: e.reason,
  }));
}

export async function exceptionDto(m: EntityManager, row: WeighingException): Promise<WeighingExceptionDto> {
  return (await exceptionDtos(m, [row]))[0]!;
}

/** The weighing of this journey waiting for a supervisor, if any. */
export function pendingException(m: EntityManager, journeyId: number): Promise<WeighingException | null> {
  return m.getRepository(WeighingException).findOne({ where: { journeyId, decidedAt: IsNull() }, order: { id: 'DESC' } });
}
