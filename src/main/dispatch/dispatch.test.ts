import { afterEach, describe, expect, it } from 'vitest';
import type { DispatchKpisDto, DispatchOverviewDto, LabourMinutesDto, LoadingDto, LoadingPointDto } from '../../shared/contract/dispatch';
import type { JourneyDto } from '../../shared/journey';
import type { TopicMessage } from '../../shared/topics';
import { EventLogEntry } from '../events/eventLog.entity';
import { BoardNotice } from '../gate/gate.entities';
import { SimulatedBagCounter } from './counter/bagCounterSource';
import { LoadingPoint, TruckLoading } from './dispatch.entities';
import { dispatchFixture, MIN, type DispatchFixture } from './dispatchFixture';
import { plannedBags } from './loading';

let f: DispatchFixture;
afterEach(() => f?.core.dispose());

const events = (type?: string) => f.core.db.read((m) => (type ? m.countBy(EventLogEntry, { type }) : m.count(EventLogEntry)));
const rows = () =>
  f.core.db.read(async (m) => ({ points: await m.count(LoadingPoint), loadings: await m.count(TruckLoading), events: await m.count(EventLogEntry), notices: await m.count(BoardNotice) }));
const ok = <T>(method: string, input: unknown, token = f.clerk.token) => f.core.ok<T>(method, input, token);
const addPoint = (code: string, kind: 'packer' | 'spout' = 'packer', productId: number | null = null) => ok<LoadingPointDto>('dispatch.addPoint', { kind, code, name: `${code}号机`, productId });

describe('bag plan', () => {
  it('planned bags are whole bags, rounded down', () => {
    expect(plannedBags(30_000, 50)).toBe(600);
    expect(plannedBags(30_020, 50)).toBe(600);
    expect(plannedBags(49, 50)).toBe(0);
    expect(() => plannedBags(100, 0)).toThrow();
  });
});

