import { afterEach, describe, expect, it } from 'vitest';
import type { StatementDto } from '../../shared/contract/statements';
import type { TimedKpiDto } from '../../shared/contract/transport';
import type { CaptureResultDto, WeighRulesBoardDto, WeighStationDto, WeighTruckDto, WeighingTicketDto } from '../../shared/contract/weighing';
import { LedgerEntry } from '../finance/ledgerEntry.entity';
import { MIN, PRICE, weighingFixture, type WeighingFixture } from './weighingFixture';

let f: WeighingFixture | undefined;
afterEach(async () => {
  await f?.core.dispose();
  f = undefined;
});

async function setup() {
  f = await weighingFixture();
  return f;
}

/** A truck through tare at `tareKg` and loading (bagged: bags counted) to ready for gross. */
async function readyForGross(x: WeighingFixture, opts: { product?: 'bagged' | 'bulk'; tareKg?: number; bags?: number; plate?: string } = {}) {
  const truck = await x.releasedTruck({ product: opts.product, plate: opts.plate });
  await x.weigh('weighing.captureTare', truck.id, opts.tareKg ?? 15_000);
  if (opts.product === 'bulk') await x.moveTo(truck.id, ['loading', 'loaded', 'sealed']);
  else await x.moveTo(truck.id, ['loading', 'loaded'], opts.bags ?? 600);
  return truck;
}

