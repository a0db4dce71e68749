import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BatchDto, QualityCertificateDto, QualityDailyDto, QualityOverviewDto, SpotCheckDto } from '../../shared/contract/quality';
import type { SessionDto } from '../../shared/dto';
import { seedDemo } from '../demo/seedDemo';
import { EventLogEntry } from '../events/eventLog.entity';
import { Customer } from '../sales/customer.entity';
import { Product } from '../sales/product.entity';
import { testCore, type TestCore } from '../testing/testCore';
import { BagSpotCheck, CementBatch, PackingCalibration, QualityCertificate, SprayCodeCheck } from './quality.entities';

const T0 = Date.UTC(2026, 10, 23, 2, 0, 0); // 10:00 plant time (morning shift 08:00–16:00)
const MIN = 60_000;
const HOUR = 60 * MIN;

describe('quality desk', () => {
  let core: TestCore;
  let now = T0;
  let qc: SessionDto;
  let sup: SessionDto;
  let admin: SessionDto;
  let productId: number;
  let customerId: number;
  let P1: number;
  let P2: number;

  const count = (entity: Parameters<TestCore['dataSource']['manager']['count']>[0]) => core.db.read((m) => m.count(entity));
  const events = (type: string) => core.db.read((m) => m.countBy(EventLogEntry, { type }));
  const setting = (key: string, value: unknown) => core.ok('settings.update', { key, value }, admin.token);
  const refused = async (method: string, input: unknown, token: string) => {
    const r = await core.dispatch(method, input, token);
    if (r.ok) throw new Error(`${method} was not refused`);
    return r.error;
  };
  const batch = (over: Record<string, unknown> = {}) =>
    core.ok<BatchDto>('quality.createBatch', { batchNumber: 'P1-261120-01', productId, productionDate: '2026-11-20', results: { compressive3dTenths: 285, so3Hundredths: 260 }, ...over }, qc.token);

  beforeEach(async () => {
    now = T0;
    core = await testCore({ clock: () => now });
    await core.db.write((m) => seedDemo(m, T0 - 60 * MIN));
    qc = await core.ok<SessionDto>('auth.signIn', { staffNo: 'D006', pin: '1006' });
    sup = await core.ok<SessionDto>('auth.signIn', { staffNo: 'D007', pin: '1007' });
    admin = await core.ok<SessionDto>('auth.signIn', { staffNo: 'D008', pin: '1008' });
    await setting('security.sessionIdleMinutes', 24 * 60);
    productId = (await core.db.read((m) => m.getRepository(Product).findOneByOrFail({ code: 'PO425-D' }))).id;
    customerId = (await core.db.read((m) => m.getRepository(Customer).findOneByOrFail({ code: 'C0001' }))).id;
    // Packing machines are the dispatch area's loading points (kind packer): two fresh ones, unknown to the demo's records.
    P1 = (await core.ok<{ id: number }>('dispatch.addPoint', { kind: 'packer', code: 'P7', name: '7号包装机', productId }, sup.token)).id;
    P2 = (await core.ok<{ id: number }>('dispatch.addPoint', { kind: 'packer', code: 'P8', name: '8号包装机', productId }, sup.token)).id;
  });
  afterEach(() => core.dispose());

  describe('batches', () => {
    it('records a batch with integer test data; 28-day results added later are audited old → new', async () => {
      const b = await batch();
      expect(b).toMatchObject({ batchNumber: 'P1-261120-01', grade: 'P.O 42.5', compressive3dTenths: 285, compressive28dTenths: null, complete: false });
      now += 28 * 24 * HOUR;
      qc = await core.ok<SessionDto>('auth.signIn', { staffNo: 'D006', pin: '1006' });
      const done = await core.ok<BatchDto>('quality.recordBatchResults', { batchId: b.id, results: { compressive28dTenths: 486, flexural28dTenths: 82, so3Hundredths: 255 } }, qc.token);
      expect(done).toMatchObject({ compressive28dTenths: 486, flexural28dTenths: 82, so3Hundredths: 255, complete: true, updatedAt: now });
      const ev = await core.db.read((m) => m.getRepository(EventLogEntry).findOneByOrFail({ type: 'quality.batchResultsRecorded' }));
      expect(ev.payload).toMatchObject({ changes: { compressive28dTenths: { from: null, to: 486 }, so3Hundredths: { from: 260, to: 255 } } });
    });

    it('bad input writes nothing: floats, bad number, unknown product, duplicate number, no change', async () => {
      await batch();
      const before = await count(CementBatch);
      const evBefore = await core.db.read((m) => m.count(EventLogEntry));
      expect(await refused('quality.createBatch', { batchNumber: 'X2', productId, productionDate: '2026-11-20' }, qc.token)).toMatchObject({ code: 'VALIDATION' });
      expect(await refused('quality.createBatch', { batchNumber: 'P1-2', productId, productionDate: '2026-11-20', results: { compressive3dTenths: 28.5 } }, qc.token)).toMatchObject({ code: 'VALIDATION' });
      expect(await refused('quality.createBatch', { batchNumber: 'P1-3', productId: 999, productionDate: '2026-11-20' }, qc.token)).toMatchObject({ code: 'NOT_FOUND' });
      expect(await refused('quality.createBatch', { batchNumber: 'p1-261120-01', productId, productionDate: '2026-11-20' }, qc.token)).toMatchObject({
        code: 'CONFLICT',
        message: 'errors.batchNumberTaken',
      });
      const b = (await core.ok<BatchDto[]>('quality.listBatches', {}, qc.token))[0]!;
      expect(await refused('quality.recordBatchResults', { batchId: b.id, results: { compressive3dTenths: 285 } }, qc.token)).toMatchObject({ message: 'errors.batchResultsUnchanged' });
      expect(await refused('quality.recordBatchResults', { batchId: b.id, results: {} }, qc.token)).toMatchObject({ code: 'VALIDATION' });
      expect(await count(CementBatch)).toBe(before);
      expect(await core.db.read((m) => m.count(EventLogEntry))).toBe(evBefore);
    });
  });

  describe('quality certificates', () => {
    it('any quality clerk issues by default; a supervisor is not the designated person; the designated staff number alone when set', async () => {
      const b = await batch();
      const cert = await core.ok<QualityCertificateDto>('quality.issueCertificate', { customerId, batchId: b.id, quantityKg: 32_000 }, qc.token);
      expect(cert).toMatchObject({ number: 'QC-2026-000001', customerCode: 'C0001', issuedByName: '杨磊', reissueOfNumber: null, batch: { batchNumber: 'P1-261120-01' } });
      expect(await events('quality.certificateIssued')).toBe(1);

      const b2 = await batch({ batchNumber: 'P1-261121-01' });
      expect(await refused('quality.issueCertificate', { customerId, batchId: b2.id }, sup.token)).toMatchObject({ code: 'FORBIDDEN', message: 'errors.certificateQualityClerkOnly' });

      await setting('quality.certificateIssuerStaffNo', 'Q900');
      await core.ok('staff.create', { staffNo: 'Q900', pin: '1111', name: '质保书专员', role: 'quality_clerk' }, admin.token);
      const other = await core.ok<SessionDto>('auth.signIn', { staffNo: 'Q900', pin: '1111' });
      expect(await refused('quality.issueCertificate', { customerId, batchId: b2.id }, qc.token)).toMatchObject({ code: 'FORBIDDEN', message: 'errors.certificateIssuerOnly', params: { staffNo: 'Q900' } });
      expect(await count(QualityCertificate)).toBe(1);
      expect((await core.ok<QualityOverviewDto>('quality.getOverview', {}, qc.token)).mayIssueCertificates).toBe(false);
      expect((await core.ok<QualityOverviewDto>('quality.getOverview', {}, other.token)).mayIssueCertificates).toBe(true);
      await core.ok('quality.issueCertificate', { customerId, batchId: b2.id }, other.token);
      // a supervisor named as the issuer may issue
      await setting('quality.certificateIssuerStaffNo', 'D007');
      const b3 = await batch({ batchNumber: 'P1-261122-01' });
      await core.ok('quality.issueCertificate', { customerId, batchId: b3.id }, sup.token);
      expect(await count(QualityCertificate)).toBe(3);
    });

    it('re-issue for the same customer and batch is refused; a supervisor overrides with a reason; the setting allows it', async () => {
      const b = await batch();
      const first = await core.ok<QualityCertificateDto>('quality.issueCertificate', { customerId, batchId: b.id }, qc.token);
      const err = await refused('quality.issueCertificate', { customerId, batchId: b.id }, qc.token);
      expect(err).toMatchObject({ code: 'RULE_VIOLATION', message: 'errors.certificateAlreadyIssued', params: { number: first.number } });
      expect(await count(QualityCertificate)).toBe(1);

      // only a supervisor (or admin) may override, and only with a reason
      expect(await refused('quality.reissueCertificate', { certificateId: first.id, reason: '客户遗失' }, qc.token)).toMatchObject({ code: 'FORBIDDEN' });
      expect(await refused('quality.reissueCertificate', { certificateId: first.id, reason: ' ' }, sup.token)).toMatchObject({ code: 'VALIDATION' });
      expect(await count(QualityCertificate)).toBe(1);
      now += HOUR;
      const again = await core.ok<QualityCertificateDto>('quality.reissueCertificate', { certificateId: first.id, reason: '客户遗失，经销售处同意' }, sup.token);
      expect(again).toMatchObject({ number: 'QC-2026-000002', reissueOfNumber: first.number, reissueReason: '客户遗失，经销售处同意', overrideByName: '赵敏' });
      const ev = await core.db.read((m) => m.getRepository(EventLogEntry).findOneByOrFail({ type: 'quality.certificateReissued' }));
      expect(ev).toMatchObject({ staffId: expect.any(Number), payload: { replaces: first.number, reason: '客户遗失，经销售处同意' } });

      await setting('quality.allowCertificateReissue', true);
      const third = await core.ok<QualityCertificateDto>('quality.issueCertificate', { customerId, batchId: b.id }, qc.token);
      expect(third).toMatchObject({ number: 'QC-2026-000003', reissueOfNumber: 'QC-2026-000002' });
    });

    it('unknown customer or batch is refused and writes nothing', async () => {
      const b = await batch();
      expect(await refused('quality.issueCertificate', { customerId: 9999, batchId: b.id }, qc.token)).toMatchObject({ code: 'NOT_FOUND' });
      expect(await refused('quality.issueCertificate', { customerId, batchId: 9999 }, qc.token)).toMatchObject({ code: 'NOT_FOUND', message: 'errors.batchNotFound' });
      expect(await refused('quality.issueCertificate', { customerId, batchId: b.id, quantityKg: 1.5 }, qc.token)).toMatchObject({ code: 'VALIDATION' });
      expect(await count(QualityCertificate)).toBe(0);
      expect(await events('quality.certificateIssued')).toBe(0);
    });
  });

  describe('bag-weight spot checks', () => {
    const good = () => Array.from({ length: 20 }, () => 50_100);

    it('records 20 bags with the GB 175 verdict; one light bag fails it; the shift is noted', async () => {
      const pass = await core.ok<SpotCheckDto>('quality.recordSpotCheck', { machineId: P1, reason: 'shift', markedKg: 50, bagGrams: good() }, qc.token);
      expect(pass).toMatchObject({ machineId: P1, passed: true, totalGrams: 1_002_000, bagMinGrams: 49_500, minTotalGrams: 1_000_000, shiftDay: '2026-11-23', shiftLabel: '08:00' });
      const bags = good();
      bags[7] = 49_450;
      const fail = await core.ok<SpotCheckDto>('quality.recordSpotCheck', { machineId: P2, reason: 'shift', markedKg: 50, bagGrams: bags }, qc.token);
      expect(fail).toMatchObject({ passed: false, lightBags: [7] });
      const ev = await core.db.read((m) => m.getRepository(EventLogEntry).find({ where: { type: 'quality.spotChecked' }, order: { id: 'DESC' }, take: 2 }));
      expect(ev.map((e) => e.payload.passed)).toEqual([false, true]);
    });

    it('the edges pass: a bag of exactly 49.5 kg and a total of exactly 1000 kg', async () => {
      const edge = [49_500, 50_500, ...Array.from({ length: 18 }, () => 50_000)]; // total exactly 1 000 000 g
      expect(await core.ok<SpotCheckDto>('quality.recordSpotCheck', { machineId: P1, reason: 'shift', markedKg: 50, bagGrams: edge }, qc.token)).toMatchObject({
        passed: true,
        totalGrams: 1_000_000,
      });
    });

    it('the wrong number of bags, a missing weight, a spout or a calibration check without a calibration writes nothing', async () => {
      const checksBefore = await count(BagSpotCheck);
      const eventsBefore = await events('quality.spotChecked');
      const spout = await core.ok<{ id: number }>('dispatch.addPoint', { kind: 'spout', code: 'S9', name: '9号散装口', productId: null }, sup.token);
      expect(await refused('quality.recordSpotCheck', { machineId: spout.id, reason: 'shift', markedKg: 50, bagGrams: good() }, qc.token)).toMatchObject({
        code: 'NOT_FOUND',
        message: 'errors.packingMachineNotFound',
      });
      expect(await refused('quality.recordSpotCheck', { machineId: P1, reason: 'shift', markedKg: 50, bagGrams: good().slice(1) }, qc.token)).toMatchObject({
        code: 'VALIDATION',
        fields: [{ path: 'bagGrams', message: 'fields.bagCountExact', params: { count: 20 } }],
      });
      expect(await refused('quality.recordSpotCheck', { machineId: P1, reason: 'shift', markedKg: 50, bagGrams: [0, ...good().slice(1)] }, qc.token)).toMatchObject({ code: 'VALIDATION' });
      expect(await refused('quality.recordSpotCheck', { machineId: P1, reason: 'shift', markedKg: 50, bagGrams: [50.1, ...good().slice(1)] }, qc.token)).toMatchObject({ code: 'VALIDATION' });
      expect(await refused('quality.recordSpotCheck', { machineId: P1, reason: 'calibration', markedKg: 50, bagGrams: good() }, qc.token)).toMatchObject({
        code: 'RULE_VIOLATION',
        message: 'errors.noCalibrationOwed',
      });
      expect(await refused('quality.recordSpotCheck', { machineId: 0, reason: 'shift', markedKg: 50, bagGrams: good() }, qc.token)).toMatchObject({ code: 'VALIDATION' });
      expect(await count(BagSpotCheck)).toBe(checksBefore);
      expect(await events('quality.spotChecked')).toBe(eventsBefore);
    });

    it('a calibration owes a spot check until one follows it; the sample size is a setting', async () => {
      await core.ok('quality.recordCalibration', { machineId: P1, note: '更换称重传感器后标定' }, qc.token);
      let o = await core.ok<QualityOverviewDto>('quality.getOverview', {}, qc.token);
      expect(o.machines.find((x) => x.machineCode === 'P7')!.calibrationsOwed).toHaveLength(1);
      await setting('quality.sampleBagCount', 10);
      const check = await core.ok<SpotCheckDto>('quality.recordSpotCheck', { machineId: P1, reason: 'calibration', markedKg: 50, bagGrams: good().slice(0, 10) }, qc.token);
      // 10 bags of 50.1 kg = 501 kg < 1000 kg: the total rule still applies as set
      expect(check).toMatchObject({ reason: 'calibration', calibrationId: expect.any(Number), passed: false, lightBags: [] });
      o = await core.ok<QualityOverviewDto>('quality.getOverview', {}, qc.token);
      expect(o.machines.find((x) => x.machineCode === 'P7')!.calibrationsOwed).toHaveLength(0);
      expect(await refused('quality.recordSpotCheck', { machineId: P1, reason: 'calibration', markedKg: 50, bagGrams: good().slice(0, 10) }, qc.token)).toMatchObject({
        message: 'errors.noCalibrationOwed',
      });
      expect(await count(PackingCalibration)).toBe(2); // the demo's and this one
    });

    it("shows which of today's shifts lack a check per machine", async () => {
      now = Date.UTC(2026, 10, 23, 9, 0); // 17:00 local: night shift (00:00), morning (08:00) and the running 16:00 shift
      await core.ok('quality.recordSprayCheck', { machineId: P1, ok: true }, qc.token);
      await core.ok('quality.recordSprayCheck', { machineId: P2, ok: true }, qc.token);
      await core.ok('quality.recordSpotCheck', { machineId: P1, reason: 'shift', markedKg: 50, bagGrams: good() }, qc.token);
      const o = await core.ok<QualityOverviewDto>('quality.getOverview', {}, qc.token);
      const ours = (codes: string[]) => codes.filter((c) => c === 'P7' || c === 'P8');
      expect(o.shifts.map((s) => [s.label, s.current, ours(s.checked), ours(s.missing)])).toEqual([
        ['00:00', false, [], ['P7', 'P8']],
        ['08:00', false, [], ['P7', 'P8']],
        ['16:00', true, ['P7'], ['P8']],
      ]);
    });
  });

  describe('spray-code checks', () => {
    it('due two hours after the last check per machine; overdue after that; the setting changes the interval', async () => {
      await core.ok('quality.recordSprayCheck', { machineId: P1, ok: true, codeText: 'P1-261123 2026.11.23' }, qc.token);
      now += HOUR;
      await core.ok('quality.recordSprayCheck', { machineId: P2, ok: false, note: '喷码模糊，已清洗喷头' }, qc.token);
      now = T0 + 2 * HOUR;
      let o = await core.ok<QualityOverviewDto>('quality.getOverview', {}, qc.token);
      const mine = (o: QualityOverviewDto) => o.machines.filter((x) => x.machineId === P1 || x.machineId === P2);
      expect(mine(o).map((x) => [x.machineCode, x.sprayOverdue, x.sprayDueAt])).toEqual([
        ['P7', false, T0 + 2 * HOUR],
        ['P8', false, T0 + 3 * HOUR],
      ]);
      now = T0 + 2 * HOUR + 30 * MIN;
      o = await core.ok<QualityOverviewDto>('quality.getOverview', {}, qc.token);
      expect(mine(o).map((x) => [x.machineCode, x.sprayOverdue, x.sprayOverdueMinutes])).toEqual([
        ['P7', true, 30],
        ['P8', false, 0],
      ]);
      // a stopped machine packs nothing: no spray-code check is due
      await core.ok('dispatch.setPointStatus', { pointId: P1, status: 'stopped', reason: '喷码机故障', expectedUntil: now + HOUR }, sup.token);
      o = await core.ok<QualityOverviewDto>('quality.getOverview', {}, qc.token);
      expect(mine(o).map((x) => [x.machineCode, x.running, x.sprayOverdue])).toEqual([
        ['P7', false, false],
        ['P8', true, false],
      ]);
      await core.ok('dispatch.setPointStatus', { pointId: P1, status: 'running' }, sup.token);
      await setting('quality.sprayCodeCheckHours', 3);
      o = await core.ok<QualityOverviewDto>('quality.getOverview', {}, qc.token);
      expect(mine(o).every((x) => !x.sprayOverdue)).toBe(true);
      await core.ok('quality.recordSprayCheck', { machineId: P1, ok: true }, qc.token);
      const ev = await core.db.read((m) => m.getRepository(EventLogEntry).find({ where: { type: 'quality.sprayChecked' }, order: { id: 'DESC' }, take: 3 }));
      expect(ev.map((e) => e.payload.previousCheckAt)).toEqual([T0, null, null]);
    });

    it('bad input writes nothing', async () => {
      const before = await count(SprayCodeCheck);
      expect(await refused('quality.recordSprayCheck', { machineId: 'P1', ok: true }, qc.token)).toMatchObject({ code: 'VALIDATION' });
      expect(await refused('quality.recordSprayCheck', { machineId: P1, ok: 'yes' }, qc.token)).toMatchObject({ code: 'VALIDATION' });
      expect(await refused('quality.recordSprayCheck', { machineId: 9999, ok: true }, qc.token)).toMatchObject({ code: 'NOT_FOUND' });
      expect(await count(SprayCodeCheck)).toBe(before);
      const calibrations = await count(PackingCalibration);
      expect(await refused('quality.recordCalibration', { machineId: 9999 }, qc.token)).toMatchObject({ code: 'NOT_FOUND', message: 'errors.packingMachineNotFound' });
      expect(await refused('quality.recordCalibration', { machineId: P1, note: 'x'.repeat(201) }, qc.token)).toMatchObject({ code: 'VALIDATION' });
      expect(await refused('quality.recordBatchResults', { batchId: 9999, results: { compressive28dTenths: 480 } }, qc.token)).toMatchObject({ code: 'NOT_FOUND' });
      expect(await count(PackingCalibration)).toBe(calibrations);
    });
  });

  it('daily records list the day’s checks, calibrations and certificates (plant-local day)', async () => {
    now = Date.UTC(2026, 10, 25, 2, 0); // 10:00 on the 25th: the demo's records are two days back
    for (const s of [qc, admin]) Object.assign(s, await core.ok<SessionDto>('auth.signIn', { staffNo: s === qc ? 'D006' : 'D008', pin: s === qc ? '1006' : '1008' }));
    const b = await batch();
    await core.ok('quality.recordCalibration', { machineId: P1 }, qc.token);
    await core.ok('quality.recordSprayCheck', { machineId: P1, ok: true }, qc.token);
    await core.ok('quality.recordSpotCheck', { machineId: P1, reason: 'calibration', markedKg: 50, bagGrams: Array.from({ length: 20 }, () => 50_000) }, qc.token);
    await core.ok('quality.issueCertificate', { customerId, batchId: b.id }, qc.token);
    now = Date.UTC(2026, 10, 25, 16, 30); // 00:30 on the 26th, plant time
    await core.ok('quality.recordSprayCheck', { machineId: P1, ok: true }, qc.token);
    const day = await core.ok<QualityDailyDto>('quality.dailyRecords', { day: '2026-11-25' }, qc.token);
    expect([day.spotChecks.length, day.sprayChecks.length, day.calibrations.length, day.certificates.length, day.conformity.length]).toEqual([1, 1, 1, 1, 0]);
    expect((await core.ok<QualityDailyDto>('quality.dailyRecords', { day: '2026-11-26' }, qc.token)).sprayChecks).toHaveLength(1);
    expect((await core.ok<QualityDailyDto>('quality.dailyRecords', { day: '2026-11-23' }, qc.token)).spotChecks).toHaveLength(1); // the demo's
  });

  it('the weighbridge operator and the sales clerk cannot use the QC desk', async () => {
    const weigher = await core.ok<SessionDto>('auth.signIn', { staffNo: 'D004', pin: '1004' });
    expect(await refused('quality.recordSprayCheck', { machineId: P1, ok: true }, weigher.token)).toMatchObject({ code: 'FORBIDDEN' });
    expect(await refused('quality.getOverview', {}, weigher.token)).toMatchObject({ code: 'FORBIDDEN' });
  });
});
