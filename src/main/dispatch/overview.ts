import { Between, In, IsNull, Not, type EntityManager } from 'typeorm';
import type { DispatchOverviewDto } from '../../shared/contract/dispatch';
import { AppError } from '../../shared/errors';
import type { JourneyDto } from '../../shared/journey';
import { localDate, startOfLocalDate, addDays } from '../../shared/workingDays';
import { journeyDto, journeyDtos } from '../journey/journeys';
import { TruckJourney } from '../journey/truckJourney.entity';
import type { SettingsService } from '../settings/settingsService';
import type { BagCounterSource } from './counter/bagCounterSource';
import { LoadingPoint, TruckLoading } from './dispatch.entities';
import { dispatchKpis } from './kpis';
import { listPoints, loadingDto } from './loadingPoints';

const IN_PLANT = ['released', 'tare_weighed', 'loading', 'loaded', 'sealed', 'gross_weighed', 'returned', 'exit_checked'] as const;

/** A truck inside the plant by its journey number (gate pass QR) or plate; the newest journey of a plate. */
export async function findJourney(m: EntityManager, code: string): Promise<JourneyDto> {
  const key = code.trim().toUpperCase();
  const repo = m.getRepository(TruckJourney);
  const row = /^TJ-\d{4}-\d{6}$/.test(key)
    ? await repo.findOneBy({ number: key })
    : await repo.findOne({ where: { truckPlate: key.replace(/\s+/g, ''), status: In([...IN_PLANT]) }, order: { id: 'DESC' } });
  if (!row) throw new AppError('NOT_FOUND', 'errors.dispatchTruckNotFound', { code: key }, [{ path: 'code', message: 'errors.dispatchTruckNotFound' }]);
  return journeyDto(m, row);
}

export async function dispatchOverview(m: EntityManager, at: number, settings: SettingsService, counter: BagCounterSource): Promise<DispatchOverviewDto> {
  const utcOffsetMinutes = settings.get('calendar.utcOffsetMinutes');
  const sealWithinMinutes = settings.get('dispatch.sealWithinMinutes');
  const today = localDate(at, { utcOffsetMinutes });
  const dayStart = startOfLocalDate(today, { utcOffsetMinutes });
  const dayEnd = startOfLocalDate(addDays(today, 1), { utcOffsetMinutes });
  const journeys = m.getRepository(TruckJourney);

  const [points, waitingRows, sealRows, loadedRows] = await Promise.all([
    listPoints(m, counter),
    journeys.find({ where: { status: In(['tare_weighed', 'returned']) }, order: { statusAt: 'ASC', id: 'ASC' } }),
    journeys.find({ where: { status: 'loaded', packaging: 'bulk' }, order: { loadedAt: 'ASC', id: 'ASC' } }),
    journeys.find({ where: { loadedAt: Between(dayStart, dayEnd - 1), status: Not('loading') }, order: { loadedAt: 'DESC' }, take: 50 }),
  ]);
  const [waiting, sealDtos, loadedDtos] = await Promise.all([journeyDtos(m, waitingRows), journeyDtos(m, sealRows), journeyDtos(m, loadedRows)]);

  const loadings = loadedRows.length
    ? await m.getRepository(TruckLoading).find({ where: { journeyId: In(loadedRows.map((j) => j.id)), finishedAt: Not(IsNull()) }, order: { round: 'DESC' } })
    : [];
  const pointRows = loadings.length ? await m.getRepository(LoadingPoint).findBy({ id: In([...new Set(loadings.map((l) => l.pointId))]) }) : [];
  const code = new Map(pointRows.map((p) => [p.id, p.code]));
  const loadedToday: DispatchOverviewDto['loadedToday'] = [];
  for (const journey of loadedDtos) {
    const l = loadings.find((x) => x.journeyId === journey.id);
    if (l) loadedToday.push({ journey, loading: loadingDto(l), pointCode: code.get(l.pointId) ?? '' });
  }

  return {
    points,
    waiting,
    awaitingSeals: sealDtos.map((journey) => ({ journey, loadedAt: journey.loadedAt ?? journey.statusAt, deadline: (journey.loadedAt ?? journey.statusAt) + sealWithinMinutes * 60_000 })),
    loadedToday,
    bagWeightKg: settings.get('dispatch.bagWeightKg'),
    sealWithinMinutes,
    kpisToday: await dispatchKpis(m, settings, { from: today, to: today, now: at }),
  };
}
