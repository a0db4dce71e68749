import { In, IsNull, MoreThanOrEqual, Not, type EntityManager } from 'typeorm';
import { slipAmountFen } from '../../shared/contract/slips';
import type {
  CaptureResultDto,
  RuleHitDto,
  WaitingTruckDto,
  WeighDecision,
  WeighRulesBoardDto,
  WeighStage,
  WeighStationDto,
  WeighTruckDto,
} from '../../shared/contract/weighing';
import { AppError } from '../../shared/errors';
import { ACTIVE_JOURNEY_STATUSES } from '../../shared/journey';
import type { Role } from '../../shared/roles';
import { isValidPlate, normalizePlate } from '../../shared/validators/plate';
import { localDate, startOfLocalDate } from '../../shared/workingDays';
import { SERIES, nextNumber } from '../documents/numberSeries';
import { appendEvent, type Actor } from '../events/appendEvent';
import { postLedger } from '../finance/ledger';
import { LedgerEntry } from '../finance/ledgerEntry.entity';
import { moveJourney } from '../journey/journeyMachine';
import { journeyDto, journeyDtos, lockJourney } from '../journey/journeys';
import { TruckJourney } from '../journey/truckJourney.entity';
import { PlanSlip } from '../sales/planSlip.entity';
import { Product } from '../sales/product.entity';
import type { SettingsService } from '../settings/settingsService';
import type { ScaleSource } from './scale/scaleSource';
import { WeighingException, WeighingTicket } from './weighing.entities';
import { exceptionDto, exceptionDtos, pendingException, ticketDto, ticketDtos } from './weighingTickets';
import { TARE_HISTORY_COUNT, grossRuleHits, tareFluctuation } from './weightRules';

/** What a weighing needs besides the transaction: the settings, the scale, and the caller's role (manual weights). */
export interface WeighDeps {
  settings: SettingsService;
  scale: ScaleSource;
  role: Role | null;
}

const MANUAL_ROLES: readonly Role[] = ['supervisor', 'admin'];

/** Which weighing a journey is due for: tare once released; gross once loaded (bagged) or sealed (bulk). */
export function dueStage(j: Pick<TruckJourney, 'status' | 'packaging'>): WeighStage | null {
  if (j.status === 'released') return 'tare';
  if (j.status === 'loaded' && j.packaging === 'bagged') return 'gross';
  if (j.status === 'sealed' && j.packaging === 'bulk') return 'gross';
  return null;
}

/** The instant the truck's 10-minute wait for this weighing started (release; loaded for bagged, sealed for bulk). */
export function waitStartOf(j: TruckJourney, stage: WeighStage): number {
  if (stage === 'tare') return j.releasedAt ?? j.statusAt;
  return (j.packaging === 'bulk' ? j.sealedAt : j.loadedAt) ?? j.statusAt;
}

/**
 * The weight of this capture: the scale's stable weight, or a weight typed in by a supervisor with a reason
 * (a weighbridge operator is refused). Nothing has been written when this refuses.
 */
function takeWeight(deps: WeighDeps, manual: { kg: number; reason: string } | undefined): { kg: number; manualReason: string | null } {
  if (manual) {
    if (!deps.role || !MANUAL_ROLES.includes(deps.role)) throw new AppError('FORBIDDEN', 'errors.manualWeightSupervisorOnly');
    return { kg: manual.kg, manualReason: manual.reason };
  }
  const reading = deps.scale.stableWeight();
  if (!reading || !Number.isSafeInteger(reading.kg) || reading.kg <= 0) {
    throw new AppError('RULE_VIOLATION', 'errors.scaleNotStable', { status: deps.scale.snapshot().status });
  }
  return { kg: reading.kg, manualReason: null };
}

async function audit(m: EntityManager, actor: Actor, j: TruckJourney, stage: WeighStage, weight: { kg: number; manualReason: string | null }): Promise<void> {
  if (weight.manualReason === null) return;
  await appendEvent(m, actor, {
    type: 'weighing.manualWeightEntered',
    docType: 'truck_journey',
    docId: j.id,
    payload: { number: j.number, truckPlate: j.truckPlate, stage, weightKg: weight.kg, reason: weight.manualReason },
  });
}