describe('bagged loading', () => {
  it('assigns a tared truck, counts to the plan and no further, records broken bags, finishes with bagsLoaded', async () => {
    f = await dispatchFixture();
    const p1 = await addPoint('P1');
    const id = await f.tared({ quantityKg: 1_000 }); // 20 bags of 50 kg
    const seen: TopicMessage[] = [];
    f.core.bus.subscribe(['dispatch.changed', 'gate.changed'], (msg) => seen.push(msg));
    f.tick(5 * MIN);
    const started = await ok<LoadingDto>('dispatch.startLoading', { journeyId: id, pointId: p1.id });
    expect(started).toMatchObject({ plannedBags: 20, countedBags: 0, bagWeightKg: 50, round: 1 });
    expect((await f.journey(id)).status).toBe('loading');
    expect(seen.map((s) => s.topic).sort()).toEqual(['dispatch.changed', 'gate.changed']);
    const loadingEvent = await f.core.db.read((m) => m.findOneByOrFail(EventLogEntry, { type: 'journey.loading' }));
    expect(loadingEvent.payload).toMatchObject({ pointId: p1.id, plannedBags: 20, releasedAt: expect.any(Number), tareAt: expect.any(Number) });

    await ok('dispatch.countBags', { journeyId: id, bags: 10 });
    await ok('dispatch.countBags', { journeyId: id, bags: 1 });
    await ok('dispatch.recordBrokenBags', { journeyId: id, bags: 2 });
    const before = await rows();
    const beyond = await f.refused('dispatch.countBags', { journeyId: id, bags: 10 });
    expect(beyond).toMatchObject({ code: 'RULE_VIOLATION', message: 'errors.bagsBeyondPlan', params: { planned: 20, counted: 11, bags: 10 } });
    expect(await rows()).toEqual(before);
    const nine = await ok<LoadingDto>('dispatch.countBags', { journeyId: id, bags: 9 });
    expect(nine).toMatchObject({ countedBags: 20, brokenBags: 2 });
    expect(await f.refused('dispatch.countBags', { journeyId: id, bags: 1 })).toMatchObject({ message: 'errors.bagsBeyondPlan' });

    f.tick(10 * MIN);
    const done = await ok<JourneyDto>('dispatch.finishLoading', { journeyId: id });
    expect(done).toMatchObject({ status: 'loaded', bagsLoaded: 20 });
    const loaded = await f.core.db.read((m) => m.findOneByOrFail(EventLogEntry, { type: 'journey.loaded' }));
    expect(loaded.payload).toMatchObject({ bagsLoaded: 20, bagsAdded: 20, brokenBags: 2, bagWeightKg: 50, kgLoaded: 1_000, pointKind: 'packer', loadingStartedAt: started.startedAt });
    expect(await events('dispatch.bagsCounted')).toBe(3);
    // the point is free again
    const overview = await ok<DispatchOverviewDto>('dispatch.getOverview', {});
    expect(overview.points[0]!.current).toBeNull();
    expect(overview.loadedToday.map((l) => l.journey.id)).toEqual([id]);
  });

  it('refuses bad assignments and writes nothing', async () => {
    f = await dispatchFixture();
    const p1 = await addPoint('P1');
    const spout = await addPoint('S1', 'spout');
    const a = await f.tared();
    const b = await f.tared();
    const notTared = await f.released();
    await ok('dispatch.startLoading', { journeyId: a, pointId: p1.id });
    const before = await rows();
    const cases: Array<[unknown, string]> = [
      [{ journeyId: b, pointId: p1.id }, 'errors.loadingPointBusy'],
      [{ journeyId: b, pointId: spout.id }, 'errors.loadingPointWrongKind'],
      [{ journeyId: notTared, pointId: p1.id }, 'errors.truckNotReadyToLoad'],
      [{ journeyId: b, pointId: 999 }, 'errors.loadingPointNotFound'],
      [{ journeyId: 999, pointId: p1.id }, 'errors.journeyNotFound'],
    ];
    for (const [input, message] of cases) expect(await f.refused('dispatch.startLoading', input)).toMatchObject({ message });
    expect(await f.refused('dispatch.startLoading', { journeyId: 'x', pointId: p1.id })).toMatchObject({ code: 'VALIDATION' });
    // the scan box: journey number (any case) or plate (any case, spaces forgiven); unknown → field error
    const ja = await f.journey(a);
    expect(await ok<JourneyDto>('dispatch.findJourney', { code: ja.number.toLowerCase() })).toMatchObject({ id: a });
    expect(await ok<JourneyDto>('dispatch.findJourney', { code: ` ${ja.truckPlate.toLowerCase().replace('a', 'a ')}` })).toMatchObject({ id: a });
    expect(await f.refused('dispatch.findJourney', { code: 'TJ-2026-999999' })).toMatchObject({ code: 'NOT_FOUND', fields: [{ path: 'code' }] });
    expect(await f.refused('dispatch.countBags', { journeyId: a, bags: 0 })).toMatchObject({ code: 'VALIDATION' });
    expect(await f.refused('dispatch.countBags', { journeyId: b, bags: 1 })).toMatchObject({ message: 'errors.truckNotLoading' });
    expect(await f.refused('dispatch.finishLoading', { journeyId: a })).toMatchObject({ message: 'errors.loadingNothingCounted' });
    await f.core.db.write(async () => undefined);
    // short of plan: a reason is needed
    const counted = await rows();
    await ok('dispatch.countBags', { journeyId: a, bags: 5 });
    expect(await f.refused('dispatch.finishLoading', { journeyId: a })).toMatchObject({ message: 'errors.loadingShortOfPlan', fields: [{ path: 'shortReason' }] });
    expect((await rows()).events).toBe(counted.events + 1);
    expect(before.loadings).toBe(counted.loadings);
    // a gatekeeper may not count bags
    expect(await f.refused('dispatch.countBags', { journeyId: a, bags: 1 }, f.gatekeeper.token)).toMatchObject({ code: 'FORBIDDEN' });
    const short = await ok<JourneyDto>('dispatch.finishLoading', { journeyId: a, shortReason: '客户要求少装' });
    expect(short.bagsLoaded).toBe(5);
  });

  it('counts from the bag counter (simulator): armed with the plan, readings beyond the plan refused', async () => {
    const counter = new SimulatedBagCounter();
    f = await dispatchFixture({ bagCounter: counter });
    const p1 = await addPoint('P1');
    const id = await f.tared({ quantityKg: 1_000 });
    await ok('dispatch.startLoading', { journeyId: id, pointId: p1.id });
    counter.pulse('P1', 7);
    expect(await ok<LoadingDto>('dispatch.readCounter', { journeyId: id })).toMatchObject({ countedBags: 7 });
    await ok('dispatch.countBags', { journeyId: id, bags: 3 }); // a bag put on by hand
    counter.pulse('P1', 50); // the counter stops at its preset (20)
    expect(counter.read('P1')!.count).toBe(20);
    expect(await f.refused('dispatch.readCounter', { journeyId: id })).toMatchObject({ message: 'errors.bagsBeyondPlan' });
    counter.setConnected(false);
    expect(await f.refused('dispatch.readCounter', { journeyId: id })).toMatchObject({ message: 'errors.bagCounterUnavailable' });
    const overview = await ok<DispatchOverviewDto>('dispatch.getOverview', {});
    expect(overview.points[0]!.counter).toMatchObject({ status: 'disconnected' });
  });

  it('re-loads a truck returned for overweight: bags removed, loaded again with the new count', async () => {
    f = await dispatchFixture();
    const p1 = await addPoint('P1');
    const id = await f.tared({ quantityKg: 1_000 });
    await ok('dispatch.startLoading', { journeyId: id, pointId: p1.id });
    await ok('dispatch.countBags', { journeyId: id, bags: 20 });
    await ok('dispatch.finishLoading', { journeyId: id });
    await f.moveTo(id, ['gross_weighed', 'returned']);
    const again = await ok<LoadingDto>('dispatch.startLoading', { journeyId: id, pointId: p1.id });
    expect(again).toMatchObject({ round: 2, startBags: 20, countedBags: 20 });
    expect(await f.refused('dispatch.removeBags', { journeyId: id, bags: 21, reason: '超重' })).toMatchObject({ message: 'errors.bagsRemoveTooMany' });
    expect(await f.refused('dispatch.removeBags', { journeyId: id, bags: 2, reason: ' ' })).toMatchObject({ code: 'VALIDATION' });
    await ok('dispatch.removeBags', { journeyId: id, bags: 2, reason: '超重退回' });
    const done = await ok<JourneyDto>('dispatch.finishLoading', { journeyId: id });
    expect(done).toMatchObject({ status: 'loaded', bagsLoaded: 18 });
    const last = await f.core.db.read((m) => m.find(EventLogEntry, { where: { type: 'journey.loaded' }, order: { id: 'DESC' } }));
    expect(last[0]!.payload).toMatchObject({ round: 2, bagsLoaded: 18, bagsAdded: 0, bagsRemoved: 2 });
  });
});

