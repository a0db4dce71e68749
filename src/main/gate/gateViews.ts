import { In, MoreThanOrEqual, type EntityManager } from 'typeorm';
import type { GateBoardDto, GateOverviewDto } from '../../shared/contract/gate';
import { ACTIVE_JOURNEY_STATUSES, type JourneyStatus } from '../../shared/journey';
import { localDate, startOfLocalDate } from '../../shared/workingDays';
import { journeyDtos } from '../journey/journeys';
import { TruckJourney } from '../journey/truckJourney.entity';
import { Product } from '../sales/product.entity';
import type { SettingsService } from '../settings/settingsService';
import { blockedExits } from './exitCheck';
import { ExitCheck } from './gate.entities';
import { activeNotices } from './notices';
import { openAlert } from './queueAlert';
import { queueLines, type RateSettings } from './queueView';
import { currentPace } from './releasePace';

export function rateSettings(settings: SettingsService): RateSettings {
  return {
    windowMinutes: settings.get('gate.rateWindowMinutes'),
    minSamples: settings.get('gate.rateMinSamples'),
    baggedNominalKgPerHour: settings.get('dispatch.packingRateTonnesPerHour') * 1000,
    bulkNominalKgPerHour: settings.get('gate.bulkNominalTonnesPerHour') * 1000,
  };
}

/** Trucks on their way to the scale: released (tare) and loaded bagged / sealed bulk (gross). */
function weighbridgeQueue(inPlant: TruckJourney[], warnAt: number): GateOverviewDto['weighbridgeQueue'] {
  const waitingTare = inPlant.filter((j) => j.status === 'released').length;
  const waitingGross = inPlant.filter((j) => (j.status === 'loaded' && j.packaging === 'bagged') || j.status === 'sealed').length;
  return { waitingTare, waitingGross, total: waitingTare + waitingGross, warnAt };
}

async function todayCounts(m: EntityManager, at: number, utcOffsetMinutes: number): Promise<GateOverviewDto['today']> {
  const since = startOfLocalDate(localDate(at, { utcOffsetMinutes }), { utcOffsetMinutes });
  const journeys = m.getRepository(TruckJourney);
  const count = (where: object) => journeys.countBy(where);
  return {
    registered: await count({ registeredAt: MoreThanOrEqual(since) }),
    released: await count({ releasedAt: MoreThanOrEqual(since) }),
    out: await count({ outAt: MoreThanOrEqual(since) }),
    cancelled: await count({ status: 'cancelled', statusAt: MoreThanOrEqual(since) }),
    outOfOrder: await count({ releasedOutOfOrder: true, releasedAt: MoreThanOrEqual(since) }),
    exitsBlocked: await m.getRepository(ExitCheck).countBy({ passed: false, checkedAt: MoreThanOrEqual(since) }),
  };
}

/** Everything the gate screen shows, in one read. */
export async function gateOverview(m: EntityManager, at: number, settings: SettingsService): Promise<GateOverviewDto> {
  const lines = await queueLines(m, at, rateSettings(settings));
  const inPlantRows = await m.getRepository(TruckJourney).find({ where: { status: In(ACTIVE_JOURNEY_STATUSES.filter((s) => s !== 'registered')) }, order: { id: 'ASC' } });
  const inPlant: Partial<Record<JourneyStatus, number>> = {};
  for (const j of inPlantRows) inPlant[j.status] = (inPlant[j.status] ?? 0) + 1;
  return {
    lines,
    queuedTotal: lines.reduce((sum, l) => sum + l.queued.length, 0),
    alertThreshold: settings.get('gate.queueAlertThreshold'),
    openAlert: await openAlert(m),
    pace: await currentPace(m, settings.get('gate.releaseIntervalSeconds')),
    notices: await activeNotices(m),
    weighbridgeQueue: weighbridgeQueue(inPlantRows, settings.get('gate.weighbridgeQueueWarn')),
    inPlant,
    today: await todayCounts(m, at, settings.get('calendar.utcOffsetMinutes')),
    awaitingExit: await journeyDtos(m, inPlantRows.filter((j) => j.status === 'exit_checked')),
    blockedExits: await blockedExits(m),
  };
}

const CALLED_LIMIT = 6;

/** The drivers' board: the same queue without customer data, the trucks just called, pace and notices. */
export async function gateBoard(m: EntityManager, at: number, settings: SettingsService): Promise<GateBoardDto> {
  const lines = await queueLines(m, at, rateSettings(settings));
  const since = at - settings.get('gate.boardCalledMinutes') * 60_000;
  const called = await m.getRepository(TruckJourney).find({ where: { releasedAt: MoreThanOrEqual(since), status: In(['released', 'tare_weighed']) }, order: { releasedAt: 'DESC', id: 'DESC' }, take: CALLED_LIMIT });
  const products = called.length ? await m.getRepository(Product).findBy({ id: In([...new Set(called.map((j) => j.productId))]) }) : [];
  const grade = new Map(products.map((p) => [p.id, p.grade]));
  return {
    lines: lines
      .filter((l) => l.queued.length > 0)
      .map((l) => ({
        productId: l.productId,
        productCode: l.productCode,
        grade: l.grade,
        packaging: l.packaging,
        trucks: l.queued.map((q) => ({ position: q.position, truckPlate: q.truckPlate, status: !q.authorized ? 'held' : q.isHead ? 'next' : 'waiting', estimatedWaitMinutes: q.estimatedWaitMinutes })),
      })),
    called: called.map((j) => ({ journeyId: j.id, truckPlate: j.truckPlate, grade: grade.get(j.productId) ?? '', packaging: j.packaging, releasedAt: j.releasedAt! })),
    pace: await currentPace(m, settings.get('gate.releaseIntervalSeconds')),
    notices: await activeNotices(m),
    queuedTotal: lines.reduce((sum, l) => sum + l.queued.length, 0),
    voiceCall: settings.get('gate.boardVoiceCall'),
    generatedAt: at,
  };
}