/** The truck's previous tares, newest first (its recorded tare history). */
async function previousTares(m: EntityManager, j: TruckJourney): Promise<number[]> {
  const rows = await m.getRepository(WeighingTicket).find({
    where: { truckPlate: j.truckPlate, journeyId: Not(j.id) },
    order: { tareAt: 'DESC', id: 'DESC' },
    take: TARE_HISTORY_COUNT,
    select: { id: true, tareKg: true },
  });
  return rows.map((r) => r.tareKg);
}

async function holdWeighing(
  m: EntityManager,
  actor: Actor,
  j: TruckJourney,
  stage: WeighStage,
  weight: { kg: number; manualReason: string | null },
  hits: RuleHitDto[],
  ticketId: number | null,
): Promise<WeighingException> {
  return m.save(
    m.create(WeighingException, {
      journeyId: j.id,
      ticketId,
      stage,
      weightKg: weight.kg,
      capturedAt: actor.at,
      capturedBy: actor.staffId,
      manualReason: weight.manualReason,
      waitStartAt: waitStartOf(j, stage),
      hits,
      decision: null,
      decidedAt: null,
      decidedBy: null,
      reason: null,
    }),
  );
}

/** The capture event every weighing writes (held or not): it ends the truck's wait for the KPI. */
async function captureEvent(m: EntityManager, actor: Actor, j: TruckJourney, stage: WeighStage, facts: Record<string, unknown>): Promise<void> {
  const waitStartAt = waitStartOf(j, stage);
  await appendEvent(m, actor, {
    type: stage === 'tare' ? 'weighing.tareCaptured' : 'weighing.grossCaptured',
    docType: 'truck_journey',
    docId: j.id,
    payload: { number: j.number, truckPlate: j.truckPlate, packaging: j.packaging, waitStartAt, waitedMs: actor.at - waitStartAt, ...facts },
  });
}

async function openTicket(
  m: EntityManager,
  actor: Actor,
  deps: WeighDeps,
  j: TruckJourney,
  weight: { kg: number; manualReason: string | null },
  capturedAt: number,
  capturedBy: number | null,
  exceptionId: number | null,
): Promise<WeighingTicket> {
  const slip = await m.getRepository(PlanSlip).findOneByOrFail({ id: j.slipId });
  const number = await nextNumber(m, SERIES.weighingTicket, actor.at, deps.settings.get('calendar.utcOffsetMinutes'));
  const ticket = await m.save(
    m.create(WeighingTicket, {
      number,
      journeyId: j.id,
      slipId: j.slipId,
      customerId: j.customerId,
      productId: j.productId,
      packaging: j.packaging,
      truckPlate: j.truckPlate,
      status: 'open',
      tareKg: weight.kg,
      tareAt: capturedAt,
      tareBy: capturedBy,
      tareManualReason: weight.manualReason,
      grossKg: null,
      grossAt: null,
      grossBy: null,
      grossManualReason: null,
      netKg: null,
      priceFenPerTonne: slip.priceFenPerTonne,
      amountFen: null,
      completedAt: null,
    }),
  );
  const releasedAt = j.releasedAt ?? j.statusAt;
  await moveJourney(m, actor, j, {
    to: 'tare_weighed',
    details: {
      tareKg: weight.kg,
      releasedAt,
      tareCapturedAt: capturedAt,
      waitedMs: capturedAt - releasedAt,
      ticketId: ticket.id,
      ticketNumber: number,
      manual: weight.manualReason !== null,
      exceptionId,
    },
  });
  return ticket;
}

/** What is still reserved for the slip in the ledger (reservations minus releases), in fen. */
async function openReservation(m: EntityManager, customerId: number, slipNumber: string): Promise<number> {
  const row = await m
    .getRepository(LedgerEntry)
    .createQueryBuilder('l')
    .select('COALESCE(SUM(l.amountFen), 0)', 'n')
    .where('l.customerId = :customerId AND l.docType = :docType AND l.docId = :docId AND l.kind IN (:...kinds)', {
      customerId,
      docType: 'planSlip',
      docId: slipNumber,
      kinds: ['slip_reservation', 'slip_release'],
    })
    .getRawOne<{ n: string | number }>();
  return -Number(row?.n ?? 0);
}

/**
 * Completes the ticket at gross: net = gross − tare, amount = net at the slip price. The customer's ledger moves from
 * the slip's reservation to the actual shipment: the open reservation is released and the shipment posted, so the
 * balance reflects the net really shipped. Then the journey moves to gross_weighed.
 */
