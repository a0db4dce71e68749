import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createCore } from '../core';
import { EventLogEntry } from '../events/eventLog.entity';
import { TruckJourney } from '../journey/truckJourney.entity';
import { parseSimulateArgs } from './args';
import { formatReport } from './monthReport';
import { runSimulation } from './simulator';

describe('plant-day simulator', () => {
  const dirs: string[] = [];
  const tempDir = () => {
    const dir = mkdtempSync(join(tmpdir(), 'dd-sim-'));
    dirs.push(dir);
    return dir;
  };
  afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

  it('the same seed prints the same report; every truck went through the windows with no refused call, each step an event by a signed-in clerk', async () => {
    const opts = { days: 1, seed: 7, startDay: '2026-03-02', model: { trucksPerDay: 40 } };
    const [a, b] = [tempDir(), tempDir()];
    const first = await runSimulation({ ...opts, dataDir: a });
    // The second run in bulk mode (one transaction an hour) must not change a thing the plant records.
    const second = await runSimulation({ ...opts, dataDir: b, bulk: true });
    expect(formatReport(second, 't')).toBe(formatReport(first, 't'));
    expect(first.tally.refusals).toEqual({});
    expect(first.tally.trucksArrived).toBeGreaterThan(20);
    expect(first.tally.trucksOut).toBe(first.tally.trucksArrived);
    expect(first.lines.find((l) => l.key === 'tareWait')?.value).toMatch(/%$/);

    const core = await createCore({ database: { engine: 'sqlite', file: join(a, 'dispatchdesk.sqlite') }, dataDir: a, appVersion: 'test' });
    try {
      const m = core.dataSource.manager;
      const journeys = await m.find(TruckJourney);
      expect(journeys).toHaveLength(first.tally.trucksArrived);
      expect(journeys.every((j) => j.status === 'out' && j.tareAt !== null && j.grossAt !== null)).toBe(true);
      const outEvents = await m.findBy(EventLogEntry, { type: 'journey.out' });
      expect(outEvents).toHaveLength(first.tally.trucksOut);
      const steps = await m.find(EventLogEntry, { where: [{ type: 'journey.released' }, { type: 'journey.tare_weighed' }, { type: 'journey.gross_weighed' }, { type: 'sales.slipIssued' }] });
      expect(steps.length).toBeGreaterThanOrEqual(4 * first.tally.trucksOut);
      expect(steps.every((e) => e.staffId !== null)).toBe(true);
    } finally {
      await core.close();
    }
  }, 600_000);

  it('reads its command line and refuses bad values with the usage', () => {
    expect(parseSimulateArgs(['--days', '30', '--seed', '1', '--extra-packers', '1'])).toMatchObject({ days: 30, seed: 1, bulk: false, model: { extraPackers: 1 } });
    expect(() => parseSimulateArgs(['--days', '0'])).toThrow(/--days must be a whole number 1/);
    expect(() => parseSimulateArgs(['--start', '2026-13-01'])).toThrow(/--start must be a date/);
    expect(() => parseSimulateArgs(['--fast'])).toThrow(/Unknown option --fast/);
  });
});
