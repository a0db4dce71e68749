import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { GateBoardDto, GateOverviewDto, QueueAlertDto, ReleasePaceDto } from '../../shared/contract/gate';
import type { JourneyDto } from '../../shared/journey';
import { EventLogEntry } from '../events/eventLog.entity';
import { TruckJourney } from '../journey/truckJourney.entity';
import { BoardNotice, QueueAlert } from './gate.entities';
import { gateFixture, MIN, type GateFixture } from './gateFixture';

let f: GateFixture;
beforeEach(async () => (f = await gateFixture()));
afterEach(() => f.core.dispose());

const overview = () => f.core.ok<GateOverviewDto>('gate.getOverview', {}, f.gatekeeper.token);
const journey = (id: number) => f.core.db.read((m) => m.getRepository(TruckJourney).findOneByOrFail({ id }));
const eventCount = () => f.core.db.read((m) => m.count(EventLogEntry));
const release = (journeyId: number, reason?: string) => f.core.ok<JourneyDto>('gate.releaseTruck', { journeyId, ...(reason ? { reason } : {}) }, f.gatekeeper.token);

describe('arrival register', () => {
  it('registers in arrival order per product line, numbered, with an event', async () => {
    const a = await f.register();
    const b = await f.register({ product: 'bulk' });
    const c = await f.register();
    expect([a.position, b.position, c.position]).toEqual([1, 1, 2]);
    const j = await journey(c.id);
    expect(j).toMatchObject({ status: 'registered', truckPlate: c.plate, authorized: true, quantityKg: 30_000, packaging: 'bagged' });
    expect(j.number).toMatch(/^TJ-2026-\d{6}$/);
    const lines = (await overview()).lines;
    expect(lines.map((l) => [l.productCode, l.queued.map((q) => q.truckPlate)])).toEqual([
      ['PO425-D', [a.plate, c.plate]],
      ['PO425-S', [b.plate]],
    ]);
  });

  it('refuses a bad slip or a plate already in, and writes nothing', async () => {
    const inside = await f.register();
    const expired = await f.issueSlip({ validUntil: f.now() - 1 });
    const voided = await f.issueSlip({ status: 'voided' });
    const fresh = await f.issueSlip();
    const before = { journeys: (await f.counts()).journeys, events: await eventCount() };
    const cases: Array<[unknown, string, string]> = [
      [f.arrival('PS-2026-999999', f.plate()), 'NOT_FOUND', 'errors.gateSlipNotFound'],
      [f.arrival(expired, f.plate()), 'RULE_VIOLATION', 'errors.gateSlipExpired'],
      [f.arrival(voided, f.plate()), 'RULE_VIOLATION', 'errors.gateSlipNotOpen'],
      [f.arrival(inside.slip, f.plate()), 'CONFLICT', 'errors.gateSlipInUse'],
      [f.arrival(fresh, inside.plate), 'CONFLICT', 'errors.gateTruckAlreadyIn'],
      [f.arrival(fresh, 'ABC123'), 'VALIDATION', 'errors.validation'],
      [f.arrival('PS-12', f.plate()), 'VALIDATION', 'errors.validation'],
      [{ ...f.arrival(fresh, f.plate()), driverPhone: '123' }, 'VALIDATION', 'errors.validation'],
    ];
    for (const [input, code, message] of cases) {
      expect(await f.refused('gate.registerArrival', input), JSON.stringify(input)).toMatchObject({ code, message });
    }
    const malformed = await f.refused('gate.registerArrival', f.arrival(fresh, 'ABC123'));
    expect(malformed.fields).toEqual([expect.objectContaining({ path: 'truckPlate', message: 'fields.plateFormat' })]);
    expect(await f.counts()).toEqual({ journeys: before.journeys });
    expect(await eventCount()).toBe(before.events);
  });

  it('a truck without authorization is registered but held: it is not the head and cannot be released until a letter comes', async () => {
    const held = await f.register({ authorized: false });
    const next = await f.register();
    const line = (await overview()).lines[0]!;
    expect(line.queued.map((q) => [q.truckPlate, q.authorized, q.isHead])).toEqual([
      [held.plate, false, false],
      [next.plate, true, true],
    ]);
    expect(await f.refused('gate.releaseTruck', { journeyId: held.id, reason: '先到' })).toMatchObject({ message: 'errors.gateTruckNotAuthorized' });
    // The sales window records the letter: the plate is now on the slip and the truck is the head again.
    await f.core.db.write((m) => m.query(`UPDATE plan_slip SET "truckPlates" = ? WHERE number = ?`, [JSON.stringify([held.plate]), held.slip]));
    expect((await overview()).lines[0]!.queued[0]).toMatchObject({ truckPlate: held.plate, authorized: true, isHead: true });
    expect(await release(held.id)).toMatchObject({ status: 'released', releasedOutOfOrder: false, authorized: true });
  });

  it('a slip with its truck at the gate cannot be voided', async () => {
    const t = await f.register();
    const sales = await f.core.signInAs('sales_clerk', 'S001');
    const slipId = (await f.core.db.read((m) => m.query(`SELECT id FROM plan_slip WHERE number = ?`, [t.slip])))[0].id;
    expect(await f.refused('sales.voidSlip', { slipId, reason: '客户取消' }, sales.token)).toMatchObject({ message: 'errors.slipTruckAtGate' });
  });
});