async function completeTicket(
  m: EntityManager,
  actor: Actor,
  j: TruckJourney,
  ticket: WeighingTicket,
  weight: { kg: number; manualReason: string | null },
  capturedAt: number,
  capturedBy: number | null,
  exceptionId: number | null,
): Promise<WeighingTicket> {
  const slip = await m.getRepository(PlanSlip).findOneByOrFail({ id: j.slipId });
  const netKg = weight.kg - ticket.tareKg;
  const amountFen = slipAmountFen(ticket.priceFenPerTonne, netKg);
  Object.assign(ticket, {
    status: 'completed',
    grossKg: weight.kg,
    grossAt: capturedAt,
    grossBy: capturedBy,
    grossManualReason: weight.manualReason,
    netKg,
    amountFen,
    completedAt: actor.at,
  });
  await m.save(ticket);
  const reservedFen = await openReservation(m, j.customerId, slip.number);
  if (reservedFen > 0) {
    await postLedger(m, actor, { customerId: j.customerId, kind: 'slip_release', amountFen: reservedFen, docType: 'planSlip', docId: slip.number, note: ticket.number });
  }
  if (amountFen > 0) {
    await postLedger(m, actor, { customerId: j.customerId, kind: 'shipment', amountFen: -amountFen, docType: 'weighingTicket', docId: ticket.number, note: `${j.truckPlate} ${slip.number}` });
  }
  await appendEvent(m, actor, {
    type: 'weighing.ticketCompleted',
    docType: 'weighingTicket',
    docId: ticket.number,
    payload: {
      ticketId: ticket.id,
      journeyId: j.id,
      journeyNumber: j.number,
      truckPlate: j.truckPlate,
      slipNumber: slip.number,
      customerId: j.customerId,
      productId: j.productId,
      packaging: j.packaging,
      tareKg: ticket.tareKg,
      grossKg: weight.kg,
      netKg,
      priceFenPerTonne: ticket.priceFenPerTonne,
      amountFen,
      reservedFen,
      tareManual: ticket.tareManualReason !== null,
      grossManual: weight.manualReason !== null,
      exceptionId,
    },
  });
  const waitStartAt = waitStartOf(j, 'gross');
  await moveJourney(m, actor, j, {
    to: 'gross_weighed',
    details: {
      ticketId: ticket.id,
      ticketNumber: ticket.number,
      tareKg: ticket.tareKg,
      grossKg: weight.kg,
      netKg,
      amountFen,
      waitStartAt,
      grossCapturedAt: capturedAt,
      waitedMs: capturedAt - waitStartAt,
      manual: weight.manualReason !== null,
      exceptionId,
    },
  });
  return ticket;
}

async function result(m: EntityManager, j: TruckJourney, stage: WeighStage, kg: number, ticket: WeighingTicket | null, exc: WeighingException | null): Promise<CaptureResultDto> {
  return {
    outcome: exc && exc.decidedAt === null ? 'held' : 'weighed',
    stage,
    weightKg: kg,
    journey: await journeyDto(m, j),
    ticket: ticket ? await ticketDto(m, ticket) : null,
    exception: exc ? await exceptionDto(m, exc) : null,
  };
}

async function lockForStage(m: EntityManager, journeyId: number, stage: WeighStage): Promise<TruckJourney> {
  const j = await lockJourney(m, journeyId);
  if (dueStage(j) !== stage) {
    throw new AppError('RULE_VIOLATION', stage === 'tare' ? 'errors.weighNotDueTare' : 'errors.weighNotDueGross', { plate: j.truckPlate, status: j.status });
  }
  if (await pendingException(m, j.id)) throw new AppError('RULE_VIOLATION', 'errors.weighingHeld', { plate: j.truckPlate });
  return j;
}

/** 皮重: a released truck weighed empty; a fluctuation against its recorded tares holds the weighing. */
export async function captureTare(m: EntityManager, actor: Actor, deps: WeighDeps, input: { journeyId: number; manual?: { kg: number; reason: string } }): Promise<CaptureResultDto> {
  const j = await lockForStage(m, input.journeyId, 'tare');
  const weight = takeWeight(deps, input.manual);
  const history = await previousTares(m, j);
  const hit = tareFluctuation(weight.kg, history, {
    tolerancePercent: deps.settings.get('weighing.tareTolerancePercent'),
    toleranceKg: deps.settings.get('weighing.tareToleranceKg'),
  });
  await audit(m, actor, j, 'tare', weight);
  if (hit) {
    const exc = await holdWeighing(m, actor, j, 'tare', weight, [hit], null);
    await captureEvent(m, actor, j, 'tare', { weightKg: weight.kg, manual: weight.manualReason !== null, held: true, exceptionId: exc.id, hits: [hit] });
    return result(m, j, 'tare', weight.kg, null, exc);
  }
  await captureEvent(m, actor, j, 'tare', { weightKg: weight.kg, manual: weight.manualReason !== null, held: false, hits: [] });
  const ticket = await openTicket(m, actor, deps, j, weight, actor.at, actor.staffId, null);
  return result(m, j, 'tare', weight.kg, ticket, null);
}