describe('tare and gross weighing', () => {
  it('weighs a released truck empty, then loaded: ticket completed, journey gross_weighed, events with the facts', async () => {
    const x = await setup();
    const truck = await x.releasedTruck();
    x.tick(4 * MIN);
    const found = await x.core.ok<WeighTruckDto>('weighing.findTruck', { code: truck.slip.number }, x.operator.token);
    expect(found).toMatchObject({ stage: 'tare', journey: { id: truck.id } });
    expect((await x.core.ok<WeighTruckDto>('weighing.findTruck', { code: truck.plate }, x.operator.token)).journey.id).toBe(truck.id);

    const tare = await x.weigh('weighing.captureTare', truck.id, 15_020);
    expect(tare).toMatchObject({ outcome: 'weighed', journey: { status: 'tare_weighed' }, ticket: { status: 'open', tareKg: 15_020 } });
    expect(tare.ticket!.number).toMatch(/^WT-2026-\d{6}$/);
    const [tareEvent] = await x.events('journey.tare_weighed');
    expect(tareEvent!.payload).toMatchObject({ tareKg: 15_020, waitedMs: 4 * MIN, ticketNumber: tare.ticket!.number, releasedAt: x.now() - 4 * MIN });
    const [slipRow] = await x.core.db.read((m) => m.query(`SELECT status FROM plan_slip WHERE number = ?`, [truck.slip.number]));
    expect(slipRow.status).toBe('weighing');

    await x.moveTo(truck.id, ['loading', 'loaded'], 600);
    x.tick(3 * MIN);
    const station = await x.core.ok<WeighStationDto>('weighing.getStation', {}, x.operator.token);
    expect(station.waitingGross.map((w) => w.journey.id)).toEqual([truck.id]);
    expect(station.waitingGross[0]).toMatchObject({ waitStartAt: x.now() - 3 * MIN, ticketNumber: tare.ticket!.number, tareKg: 15_020 });

    const gross = await x.weigh('weighing.captureGross', truck.id, 45_100);
    expect(gross).toMatchObject({ outcome: 'weighed', journey: { status: 'gross_weighed' }, ticket: { status: 'completed', grossKg: 45_100, netKg: 30_080 } });
    const [grossEvent] = await x.events('journey.gross_weighed');
    expect(grossEvent!.payload).toMatchObject({ grossKg: 45_100, netKg: 30_080, waitedMs: 3 * MIN, ticketNumber: tare.ticket!.number });

    const ticket = await x.core.ok<WeighingTicketDto>('weighing.getTicket', { id: gross.ticket!.id }, x.operator.token);
    expect(ticket).toMatchObject({ journeyNumber: gross.journey.number, slipNumber: truck.slip.number, customerName: '测试建材公司', tareByName: '员工W001', grossByName: '员工W001', tareManualReason: null });
    const after = await x.core.ok<WeighStationDto>('weighing.getStation', {}, x.operator.token);
    expect(after.waitingGross).toEqual([]);
    expect(after.todayTickets.map((t) => t.number)).toEqual([ticket.number]);
  });

  it('bulk trucks are weighed at gross once sealed, not when only loaded', async () => {
    const x = await setup();
    const truck = await x.releasedTruck({ product: 'bulk' });
    await x.weigh('weighing.captureTare', truck.id, 14_000);
    await x.moveTo(truck.id, ['loading', 'loaded']);
    const before = await x.counts();
    expect((await x.refused('weighing.captureGross', { journeyId: truck.id })).message).toBe('errors.weighNotDueGross');
    expect(await x.counts()).toEqual(before);
    await x.moveTo(truck.id, ['sealed']);
    expect((await x.weigh('weighing.captureGross', truck.id, 44_500)).ticket).toMatchObject({ netKg: 30_500, status: 'completed' });
  });

  it('moves the ledger at the actual net: reservation released, shipment posted, on the statement', async () => {
    const x = await setup();
    const start = await x.balance();
    const truck = await readyForGross(x, { tareKg: 15_000, bags: 580 });
    const reservedFen = truck.slip.amountFen;
    expect(reservedFen).toBe(12_000_00); // 30 t at 400 yuan
    expect(await x.balance()).toBe(start - reservedFen);
    const out = await x.weigh('weighing.captureGross', truck.id, 44_000); // net 29 000 kg (580 bags)
    const actual = 11_600_00;
    expect(out.ticket).toMatchObject({ netKg: 29_000, amountFen: actual, priceFenPerTonne: PRICE });
    expect(await x.balance()).toBe(start - actual);
    const lines = await x.core.db.read((m) => m.getRepository(LedgerEntry).find({ where: { customerId: x.ids.customerId }, order: { id: 'ASC' } }));
    expect(lines.slice(-2).map((l) => [l.kind, l.amountFen, l.docType, l.docId])).toEqual([
      ['slip_release', reservedFen, 'planSlip', truck.slip.number],
      ['shipment', -actual, 'weighingTicket', out.ticket!.number],
    ]);
    const finance = await x.core.signInAs('finance_clerk', 'F001');
    const st = await x.core.ok<{ created: { id: number }[] }>('statements.generate', { month: '2026-11' }, finance.token);
    expect(st.created).toHaveLength(1); // the customer shipped this month
    const statement = await x.core.ok<StatementDto>('statements.get', { id: st.created[0]!.id }, finance.token);
    const ship = statement.lines.find((l) => l.kind === 'shipment');
    expect(ship).toMatchObject({ amountFen: -actual, quantityKg: 29_000, unitPriceFenPerTonne: PRICE, docId: out.ticket!.number });
  });

  it('refuses bad input and writes nothing: unstable scale, no scale weight, wrong stage, gross not above tare, unknown code', async () => {
    const x = await setup();
    const truck = await x.releasedTruck();
    const before = await x.counts();
    const f2 = x;
    f2.scale.set(15_000, false);
    expect((await x.refused('weighing.captureTare', { journeyId: truck.id })).message).toBe('errors.scaleNotStable');
    f2.scale.set(null, false);
    expect((await x.refused('weighing.captureTare', { journeyId: truck.id })).message).toBe('errors.scaleNotStable');
    f2.scale.set(15_000);
    expect((await x.refused('weighing.captureGross', { journeyId: truck.id })).message).toBe('errors.weighNotDueGross');
    expect((await x.refused('weighing.captureTare', { journeyId: 'x' })).code).toBe('VALIDATION');
    expect((await x.refused('weighing.captureTare', { journeyId: 999 })).code).toBe('NOT_FOUND');
    expect((await x.refused('weighing.findTruck', { code: 'TJ-2026-999999' })).message).toBe('errors.weighTruckNotFound');
    expect((await x.refused('weighing.captureTare', { journeyId: truck.id, manual: { kg: -5, reason: 'x' } }, x.supervisor.token)).code).toBe('VALIDATION');
    expect((await x.refused('weighing.captureTare', { journeyId: truck.id, manual: { kg: 15_000, reason: ' ' } }, x.supervisor.token)).code).toBe('VALIDATION');
    const gatekeeperTry = await x.refused('weighing.captureTare', { journeyId: truck.id }, x.gatekeeper.token);
    expect(gatekeeperTry.code).toBe('FORBIDDEN');
    expect(await x.counts()).toEqual(before);
    await x.weigh('weighing.captureTare', truck.id, 15_000);
    await x.moveTo(truck.id, ['loading', 'loaded'], 600);
    const mid = await x.counts();
    x.scale.set(15_000);
    expect((await x.refused('weighing.captureGross', { journeyId: truck.id })).message).toBe('errors.grossNotAboveTare');
    expect((await x.refused('weighing.captureTare', { journeyId: truck.id })).message).toBe('errors.weighNotDueTare');
    expect(await x.counts()).toEqual(mid);
  });

  it('a manual weight is refused to the weighbridge operator; a supervisor enters it with a reason, audited and flagged', async () => {
    const x = await setup();
    const truck = await x.releasedTruck();
    x.scale.set(null, false);
    const before = await x.counts();
    const refused = await x.refused('weighing.captureTare', { journeyId: truck.id, manual: { kg: 15_000, reason: '仪表故障' } }, x.operator.token);
    expect(refused).toMatchObject({ code: 'FORBIDDEN', message: 'errors.manualWeightSupervisorOnly' });
    expect(await x.counts()).toEqual(before);
    const out = await x.core.ok<CaptureResultDto>('weighing.captureTare', { journeyId: truck.id, manual: { kg: 15_000, reason: '仪表故障' } }, x.supervisor.token);
    expect(out.ticket).toMatchObject({ tareKg: 15_000, tareManualReason: '仪表故障' });
    const [audit] = await x.events('weighing.manualWeightEntered');
    expect(audit!.payload).toMatchObject({ stage: 'tare', weightKg: 15_000, reason: '仪表故障' });
    expect(audit!.staffId).not.toBeNull();
  });
});