describe('release in order', () => {
  it('releases the head; a non-head without a reason is refused (nothing written), with one it is recorded out of order', async () => {
    const a = await f.register();
    const b = await f.register();
    const c = await f.register();
    const before = await eventCount();
    const refusal = await f.refused('gate.releaseTruck', { journeyId: c.id });
    expect(refusal).toMatchObject({ code: 'RULE_VIOLATION', message: 'errors.gateReleaseOutOfOrder', params: { plate: c.plate, head: a.plate } });
    expect(refusal.fields?.[0]?.path).toBe('reason');
    expect(await eventCount()).toBe(before);
    expect((await journey(c.id)).status).toBe('registered');

    expect(await release(a.id)).toMatchObject({ status: 'released', releasedOutOfOrder: false });
    f.tick(MIN);
    expect(await release(c.id, '急需供货，经理同意')).toMatchObject({ status: 'released', releasedOutOfOrder: true, releaseReason: '急需供货，经理同意' });
    const event = await f.core.db.read((m) => m.getRepository(EventLogEntry).findOneByOrFail({ type: 'journey.released', docId: String(c.id) }));
    expect(event.payload).toMatchObject({ outOfOrder: true, reason: '急需供货，经理同意', headPlate: b.plate });
    expect((await overview()).today).toMatchObject({ registered: 3, released: 2, outOfOrder: 1 });
    expect(await f.refused('gate.releaseTruck', { journeyId: a.id })).toMatchObject({ message: 'errors.gateNotQueued' });
  });

  it('lines are independent: the head of each product line is released without a reason', async () => {
    await f.register();
    const bulk = await f.register({ product: 'bulk' });
    expect(await release(bulk.id)).toMatchObject({ releasedOutOfOrder: false });
  });
});