async function ticketOf(m: EntityManager, j: TruckJourney): Promise<WeighingTicket> {
  const ticket = await m.getRepository(WeighingTicket).findOneBy({ journeyId: j.id });
  if (!ticket) throw new AppError('RULE_VIOLATION', 'errors.weighNoTare', { plate: j.truckPlate });
  return ticket;
}

function grossHits(deps: WeighDeps, j: TruckJourney, product: Product, netKg: number): RuleHitDto[] {
  return grossRuleHits({
    netKg,
    slipQuantityKg: j.quantityKg,
    packaging: j.packaging,
    bags: j.bagsLoaded,
    bagWeightKg: product.bagWeightKg ?? deps.settings.get('dispatch.bagWeightKg'),
    netMinPercent: deps.settings.get('weighing.netMinPercentOfSlip'),
    overweightPermille: deps.settings.get('weighing.bagOverweightPermille'),
  });
}

/** 毛重: a loaded (bagged) / sealed (bulk) truck weighed; the rules decide whether the ticket completes or is held. */
export async function captureGross(m: EntityManager, actor: Actor, deps: WeighDeps, input: { journeyId: number; manual?: { kg: number; reason: string } }): Promise<CaptureResultDto> {
  const j = await lockForStage(m, input.journeyId, 'gross');
  const ticket = await ticketOf(m, j);
  const weight = takeWeight(deps, input.manual);
  if (weight.kg <= ticket.tareKg) throw new AppError('RULE_VIOLATION', 'errors.grossNotAboveTare', { grossKg: weight.kg, tareKg: ticket.tareKg });
  const product = await m.getRepository(Product).findOneByOrFail({ id: j.productId });
  const netKg = weight.kg - ticket.tareKg;
  const hits = grossHits(deps, j, product, netKg);
  await audit(m, actor, j, 'gross', weight);
  const facts = { weightKg: weight.kg, tareKg: ticket.tareKg, netKg, ticketNumber: ticket.number, bagsLoaded: j.bagsLoaded, manual: weight.manualReason !== null };
  if (hits.length) {
    const exc = await holdWeighing(m, actor, j, 'gross', weight, hits, ticket.id);
    await captureEvent(m, actor, j, 'gross', { ...facts, held: true, exceptionId: exc.id, hits });
    return result(m, j, 'gross', weight.kg, ticket, exc);
  }
  await captureEvent(m, actor, j, 'gross', { ...facts, held: false, hits: [] });
  await completeTicket(m, actor, j, ticket, weight, actor.at, actor.staffId, null);
  return result(m, j, 'gross', weight.kg, ticket, null);
}

const ALLOWED: Record<WeighStage, readonly WeighDecision[]> = { tare: ['accept', 'reweigh'], gross: ['accept', 'return'] };

/**
 * A supervisor's decision on a held weighing, with a reason (audited): tare → accept (ticket opened with the held
 * weight) or reweigh (capture discarded, the truck stays released); gross → accept (ticket completed, ledger moved)
 * or return (the truck goes back to loading through `returned` and is weighed at gross again).
 */