describe('weight rules hold the weighing for a supervisor', () => {
  it('tare fluctuation against the truck history: held, then re-weighed; another time accepted', async () => {
    const x = await setup();
    const plate = '豫A88888';
    // History: this truck weighed 15 000 kg empty before.
    const first = await readyForGross(x, { plate, tareKg: 15_000 });
    await x.weigh('weighing.captureGross', first.id, 45_000);
    await x.core.db.write((m) => m.query(`UPDATE truck_journey SET status = 'out' WHERE id = ?`, [first.id]));

    const again = await x.releasedTruck({ plate });
    const before = await x.counts();
    const held = await x.weigh('weighing.captureTare', again.id, 15_400);
    expect(held).toMatchObject({ outcome: 'held', journey: { status: 'released' }, ticket: null, exception: { stage: 'tare', hits: [{ rule: 'tare_fluctuation', params: { recordedTareKg: 15_000, diffKg: 400 } }] } });
    expect((await x.counts()).tickets).toBe(before.tickets);
    // Held: no second capture until decided; the operator cannot decide.
    expect((await x.refused('weighing.captureTare', { journeyId: again.id })).message).toBe('errors.weighingHeld');
    expect((await x.refused('weighing.decideException', { exceptionId: held.exception!.id, decision: 'accept', reason: 'ok' })).code).toBe('FORBIDDEN');
    expect((await x.refused('weighing.decideException', { exceptionId: held.exception!.id, decision: 'return', reason: 'x' }, x.supervisor.token)).code).toBe('VALIDATION');
    const reweigh = await x.core.ok<CaptureResultDto>('weighing.decideException', { exceptionId: held.exception!.id, decision: 'reweigh', reason: '司机下车后复磅' }, x.supervisor.token);
    expect(reweigh).toMatchObject({ journey: { status: 'released' }, exception: { decision: 'reweigh', reason: '司机下车后复磅' } });
    expect((await x.weigh('weighing.captureTare', again.id, 15_050)).outcome).toBe('weighed');

    // Settings changed: 1 % / 100 kg → 15 200 is now a hit (150 kg tolerance), accepted by the supervisor.
    await x.core.ok('settings.update', { key: 'weighing.tareTolerancePercent', value: 1 }, x.supervisor.token);
    await x.core.ok('settings.update', { key: 'weighing.tareToleranceKg', value: 100 }, x.supervisor.token);
    await x.core.db.write((m) => m.query(`UPDATE truck_journey SET status = 'out' WHERE id = ?`, [again.id]));
    const third = await x.releasedTruck({ plate });
    const held3 = await x.weigh('weighing.captureTare', third.id, 15_200);
    expect(held3.exception?.hits[0]?.params).toMatchObject({ recordedTareKg: 15_000, toleranceKg: 150 });
    const accepted = await x.core.ok<CaptureResultDto>('weighing.decideException', { exceptionId: held3.exception!.id, decision: 'accept', reason: '更换了轮胎' }, x.supervisor.token);
    expect(accepted).toMatchObject({ journey: { status: 'tare_weighed' }, ticket: { tareKg: 15_200, acceptedHits: [{ stage: 'tare', rules: ['tare_fluctuation'], reason: '更换了轮胎' }] } });
    expect((await x.refused('weighing.decideException', { exceptionId: held3.exception!.id, decision: 'accept', reason: 'x' }, x.supervisor.token)).message).toBe('errors.weighingExceptionDecided');
    const decided = await x.events('weighing.exceptionDecided');
    expect(decided.map((e) => e.payload.decision)).toEqual(['reweigh', 'accept']);
  });

  it('net below 90 % of the slip: held with no ledger movement; accepted → ticket completed at the actual net', async () => {
    const x = await setup();
    const truck = await readyForGross(x, { tareKg: 15_000, bags: 530 });
    const ledgerBefore = (await x.counts()).ledger;
    const held = await x.weigh('weighing.captureGross', truck.id, 41_500); // net 26 500 < 27 000
    expect(held).toMatchObject({ outcome: 'held', journey: { status: 'loaded' }, exception: { stage: 'gross', tareKg: 15_000, hits: [{ rule: 'net_below_slip' }] } });
    expect((await x.counts()).ledger).toBe(ledgerBefore);
    const station = await x.core.ok<WeighStationDto>('weighing.getStation', {}, x.operator.token);
    expect(station.pending.map((p) => p.id)).toEqual([held.exception!.id]);
    expect(station.waitingGross[0]?.pending?.id).toBe(held.exception!.id);
    const out = await x.core.ok<CaptureResultDto>('weighing.decideException', { exceptionId: held.exception!.id, decision: 'accept', reason: '客户只要这么多' }, x.supervisor.token);
    expect(out).toMatchObject({ journey: { status: 'gross_weighed' }, ticket: { status: 'completed', netKg: 26_500, amountFen: 10_600_00 } });
  });

  it('net rule follows the setting: 26 500 of 30 000 passes at 85 %', async () => {
    const x = await setup();
    await x.core.ok('settings.update', { key: 'weighing.netMinPercentOfSlip', value: 85 }, x.supervisor.token);
    const truck = await readyForGross(x, { tareKg: 15_000, bags: 530 });
    expect((await x.weigh('weighing.captureGross', truck.id, 41_500)).outcome).toBe('weighed');
  });

  it('bagged overweight: held, returned to loading (journey returned), re-loaded and re-weighed at gross', async () => {
    const x = await setup();
    const truck = await readyForGross(x, { tareKg: 15_000, bags: 600 });
    const start = await x.balance();
    const held = await x.weigh('weighing.captureGross', truck.id, 45_400); // net 30 400 > 30 300
    expect(held.exception?.hits.map((h) => h.rule)).toEqual(['bag_overweight']);
    const returned = await x.core.ok<CaptureResultDto>('weighing.decideException', { exceptionId: held.exception!.id, decision: 'return', reason: '超重, 退回卸包' }, x.supervisor.token);
    expect(returned).toMatchObject({ journey: { status: 'returned' }, ticket: { status: 'open', grossKg: null } });
    expect(await x.balance()).toBe(start); // nothing shipped yet
    const [ret] = await x.events('journey.returned');
    expect(ret!.payload).toMatchObject({ rules: ['bag_overweight'], reason: '超重, 退回卸包', grossKg: 45_400 });
    // Back to loading; the dispatch clerk counts 598 bags; the truck is weighed at gross again on the same ticket.
    await x.moveTo(truck.id, ['loading', 'loaded'], 598);
    const again = await x.weigh('weighing.captureGross', truck.id, 45_250); // net 30 250 ≤ 598 × 50 × 1.01 = 30 199.8? → held
    expect(again.outcome).toBe('held');
    await x.core.ok('weighing.decideException', { exceptionId: again.exception!.id, decision: 'return', reason: '再卸' }, x.supervisor.token);
    await x.moveTo(truck.id, ['loading', 'loaded'], 598);
    const ok = await x.weigh('weighing.captureGross', truck.id, 44_950); // net 29 950
    expect(ok).toMatchObject({ outcome: 'weighed', journey: { status: 'gross_weighed' }, ticket: { number: held.ticket!.number, netKg: 29_950 } });
    expect(await x.balance()).toBe(start + truck.slip.amountFen - 11_980_00);
  });

  it('bagged overweight follows the settings (20 ‰ tolerance lets 30 400 of 600 bags pass)', async () => {
    const x = await setup();
    await x.core.ok('settings.update', { key: 'weighing.bagOverweightPermille', value: 20 }, x.supervisor.token);
    const truck = await readyForGross(x, { tareKg: 15_000, bags: 600 });
    expect((await x.weigh('weighing.captureGross', truck.id, 45_400)).outcome).toBe('weighed');
  });
});

