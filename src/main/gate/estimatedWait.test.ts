import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { GateOverviewDto } from '../../shared/contract/gate';
import { lineRate, queueWaits, waitMinutes } from './estimatedWait';
import { gateFixture, MIN, type GateFixture } from './gateFixture';

describe('estimated waits from line rates (hand-computed)', () => {
  // Three trucks loaded on the line at 09:00 (30 t), 09:20 (30 t) and 09:40 (40 t): after the first load,
  // 70 t in 40 minutes → 105 t/h = 105 000 kg/h.
  const t = Date.UTC(2026, 10, 23, 1, 0, 0);
  const loads = [
    { loadedAt: t + 40 * MIN, quantityKg: 40_000 },
    { loadedAt: t, quantityKg: 30_000 },
    { loadedAt: t + 20 * MIN, quantityKg: 30_000 },
  ];

  it('measures the recent rate, or falls back to the nominal one with too few loads', () => {
    expect(lineRate(loads, 3, 100_000)).toEqual({ kgPerHour: 105_000, source: 'recent' });
    expect(lineRate(loads.slice(0, 2), 3, 100_000)).toEqual({ kgPerHour: 100_000, source: 'nominal' });
    expect(lineRate([loads[0]!, loads[0]!, loads[0]!], 3, 100_000).source).toBe('nominal'); // all at one instant
  });

  it('waits: cement ahead ÷ rate, rounded up; held trucks hold nobody up', () => {
    expect(waitMinutes(70_000, 105_000)).toBe(40);
    expect(waitMinutes(1, 105_000)).toBe(1);
    expect(waitMinutes(0, 105_000)).toBe(0);
    // 30 t already released and not loaded; queue: 40 t, held 30 t, 35 t.
    expect(
      queueWaits(
        [
          { quantityKg: 40_000, authorized: true },
          { quantityKg: 30_000, authorized: false },
          { quantityKg: 35_000, authorized: true },
          { quantityKg: 30_000, authorized: true },
        ],
        30_000,
        105_000,
      ),
    ).toEqual([18, 40, 40, 60]); // 30 t → 17.1 → 18; 70 t → 40; 70 t → 40; 105 t → 60
  });
});

describe('estimated waits on the gate screen', () => {
  let f: GateFixture;
  beforeEach(async () => (f = await gateFixture()));
  afterEach(() => f.core.dispose());

  it('uses the loads recorded on the line within the window', async () => {
    const loaded = [await f.register({ quantityKg: 30_000 }), await f.register({ quantityKg: 30_000 }), await f.register({ quantityKg: 40_000 })];
    for (const truck of loaded) {
      await f.moveTo(truck.id, ['released', 'tare_weighed', 'loading', 'loaded']);
      f.tick(20 * MIN);
    }
    // Loads at T0, T0+20 and T0+40 min: 105 t/h. Now T0+60; one truck released (30 t), two queued (40 t, 20 t).
    await f.signInAgain();
    const inPlant = await f.register({ quantityKg: 30_000 });
    await f.moveTo(inPlant.id, ['released']);
    await f.register({ quantityKg: 40_000 });
    await f.register({ quantityKg: 20_000 });
    const line = (await f.core.ok<GateOverviewDto>('gate.getOverview', {}, f.gatekeeper.token)).lines[0]!;
    expect(line).toMatchObject({ rateKgPerHour: 105_000, rateSource: 'recent', inPlantAhead: 1 });
    expect(line.queued.map((q) => q.estimatedWaitMinutes)).toEqual([18, 40]);

    // Three hours later the loads are outside the 120-minute window: the nominal 100 t/h of a packing machine.
    f.tick(180 * MIN);
    await f.signInAgain();
    const later = (await f.core.ok<GateOverviewDto>('gate.getOverview', {}, f.gatekeeper.token)).lines[0]!;
    expect(later).toMatchObject({ rateKgPerHour: 100_000, rateSource: 'nominal' });
    expect(later.queued.map((q) => q.estimatedWaitMinutes)).toEqual([18, 42]);
  });
});