export async function decideException(
  m: EntityManager,
  actor: Actor,
  deps: WeighDeps,
  input: { exceptionId: number; decision: WeighDecision; reason: string },
): Promise<CaptureResultDto> {
  const exc = await m.getRepository(WeighingException).findOneBy({ id: input.exceptionId });
  if (!exc) throw new AppError('NOT_FOUND', 'errors.weighingExceptionNotFound', { id: input.exceptionId });
  if (exc.decidedAt !== null) throw new AppError('RULE_VIOLATION', 'errors.weighingExceptionDecided', { id: exc.id });
  if (!ALLOWED[exc.stage].includes(input.decision)) {
    throw new AppError('VALIDATION', 'errors.validation', undefined, [{ path: 'decision', message: 'fields.weighDecisionNotAllowed' }]);
  }
  const j = await lockJourney(m, exc.journeyId);
  if (dueStage(j) !== exc.stage) throw new AppError('RULE_VIOLATION', 'errors.weighingExceptionDecided', { id: exc.id });
  // Claim the exception (guarded update): two supervisors deciding at once cannot both act.
  const res = await m
    .createQueryBuilder()
    .update(WeighingException)
    .set({ decision: input.decision, decidedAt: actor.at, decidedBy: actor.staffId, reason: input.reason })
    .where('id = :id AND decidedAt IS NULL', { id: exc.id })
    .execute();
  if (res.affected === 0) throw new AppError('RULE_VIOLATION', 'errors.weighingExceptionDecided', { id: exc.id });
  Object.assign(exc, { decision: input.decision, decidedAt: actor.at, decidedBy: actor.staffId, reason: input.reason });
  await appendEvent(m, actor, {
    type: 'weighing.exceptionDecided',
    docType: 'truck_journey',
    docId: j.id,
    payload: {
      number: j.number,
      truckPlate: j.truckPlate,
      exceptionId: exc.id,
      stage: exc.stage,
      decision: input.decision,
      reason: input.reason,
      rules: exc.hits.map((h) => h.rule),
      hits: exc.hits,
      weightKg: exc.weightKg,
      capturedAt: exc.capturedAt,
    },
  });
  const weight = { kg: exc.weightKg, manualReason: exc.manualReason };
  if (exc.stage === 'tare') {
    const ticket = input.decision === 'accept' ? await openTicket(m, actor, deps, j, weight, exc.capturedAt, exc.capturedBy, exc.id) : null;
    return result(m, j, 'tare', exc.weightKg, ticket, exc);
  }
  const ticket = await ticketOf(m, j);
  if (input.decision === 'accept') {
    await completeTicket(m, actor, j, ticket, weight, exc.capturedAt, exc.capturedBy, exc.id);
    return result(m, j, 'gross', exc.weightKg, ticket, exc);
  }
  // Returned: the journey machine returns a truck from gross_weighed, so the held weighing is recorded as a gross
  // weighing flagged `returned` (no ticket completion, no ledger movement) and the truck goes back to loading.
  const netKg = exc.weightKg - ticket.tareKg;
  const details = { ticketNumber: ticket.number, tareKg: ticket.tareKg, grossKg: exc.weightKg, netKg, exceptionId: exc.id, rules: exc.hits.map((h) => h.rule), reason: input.reason };
  await moveJourney(m, actor, j, { to: 'gross_weighed', details: { ...details, returned: true, waitStartAt: exc.waitStartAt, grossCapturedAt: exc.capturedAt } });
  await moveJourney(m, actor, j, { to: 'returned', details: { ...details, bagsLoaded: j.bagsLoaded } });
  return result(m, j, 'gross', exc.weightKg, ticket, exc);
}

/** The truck on the scale by journey number (gate pass QR), plan slip number (slip QR) or plate. */
export async function findTruck(m: EntityManager, code: string): Promise<WeighTruckDto> {
  const journeys = m.getRepository(TruckJourney);
  const upper = code.trim().toUpperCase();
  const plate = normalizePlate(code);
  const active = { status: In([...ACTIVE_JOURNEY_STATUSES]) };
  let j: TruckJourney | null = null;
  if (/^TJ-\d{4}-\d{6}$/.test(upper)) j = await journeys.findOneBy({ number: upper });
  else if (/^PS-\d{4}-\d{6}$/.test(upper)) {
    const slip = await m.getRepository(PlanSlip).findOneBy({ number: upper });
    if (slip) j = (await journeys.findOne({ where: { slipId: slip.id, ...active }, order: { id: 'DESC' } })) ?? (await journeys.findOne({ where: { slipId: slip.id }, order: { id: 'DESC' } }));
  } else if (isValidPlate(plate)) {
    j = (await journeys.findOne({ where: { truckPlate: plate, ...active }, order: { id: 'DESC' } })) ?? (await journeys.findOne({ where: { truckPlate: plate }, order: { id: 'DESC' } }));
  }
  if (!j) throw new AppError('NOT_FOUND', 'errors.weighTruckNotFound', { code }, [{ path: 'code', message: 'errors.weighTruckNotFound', params: { code } }]);
  const stage = dueStage(j);
  const ticket = await m.getRepository(WeighingTicket).findOneBy({ journeyId: j.id });
  const pending = await pendingException(m, j.id);
  return {
    journey: await journeyDto(m, j),
    stage,
    waitStartAt: stage ? waitStartOf(j, stage) : null,
    ticket: ticket ? await ticketDto(m, ticket) : null,
    pending: pending ? await exceptionDto(m, pending) : null,
  };
}