describe('release pace', () => {
  it('the interval setting spaces releases; the gate can slow further, pause with a reason, and resume', async () => {
    const trucks = [await f.register(), await f.register(), await f.register(), await f.register()];
    await release(trucks[0]!.id);
    // No minimum by default: the next one may go at once.
    await release(trucks[1]!.id);

    const paced = await f.core.ok<ReleasePaceDto>('gate.setReleasePace', { mode: 'interval', intervalSeconds: 120, reason: '价格调整' }, f.gatekeeper.token);
    expect(paced).toMatchObject({ mode: 'interval', intervalSeconds: 120, reason: '价格调整', nextReleaseAt: f.now() + 120_000 });
    f.tick(60_000);
    expect(await f.refused('gate.releaseTruck', { journeyId: trucks[2]!.id })).toMatchObject({ message: 'errors.gateReleaseTooSoon', params: { seconds: 60 } });
    f.tick(60_000);
    await release(trucks[2]!.id);

    await f.core.ok('gate.setReleasePace', { mode: 'pause', reason: '调价暂停放行' }, f.gatekeeper.token);
    f.tick(10 * MIN);
    expect(await f.refused('gate.releaseTruck', { journeyId: trucks[3]!.id })).toMatchObject({ message: 'errors.gateReleasePaused', params: { reason: '调价暂停放行' } });
    const board = await f.core.ok<GateBoardDto>('gate.getBoard', {});
    expect(board.pace).toMatchObject({ mode: 'pause', reason: '调价暂停放行', nextReleaseAt: null });

    expect(await f.core.ok<ReleasePaceDto>('gate.resumeNormalPace', {}, f.gatekeeper.token)).toMatchObject({ mode: 'normal', intervalSeconds: 0 });
    await release(trucks[3]!.id);
    expect(await f.refused('gate.resumeNormalPace', {})).toMatchObject({ message: 'errors.gatePaceAlreadyNormal' });
    const types = await f.core.db.read((m) => m.getRepository(EventLogEntry).find({ order: { id: 'ASC' } }));
    expect(types.map((e) => e.type).filter((t) => t.startsWith('gate.release'))).toEqual(['gate.releaseIntervalSet', 'gate.releasePaused', 'gate.releasePaceResumed']);
  });

  it('the plant-wide minimum interval is a setting', async () => {
    const admin = (await f.core.dispatch('auth.signIn', { staffNo: 'A001', pin: '1234' })) as { ok: true; value: { token: string } };
    await f.core.ok('settings.update', { key: 'gate.releaseIntervalSeconds', value: 30 }, admin.value.token);
    const a = await f.register();
    const b = await f.register();
    await release(a.id);
    expect(await f.refused('gate.releaseTruck', { journeyId: b.id })).toMatchObject({ message: 'errors.gateReleaseTooSoon', params: { seconds: 30 } });
    f.tick(30_000);
    await release(b.id);
  });
});

describe('more than 10 trucks queued', () => {
  it('raises one alert at the 11th truck, posts the packing answer to the board, and ends when the queue shortens', async () => {
    const trucks = [];
    for (let i = 0; i < 10; i++) trucks.push(await f.register());
    expect(trucks.every((t) => t.alertRaised === null)).toBe(true);
    expect((await overview()).openAlert).toBeNull();
    const eleventh = await f.register({ product: 'bulk' });
    expect(eleventh.alertRaised).toMatchObject({ queuedCount: 11, threshold: 10, answeredAt: null });
    const twelfth = await f.register();
    expect(twelfth.alertRaised).toBeNull();
    const alert = (await overview()).openAlert!;
    expect(alert.queuedCount).toBe(11);

    expect(await f.refused('gate.answerQueueAlert', { alertId: alert.id, packingContact: '', answer: '' })).toMatchObject({ code: 'VALIDATION' });
    const answered = await f.core.ok<QueueAlertDto>('gate.answerQueueAlert', { alertId: alert.id, packingContact: '包装工段 李班长', answer: '已增开 2 号包装机，预计 40 分钟内恢复正常' }, f.gatekeeper.token);
    expect(answered).toMatchObject({ packingContact: '包装工段 李班长', answeredAt: f.now() });
    const board = await f.core.ok<GateBoardDto>('gate.getBoard', {});
    expect(board.notices).toEqual([expect.objectContaining({ kind: 'queue_answer', text: '已增开 2 号包装机，预计 40 分钟内恢复正常' })]);
    expect(board.queuedTotal).toBe(12);
    expect(await f.refused('gate.answerQueueAlert', { alertId: alert.id, packingContact: '李', answer: '再答' })).toMatchObject({ message: 'errors.queueAlertAnswered' });

    await release(trucks[0]!.id);
    expect((await overview()).openAlert).not.toBeNull(); // 11 still waiting
    await release(trucks[1]!.id);
    expect((await overview()).openAlert).toBeNull(); // 10: back to normal, notice down
    expect((await f.core.ok<GateBoardDto>('gate.getBoard', {})).notices).toEqual([]);
    const alerts = await f.core.db.read((m) => m.getRepository(QueueAlert).find());
    expect(alerts).toHaveLength(1);
    const types = (await f.core.db.read((m) => m.getRepository(EventLogEntry).find())).map((e) => e.type);
    expect(types.filter((t) => t.startsWith('gate.queueAlert'))).toEqual(['gate.queueAlertRaised', 'gate.queueAlertAnswered', 'gate.queueAlertClosed']);

    // Rising again raises a new alert.
    await f.register();
    expect((await overview()).openAlert).toMatchObject({ queuedCount: 11, answeredAt: null });
  });

  it('the threshold is a setting', async () => {
    const admin = (await f.core.dispatch('auth.signIn', { staffNo: 'A001', pin: '1234' })) as { ok: true; value: { token: string } };
    await f.core.ok('settings.update', { key: 'gate.queueAlertThreshold', value: 2 }, admin.value.token);
    await f.register();
    await f.register();
    expect((await f.register()).alertRaised).toMatchObject({ queuedCount: 3, threshold: 2 });
  });
});

