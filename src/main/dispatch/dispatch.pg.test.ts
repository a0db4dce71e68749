import { describe, expect, it } from 'vitest';
import type { DispatchKpisDto, LoadingDto, LoadingPointDto } from '../../shared/contract/dispatch';
import type { JourneyDto } from '../../shared/journey';
import { moveJourney } from '../journey/journeyMachine';
import { TruckJourney } from '../journey/truckJourney.entity';
import { usePostgresCore } from '../testing/pgCore';
import { postgresAvailable } from '../testing/postgres';

/** The dispatch tables, the row locks and the KPI query on PostgreSQL, with the demo plant. */
describe.skipIf(!postgresAvailable())('dispatch on PostgreSQL', () => {
  const now = Date.UTC(2026, 10, 23, 2);
  const pg = usePostgresCore('dispatch', { clock: () => now, demoAt: now - 3_600_000 });

  const call = pg.ok;

  it('loads a demo truck at a packing machine, stops at the plan, and counts it in the KPIs', async () => {
    const clerk = await pg.signIn('D005', '1005');
    const supervisor = await pg.signIn('D007', '1007');
    const truck = await pg.core.db.write(async (m) => {
      const j = await m.getRepository(TruckJourney).findOneByOrFail({ status: 'released', packaging: 'bagged' });
      return moveJourney(m, { staffId: null, station: 'weighbridge', at: now }, j, { to: 'tare_weighed' });
    });
    // The demo's own shipments of this morning are in the day's KPIs already: compare against them.
    const earlier = await call<DispatchKpisDto>('dispatch.getKpis', { from: '2026-11-23', to: '2026-11-23' }, supervisor);
    const points = await call<LoadingPointDto[]>('dispatch.listPoints', {}, clerk);
    const point = points.find((p) => p.kind === 'packer' && (p.productId === null || p.productId === truck.productId))!;
    const started = await call<LoadingDto>('dispatch.startLoading', { journeyId: truck.id, pointId: point.id }, clerk);
    const planned = started.plannedBags!;
    const before = await pg.core.dispatch('dispatch.countBags', { journeyId: truck.id, bags: planned + 1 }, clerk);
    expect(before).toMatchObject({ ok: false, error: { message: 'errors.bagsBeyondPlan' } });
    await call('dispatch.countBags', { journeyId: truck.id, bags: planned }, clerk);
    await call('dispatch.recordBrokenBags', { journeyId: truck.id, bags: 1 }, clerk);
    const done = await call<JourneyDto>('dispatch.finishLoading', { journeyId: truck.id }, clerk);
    expect(done).toMatchObject({ status: 'loaded', bagsLoaded: planned });
    const kpis = await call<DispatchKpisDto>('dispatch.getKpis', { from: '2026-11-23', to: '2026-11-23' }, supervisor);
    expect(kpis.brokenBagRate).toMatchObject({ numerator: earlier.brokenBagRate.numerator + 1, denominator: earlier.brokenBagRate.denominator + planned });
    expect(kpis.perPoint.map((p) => p.code)).toContain(point.code);
  });
});