export async function getTicket(m: EntityManager, id: number) {
  const row = await m.getRepository(WeighingTicket).findOneBy({ id });
  if (!row) throw new AppError('NOT_FOUND', 'errors.weighingTicketNotFound', { id });
  return ticketDto(m, row);
}

export async function listTickets(m: EntityManager, input: { day?: string; status?: 'open' | 'completed'; limit: number }, now: number, utcOffsetMinutes: number) {
  const cal = { utcOffsetMinutes };
  const day = input.day ?? localDate(now, cal);
  const from = startOfLocalDate(day, cal);
  const qb = m
    .getRepository(WeighingTicket)
    .createQueryBuilder('t')
    .where('t.tareAt >= :from AND t.tareAt < :to', { from, to: from + 24 * 3_600_000 })
    .orderBy('t.tareAt', 'DESC')
    .addOrderBy('t.id', 'DESC')
    .take(input.limit);
  if (input.status) qb.andWhere('t.status = :status', { status: input.status });
  return ticketDtos(m, await qb.getMany());
}

/** The weighbridge screen's data. */
export async function stationView(m: EntityManager, now: number, settings: SettingsService): Promise<WeighStationDto> {
  const cal = { utcOffsetMinutes: settings.get('calendar.utcOffsetMinutes') };
  const journeys = await m.getRepository(TruckJourney).find({
    where: [{ status: 'released' }, { status: 'loaded', packaging: 'bagged' }, { status: 'sealed', packaging: 'bulk' }],
    order: { id: 'ASC' },
  });
  const ids = journeys.map((j) => j.id);
  const [dtos, pendingRows, tickets] = await Promise.all([
    journeyDtos(m, journeys),
    // Only weighings of trucks still due (a truck cancelled at the gate leaves its held tare behind, undecidable).
    ids.length ? m.getRepository(WeighingException).find({ where: { decidedAt: IsNull(), journeyId: In(ids) }, order: { id: 'ASC' } }) : Promise.resolve([]),
    ids.length ? m.getRepository(WeighingTicket).findBy({ journeyId: In(ids) }) : Promise.resolve([]),
  ]);
  const pending = await exceptionDtos(m, pendingRows);
  const pendingBy = new Map(pending.map((p) => [p.journeyId, p]));
  const ticketBy = new Map(tickets.map((t) => [t.journeyId, t]));
  const waiting: WaitingTruckDto[] = journeys.map((j, i) => {
    const stage = dueStage(j)!;
    return {
      journey: dtos[i]!,
      stage,
      waitStartAt: waitStartOf(j, stage),
      pending: pendingBy.get(j.id) ?? null,
      ticketNumber: ticketBy.get(j.id)?.number ?? null,
      tareKg: ticketBy.get(j.id)?.tareKg ?? null,
    };
  });
  const byWait = (a: WaitingTruckDto, b: WaitingTruckDto) => a.waitStartAt - b.waitStartAt;
  const today = await m.getRepository(WeighingTicket).find({
    where: { status: 'completed', completedAt: MoreThanOrEqual(startOfLocalDate(localDate(now, cal), cal)) },
    order: { completedAt: 'DESC' },
    take: 50,
  });
  return {
    waitMinutes: settings.get('weighing.waitMinutes'),
    waitingTare: waiting.filter((w) => w.stage === 'tare').sort(byWait),
    waitingGross: waiting.filter((w) => w.stage === 'gross').sort(byWait),
    pending,
    todayTickets: await ticketDtos(m, today),
  };
}

export function rulesBoard(settings: SettingsService, now: number): WeighRulesBoardDto {
  return {
    waitMinutes: settings.get('weighing.waitMinutes'),
    tareTolerancePercent: settings.get('weighing.tareTolerancePercent'),
    tareToleranceKg: settings.get('weighing.tareToleranceKg'),
    tareHistoryCount: TARE_HISTORY_COUNT,
    netMinPercentOfSlip: settings.get('weighing.netMinPercentOfSlip'),
    bagOverweightPermille: settings.get('weighing.bagOverweightPermille'),
    bagWeightKg: settings.get('dispatch.bagWeightKg'),
    generatedAt: now,
  };
}