describe('board notices', () => {
  it('posts an equipment stop with its repair time, shows it on the public board, clears it', async () => {
    const bad = await f.refused('gate.postNotice', { kind: 'equipment_stop', text: '2 号包装机故障', expectedUntil: f.now() - 1 });
    expect(bad.fields?.[0]).toMatchObject({ path: 'expectedUntil', message: 'fields.futureTime' });
    const notice = await f.core.ok<{ id: number }>('gate.postNotice', { kind: 'equipment_stop', text: '2 号包装机故障', productId: f.ids.bagged, expectedUntil: f.now() + 90 * MIN }, f.gatekeeper.token);
    const board = await f.core.ok<GateBoardDto>('gate.getBoard', {});
    expect(board.notices).toEqual([expect.objectContaining({ kind: 'equipment_stop', lineLabel: 'P.O 42.5', expectedUntil: f.now() + 90 * MIN })]);
    await f.core.ok('gate.clearNotice', { id: notice.id }, f.gatekeeper.token);
    expect(await f.refused('gate.clearNotice', { id: notice.id })).toMatchObject({ message: 'errors.noticeAlreadyCleared' });
    expect(await f.core.db.read((m) => m.getRepository(BoardNotice).countBy({}))).toBe(1);
    expect((await f.core.ok<GateBoardDto>('gate.getBoard', {})).notices).toEqual([]);
  });
});

describe('the public board', () => {
  it('shows queue, called trucks and waits without a session and without customer data', async () => {
    const a = await f.register();
    const held = await f.register({ authorized: false });
    const c = await f.register();
    await release(a.id);
    const board = await f.core.ok<GateBoardDto>('gate.getBoard', {});
    expect(board.lines).toHaveLength(1);
    expect(board.lines[0]!.trucks.map((t) => [t.position, t.truckPlate, t.status])).toEqual([
      [1, held.plate, 'held'],
      [2, c.plate, 'next'],
    ]);
    expect(board.called).toEqual([expect.objectContaining({ truckPlate: a.plate, grade: 'P.O 42.5' })]);
    expect(JSON.stringify(board)).not.toContain('测试建材公司');
    expect(board.voiceCall).toBe(true);
    // Called trucks drop off after `gate.boardCalledMinutes`.
    f.tick(11 * MIN);
    expect((await f.core.ok<GateBoardDto>('gate.getBoard', {})).called).toEqual([]);
  });

  it('the gate screen is refused to roles outside the gate; the board is not', async () => {
    const finance = await f.core.signInAs('finance_clerk', 'F001');
    expect(await f.refused('gate.getOverview', {}, finance.token)).toMatchObject({ code: 'FORBIDDEN' });
    expect(await f.refused('gate.registerArrival', f.arrival(await f.issueSlip(), f.plate()), finance.token)).toMatchObject({ code: 'FORBIDDEN' });
    expect((await f.core.dispatch('gate.getBoard', {})).ok).toBe(true);
  });
});

describe('weighbridge queue at the gate', () => {
  it('counts trucks on their way to tare and to gross', async () => {
    const a = await f.register();
    const b = await f.register();
    const c = await f.register({ product: 'bulk' });
    await f.moveTo(a.id, ['released']);
    await f.moveTo(b.id, ['released', 'tare_weighed', 'loading', 'loaded']);
    await f.moveTo(c.id, ['released', 'tare_weighed', 'loading', 'loaded']);
    expect((await overview()).weighbridgeQueue).toEqual({ waitingTare: 1, waitingGross: 1, total: 2, warnAt: 4 });
    await f.core.ok('dispatch.recordSeals', { journeyId: c.id, seals: [{ position: '顶盖1', sealNumber: 'FS-0001' }] }, (await f.core.signInAs('dispatch_clerk', 'P001')).token);
    expect((await overview()).weighbridgeQueue).toMatchObject({ waitingGross: 2, total: 3 });
  });
});
