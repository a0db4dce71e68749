import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { GateOverviewDto } from '../../shared/contract/gate';
import type { SessionDto } from '../../shared/dto';
import { seedDemo } from '../demo/seedDemo';
import { testCore, type TestCore } from '../testing/testCore';

describe('gate demo', () => {
  let core: TestCore;
  const now = Date.UTC(2026, 10, 23, 2, 30);
  beforeEach(async () => {
    core = await testCore({ clock: () => now });
  });
  afterEach(() => core.dispose());

  it('seeds a morning at the gate: queues on three lines, one held truck, two released in order, one notice', async () => {
    expect(await core.db.write((m) => seedDemo(m, now))).toBe(true);
    const gate = await core.ok<SessionDto>('auth.signIn', { staffNo: 'D003', pin: '1003' });
    const o = await core.ok<GateOverviewDto>('gate.getOverview', {}, gate.token);
    expect(o.lines.map((l) => l.productCode).sort()).toEqual(['PC325R-S', 'PO425-D', 'PO425-S']);
    expect(o.queuedTotal).toBe(5);
    const queued = o.lines.flatMap((l) => l.queued);
    expect(queued.filter((q) => !q.authorized).map((q) => q.truckPlate)).toEqual(['豫A9R356']);
    // Seven at the gate now, plus this morning's three finished shipments (registered, released and out).
    expect(o.today).toMatchObject({ registered: 10, released: 5, out: 3, outOfOrder: 0 });
    expect(o.notices).toHaveLength(1);
    expect(o.pace.mode).toBe('normal');
  });
});