describe('loading points and equipment stops', () => {
  it('a stop posts a board notice for the line with the repair time; running again clears it', async () => {
    f = await dispatchFixture();
    const p1 = await ok<LoadingPointDto>('dispatch.addPoint', { kind: 'packer', code: 'P1', name: '1号包装机', productId: f.ids.bagged });
    const id = await f.tared();
    const until = f.now() + 90 * MIN;
    const stopped = await ok<LoadingPointDto>('dispatch.setPointStatus', { pointId: p1.id, status: 'stopped', reason: '电机故障', expectedUntil: until });
    expect(stopped).toMatchObject({ status: 'stopped', stopReason: '电机故障', expectedUntil: until });
    const notices = await f.core.db.read((m) => m.find(BoardNotice));
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatchObject({ kind: 'equipment_stop', productId: f.ids.bagged, expectedUntil: until, clearedAt: null });
    expect(notices[0]!.text).toContain('电机故障');
    expect(await f.refused('dispatch.startLoading', { journeyId: id, pointId: p1.id })).toMatchObject({ message: 'errors.loadingPointStopped' });
    f.tick(30 * MIN);
    await ok('dispatch.setPointStatus', { pointId: p1.id, status: 'running' });
    const after = await f.core.db.read((m) => m.findOneByOrFail(BoardNotice, { id: notices[0]!.id }));
    expect(after.clearedAt).toBe(f.now());
    expect(await events('dispatch.pointStopped')).toBe(1);
    expect(await events('dispatch.pointRunning')).toBe(1);
    expect(await f.refused('dispatch.setPointStatus', { pointId: p1.id, status: 'running' })).toMatchObject({ message: 'errors.loadingPointAlreadyRunning' });
  });

  it('refuses bad point input and writes nothing', async () => {
    f = await dispatchFixture();
    const p1 = await addPoint('P1');
    const before = await rows();
    expect(await f.refused('dispatch.addPoint', { kind: 'packer', code: 'P1', name: 'x', productId: null })).toMatchObject({ code: 'CONFLICT' });
    expect(await f.refused('dispatch.addPoint', { kind: 'spout', code: 'S9', name: 'x', productId: f.ids.bagged })).toMatchObject({ fields: [{ path: 'productId', message: 'fields.pointProductKind' }] });
    expect(await f.refused('dispatch.addPoint', { kind: 'belt', code: 'S9', name: 'x' })).toMatchObject({ code: 'VALIDATION' });
    expect(await f.refused('dispatch.setPointStatus', { pointId: p1.id, status: 'stopped', reason: '', expectedUntil: f.now() + MIN })).toMatchObject({ code: 'VALIDATION' });
    expect(await f.refused('dispatch.setPointStatus', { pointId: p1.id, status: 'stopped', reason: '故障', expectedUntil: f.now() - MIN })).toMatchObject({ fields: [{ path: 'expectedUntil' }] });
    expect(await rows()).toEqual(before);
    const renamed = await ok<LoadingPointDto>('dispatch.updatePoint', { pointId: p1.id, name: '一号机', productId: null, active: false });
    expect(renamed).toMatchObject({ name: '一号机', active: false });
    expect(await ok<LoadingPointDto[]>('dispatch.listPoints', {})).toHaveLength(0);
    expect(await ok<LoadingPointDto[]>('dispatch.listPoints', { includeInactive: true })).toHaveLength(1);
  });
});