describe('10-minute waits from the events', () => {
  it('tare: released → weighed; gross: loaded (bagged) / sealed (bulk) → weighed; met, missed and open', async () => {
    const x = await setup();
    const from = x.now();
    const a = await x.releasedTruck();
    x.tick(9 * MIN);
    await x.weigh('weighing.captureTare', a.id, 15_000); // tare 9 min: met
    const b = await x.releasedTruck({ product: 'bulk' });
    x.tick(11 * MIN);
    await x.weigh('weighing.captureTare', b.id, 14_000); // tare 11 min: missed
    await x.moveTo(a.id, ['loading', 'loaded'], 600);
    await x.moveTo(b.id, ['loading', 'loaded']);
    x.tick(5 * MIN); // bulk sealing takes 5 min: the gross wait starts at sealed
    await x.moveTo(b.id, ['sealed']);
    x.tick(10 * MIN);
    await x.weigh('weighing.captureGross', b.id, 44_000); // bulk gross: 10 min after sealed (met); bagged a still waiting (15 min: missed, open)
    const c = await x.releasedTruck(); // open, not yet past the limit
    x.tick(MIN);
    const sup = await x.core.ok<{ token: string }>('auth.signIn', { staffNo: 'S001', pin: '1111' });
    const k = await x.core.ok<{ tare: TimedKpiDto; gross: TimedKpiDto }>('weighing.getKpis', { from, to: x.now() + 1 }, sup.token);
    expect(k.tare).toMatchObject({ limitMinutes: 10, count: 3, met: 1, missed: 1, open: 1 });
    expect(k.tare.rows.map((r) => [r.label, r.durationMs, r.met])).toEqual([
      [a.plate, 9 * MIN, true],
      [b.plate, 11 * MIN, false],
      [c.plate, null, null],
    ]);
    expect(k.gross).toMatchObject({ count: 2, met: 1, missed: 1, open: 1 });
    expect(k.gross.rows.find((r) => r.label === b.plate)).toMatchObject({ durationMs: 10 * MIN, met: true });
    expect(k.gross.rows.find((r) => r.label === a.plate)).toMatchObject({ endedAt: null, met: false });
    // The limit is a setting.
    await x.core.ok('settings.update', { key: 'weighing.waitMinutes', value: 8 }, sup.token);
    const k8 = await x.core.ok<{ tare: TimedKpiDto }>('weighing.getKpis', { from, to: x.now() + 1 }, sup.token);
    expect(k8.tare).toMatchObject({ met: 0, missed: 2 });
    expect((await x.refused('weighing.getKpis', { from, to: from }, sup.token)).code).toBe('VALIDATION');
    expect((await x.refused('weighing.getKpis', { from, to: from + 1 })).code).toBe('FORBIDDEN');
  });
});

describe('rules board', () => {
  it('is public and shows the values in force, no customer data', async () => {
    const x = await setup();
    const board = await x.core.ok<WeighRulesBoardDto>('weighing.getRulesBoard', {});
    expect(board).toMatchObject({ waitMinutes: 10, tareTolerancePercent: 2, tareToleranceKg: 300, netMinPercentOfSlip: 90, bagOverweightPermille: 10, bagWeightKg: 50, tareHistoryCount: 5 });
  });
});
