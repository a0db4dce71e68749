import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { JOURNEY_STATUSES, type JourneyStatus, type Packaging } from '../../shared/journey';
import { EventLogEntry } from '../events/eventLog.entity';
import { journeyMayMove } from './journeyMachine';
import { TruckJourney } from './truckJourney.entity';
import { PlanSlip } from '../sales/planSlip.entity';
import { gateFixture, type GateFixture } from '../gate/gateFixture';

/** Every move the machine allows, per packaging; everything else must be refused. */
const ALLOWED: Record<Packaging, string[]> = {
  bagged: [
    'registered→released',
    'registered→cancelled',
    'released→tare_weighed',
    'released→cancelled',
    'tare_weighed→loading',
    'tare_weighed→cancelled',
    'loading→loaded',
    'loaded→gross_weighed',
    'gross_weighed→exit_checked',
    'gross_weighed→returned',
    'returned→loading',
    'exit_checked→out',
  ],
  bulk: [
    'registered→released',
    'registered→cancelled',
    'released→tare_weighed',
    'released→cancelled',
    'tare_weighed→loading',
    'tare_weighed→cancelled',
    'loading→loaded',
    'loaded→sealed',
    'sealed→gross_weighed',
    'gross_weighed→exit_checked',
    'gross_weighed→returned',
    'returned→loading',
    'exit_checked→out',
  ],
};

describe('the truck journey status machine', () => {
  for (const packaging of ['bagged', 'bulk'] as const) {
    it(`allows exactly the listed moves for ${packaging} trucks and refuses every other pair`, () => {
      const allowed: string[] = [];
      for (const from of JOURNEY_STATUSES) for (const to of JOURNEY_STATUSES) if (journeyMayMove(from, to, packaging)) allowed.push(`${from}→${to}`);
      expect(allowed.sort()).toEqual([...ALLOWED[packaging]].sort());
    });
  }

  it('has no way out of out and cancelled', () => {
    for (const to of JOURNEY_STATUSES) {
      expect(journeyMayMove('out', to, 'bulk')).toBe(false);
      expect(journeyMayMove('cancelled', to, 'bagged')).toBe(false);
    }
  });
});

describe('moveJourney', () => {
  let f: GateFixture;
  beforeEach(async () => (f = await gateFixture()));
  afterEach(() => f.core.dispose());

  const journey = (id: number) => f.core.db.read((m) => m.getRepository(TruckJourney).findOneByOrFail({ id }));
  const slip = (number: string) => f.core.db.read((m) => m.getRepository(PlanSlip).findOneByOrFail({ number }));

  it('walks a bulk truck from arrival to out: stamps each step, one event per move, the slip follows', async () => {
    const t = await f.register({ product: 'bulk' });
    const path: JourneyStatus[] = ['released', 'tare_weighed', 'loading', 'loaded', 'sealed', 'gross_weighed', 'exit_checked', 'out'];
    for (const to of path) {
      f.tick(60_000);
      await f.moveTo(t.id, [to]);
      if (to === 'tare_weighed') expect((await slip(t.slip)).status).toBe('weighing');
    }
    const j = await journey(t.id);
    expect(j.status).toBe('out');
    expect(j.outAt).toBe(f.now());
    expect(j.sealedAt).toBe(j.loadedAt! + 60_000);
    expect((await slip(t.slip)).status).toBe('closed');
    const events = await f.core.db.read((m) => m.getRepository(EventLogEntry).find({ where: { docType: 'truck_journey', docId: String(t.id) }, order: { id: 'ASC' } }));
    expect(events.map((e) => e.type)).toEqual(['journey.registered', ...path.map((p) => `journey.${p}`)]);
    expect(events[2]!.payload).toMatchObject({ from: 'released', to: 'tare_weighed', truckPlate: t.plate, packaging: 'bulk' });
  });

  it('refuses a move the machine does not allow and writes nothing', async () => {
    const t = await f.register({ product: 'bagged' });
    const before = await f.core.db.read((m) => m.count(EventLogEntry));
    await expect(f.moveTo(t.id, ['loaded'])).rejects.toMatchObject({ message: 'errors.journeyMoveRefused' });
    await f.moveTo(t.id, ['released', 'tare_weighed', 'loading', 'loaded']);
    await expect(f.moveTo(t.id, ['sealed'])).rejects.toMatchObject({ message: 'errors.journeyMoveRefused' });
    expect((await journey(t.id)).status).toBe('loaded');
    expect(await f.core.db.read((m) => m.count(EventLogEntry))).toBe(before + 4);
  });

  it('a returned truck loads again; cancelling a tared truck reopens its slip', async () => {
    const a = await f.register();
    await f.moveTo(a.id, ['released', 'tare_weighed', 'loading', 'loaded', 'gross_weighed', 'returned', 'loading', 'loaded', 'gross_weighed', 'exit_checked']);
    expect((await journey(a.id)).status).toBe('exit_checked');
    const b = await f.register();
    await f.moveTo(b.id, ['released', 'tare_weighed']);
    expect((await slip(b.slip)).status).toBe('weighing');
    await f.core.ok('gate.cancelJourney', { journeyId: b.id, reason: '客户改期' }, f.gatekeeper.token);
    expect((await slip(b.slip)).status).toBe('issued');
    expect((await journey(b.id))).toMatchObject({ status: 'cancelled', cancelReason: '客户改期' });
  });
});