describe('bulk loading and seals', () => {
  it('a bulk truck loads at a spout, waits for seals with a deadline, is sealed', async () => {
    f = await dispatchFixture();
    const s1 = await addPoint('S1', 'spout');
    const id = await f.tared({ product: 'bulk' });
    await ok('dispatch.startLoading', { journeyId: id, pointId: s1.id });
    expect(await f.refused('dispatch.countBags', { journeyId: id, bags: 1 })).toMatchObject({ message: 'errors.bagsOnlyBagged' });
    f.tick(20 * MIN);
    await ok('dispatch.finishLoading', { journeyId: id });
    const overview = await ok<DispatchOverviewDto>('dispatch.getOverview', {});
    expect(overview.awaitingSeals).toHaveLength(1);
    expect(overview.awaitingSeals[0]!.deadline).toBe(f.now() + 10 * MIN);
    f.tick(4 * MIN);
    await ok('dispatch.recordSeals', { journeyId: id, seals: [{ position: '顶盖1', sealNumber: 'FS-0001' }] });
    expect((await ok<DispatchOverviewDto>('dispatch.getOverview', {})).awaitingSeals).toHaveLength(0);
    const kpis = await ok<DispatchKpisDto>('dispatch.getKpis', { from: '2026-11-23', to: '2026-11-23' }, f.supervisor.token);
    expect(kpis.sealsOnTime).toMatchObject({ numerator: 1, denominator: 1, met: true });
  });
});

describe('KPIs over the API', () => {
  it('supervisors only; bad ranges refused', async () => {
    f = await dispatchFixture();
    expect(await f.refused('dispatch.getKpis', { from: '2026-11-23', to: '2026-11-23' })).toMatchObject({ code: 'FORBIDDEN' });
    expect(await f.refused('dispatch.getKpis', { from: '2026-11-24', to: '2026-11-23' }, f.supervisor.token)).toMatchObject({ code: 'VALIDATION' });
    expect(await f.refused('dispatch.getKpis', { from: '2026-02-30', to: '2026-03-01' }, f.supervisor.token)).toMatchObject({ code: 'VALIDATION' });
  });
});

describe('labour meeting minutes', () => {
  it('records and updates minutes; bad input writes nothing', async () => {
    f = await dispatchFixture();
    const before = await events();
    expect(await f.refused('dispatch.saveMinutes', { meetingDate: '2026-11-23', attendees: [], decisions: 'x' })).toMatchObject({ code: 'VALIDATION' });
    expect(await f.refused('dispatch.saveMinutes', { meetingDate: '23/11', attendees: ['张'], decisions: 'x' })).toMatchObject({ code: 'VALIDATION' });
    expect(await f.refused('dispatch.saveMinutes', { id: 99, meetingDate: '2026-11-23', attendees: ['张'], decisions: 'x' })).toMatchObject({ code: 'NOT_FOUND' });
    expect(await events()).toBe(before);
    const saved = await ok<LabourMinutesDto>('dispatch.saveMinutes', {
      meetingDate: '2026-11-23',
      attendees: ['张三', '李四'],
      decisions: '破包率超标，加强装车检查',
      actions: [{ text: '检修2号包装机', owner: '李四', due: '2026-11-25' }],
    });
    expect(saved).toMatchObject({ followUp: '', actions: [{ done: false }] });
    await ok('dispatch.saveMinutes', { id: saved.id, meetingDate: '2026-11-23', attendees: ['张三', '李四'], decisions: saved.decisions, actions: [{ text: '检修2号包装机', owner: '李四', due: '2026-11-25', done: true }], followUp: '已完成' });
    const list = await ok<LabourMinutesDto[]>('dispatch.listMinutes', {});
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ followUp: '已完成', actions: [{ done: true }] });
    expect(await events('dispatch.minutesRecorded')).toBe(1);
    expect(await events('dispatch.minutesUpdated')).toBe(1);
  });
});
