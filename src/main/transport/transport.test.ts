import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AuthorizationDto, NoAuthorizationCaseDto } from '../../shared/contract/transport';
import type { SessionDto } from '../../shared/dto';
import type { TopicMessage } from '../../shared/topics';
import { idCardCheckChar } from '../../shared/validators/idCard';
import { seedDemo } from '../demo/seedDemo';
import { EventLogEntry } from '../events/eventLog.entity';
import { Customer } from '../sales/customer.entity';
import { PlanSlip, type PlanSlipStatus } from '../sales/planSlip.entity';
import { Product } from '../sales/product.entity';
import { testCore, type TestCore } from '../testing/testCore';
import { authorizationHandoffTimes, salespersonContactTimes } from './kpi';
import { TransportAuthorization } from './transportAuthorization.entity';
import { NoAuthorizationCase } from './noAuthorizationCase.entity';

const T0 = Date.UTC(2026, 10, 23, 2, 0, 0); // 10:00 plant time
const MIN = 60_000;
const ID17 = '41010519850615123';
const ID_NO = ID17 + idCardCheckChar(ID17);

describe('transport authorizations and no-authorization cases', () => {
  let core: TestCore;
  let now = T0;
  let clerk: SessionDto;
  let weigher: SessionDto;

  async function slip(number: string, status: PlanSlipStatus = 'issued', validUntil = T0 + 7 * 24 * 60 * MIN) {
    await core.db.write(async (m) => {
      const customer = await m.getRepository(Customer).findOneByOrFail({});
      const product = await m.getRepository(Product).findOneByOrFail({});
      await m.save(
        m.create(PlanSlip, {
          number,
          customerId: customer.id,
          productId: product.id,
          quantityKg: 30_000,
          priceFenPerTonne: 40_000,
          amountFen: 1_200_000,
          issuedAt: T0 - MIN,
          validUntil,
          status,
          voidedAt: null,
          voidReason: null,
          truckPlates: [],
          ticketId: null,
          issuedBy: 1,
        }),
      );
    });
  }

  const letter = (over: Record<string, unknown> = {}) => ({
    carrier: '顺达物流',
    truckPlate: '豫A12345',
    driverName: '王师傅',
    driverIdNo: ID_NO,
    driverPhone: '13912345678',
    slipNumbers: ['PS-2026-900001'],
    ...over,
  });

  const count = (entity: typeof TransportAuthorization | typeof NoAuthorizationCase) => core.db.read((m) => m.count(entity));
  const events = (type: string) => core.db.read((m) => m.countBy(EventLogEntry, { type }));

  beforeEach(async () => {
    now = T0;
    core = await testCore({ clock: () => now });
    await core.db.write((m) => seedDemo(m, T0 - 60 * MIN));
    clerk = await core.ok<SessionDto>('auth.signIn', { staffNo: 'D001', pin: '1001' });
    weigher = await core.ok<SessionDto>('auth.signIn', { staffNo: 'D004', pin: '1004' });
    await slip('PS-2026-900001');
  });
  afterEach(() => core.dispose());

  it('receives a letter: TA number, received now, event, truck added to the slip, topic after commit', async () => {
    const before = await count(TransportAuthorization);
    const eventsBefore = await events('transport.authorizationReceived');
    const seen: TopicMessage[] = [];
    let rowsWhenPublished = -1;
    core.bus.subscribe(['transport.authorizationReceived'], (msg) => {
      seen.push(msg);
      void core.db.read((m) => m.count(TransportAuthorization)).then((n) => (rowsWhenPublished = n));
    });
    const a = await core.ok<AuthorizationDto>('transport.receiveAuthorization', letter({ truckPlate: '豫a·d12345', slipNumbers: [' ps-2026-900001 '] }), clerk.token);
    expect(a.number).toMatch(/^TA-2026-\d{6}$/);
    expect(a).toMatchObject({ truckPlate: '豫AD12345', receivedAt: T0, status: 'pending', handedOverAt: null, slipNumbers: ['PS-2026-900001'] });
    expect(seen).toHaveLength(1);
    expect(seen[0]!.payload).toMatchObject({ id: a.id, number: a.number });
    await new Promise((r) => setTimeout(r, 50));
    expect(rowsWhenPublished).toBe(before + 1);
    expect(await events('transport.authorizationReceived')).toBe(eventsBefore + 1);
    const s = await core.db.read((m) => m.findOneByOrFail(PlanSlip, { number: 'PS-2026-900001' }));
    expect(s.truckPlates).toEqual(['豫AD12345']);
    const pending = await core.ok<AuthorizationDto[]>('transport.listAuthorizations', { status: 'pending' }, weigher.token);
    expect(pending.map((p) => p.number)).toContain(a.number);
    expect(a.slips).toEqual([expect.objectContaining({ number: 'PS-2026-900001', quantityKg: 30_000 })]);
    expect(a.slips[0]!.customerName).toBeTruthy();
    expect(a.slips[0]!.productGrade).toBeTruthy();
  });

  it('refuses an unknown, voided or expired slip and writes nothing (no number used either)', async () => {
    await slip('PS-2026-900002', 'voided');
    await slip('PS-2026-900003', 'issued', T0 - 1);
    const before = await count(TransportAuthorization);
    const eventsBefore = await events('transport.authorizationReceived');
    const published: TopicMessage[] = [];
    core.bus.subscribe(['transport.authorizationReceived'], (m) => published.push(m));
    for (const [numbers, code] of [
      [['PS-2026-900009'], 'NOT_FOUND'],
      [['PS-2026-900001', 'PS-2026-900002'], 'RULE_VIOLATION'],
      [['PS-2026-900003'], 'RULE_VIOLATION'],
    ] as const) {
      const r = await core.dispatch('transport.receiveAuthorization', letter({ slipNumbers: numbers }), clerk.token);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error.code).toBe(code);
    }
    expect(await count(TransportAuthorization)).toBe(before);
    expect(await events('transport.authorizationReceived')).toBe(eventsBefore);
    expect(published).toHaveLength(0);
    const s = await core.db.read((m) => m.findOneByOrFail(PlanSlip, { number: 'PS-2026-900001' }));
    expect(s.truckPlates).toEqual([]);
    const a = await core.ok<AuthorizationDto>('transport.receiveAuthorization', letter(), clerk.token);
    expect(Number(a.number.slice(-6))).toBe(before + 1);
  });

  it('refuses bad plates, ID numbers, phones and slip numbers with field errors', async () => {
    const before = await count(TransportAuthorization);
    const cases: [Record<string, unknown>, string, string][] = [
      [{ truckPlate: 'AB12345' }, 'truckPlate', 'fields.plateFormat'],
      [{ driverIdNo: ID17 + (ID_NO.endsWith('0') ? '1' : '0') }, 'driverIdNo', 'fields.idCardChecksum'],
      [{ driverIdNo: '41010519851315' + '1230' }, 'driverIdNo', 'fields.idCardBirthDate'],
      [{ driverPhone: '12345678901' }, 'driverPhone', 'fields.mobileFormat'],
      [{ slipNumbers: [] }, 'slipNumbers', 'fields.slipNumbersRequired'],
      [{ slipNumbers: ['12345'] }, 'slipNumbers.0', 'fields.slipNumberFormat'],
    ];
    for (const [over, path, message] of cases) {
      const r = await core.dispatch('transport.receiveAuthorization', letter(over), clerk.token);
      expect(r.ok, JSON.stringify(over)).toBe(false);
      if (!r.ok) {
        expect(r.error.code).toBe('VALIDATION');
        expect(r.error.fields).toContainEqual(expect.objectContaining({ path, message }));
      }
    }
    expect(await count(TransportAuthorization)).toBe(before);
  });

  it('only the sales side receives and only the weighbridge side acknowledges', async () => {
    const r = await core.dispatch('transport.receiveAuthorization', letter(), weigher.token);
    expect(r.ok).toBe(false);
    const a = await core.ok<AuthorizationDto>('transport.receiveAuthorization', letter(), clerk.token);
    const r2 = await core.dispatch('transport.acknowledgeAuthorization', { id: a.id }, clerk.token);
    expect(r2.ok).toBe(false);
    if (!r2.ok) expect(r2.error.code).toBe('FORBIDDEN');
  });

  it('handoff KPI from events: 9:59 met, 10:01 missed, pending missed once past the limit', async () => {
    await slip('PS-2026-900002');
    const a1 = await core.ok<AuthorizationDto>('transport.receiveAuthorization', letter(), clerk.token);
    const a2 = await core.ok<AuthorizationDto>('transport.receiveAuthorization', letter({ slipNumbers: ['PS-2026-900002'], truckPlate: '豫B54321' }), clerk.token);
    now = T0 + 9 * MIN + 59_000;
    const h1 = await core.ok<AuthorizationDto>('transport.acknowledgeAuthorization', { id: a1.id }, weigher.token);
    expect(h1).toMatchObject({ status: 'handed_over', handedOverAt: now });
    now = T0 + 10 * MIN + 1_000;
    await core.ok('transport.acknowledgeAuthorization', { id: a2.id }, weigher.token);
    const again = await core.dispatch('transport.acknowledgeAuthorization', { id: a2.id }, weigher.token);
    expect(again.ok).toBe(false);
    await slip('PS-2026-900003');
    const a3 = await core.ok<AuthorizationDto>('transport.receiveAuthorization', letter({ slipNumbers: ['PS-2026-900003'] }), clerk.token);

    const limit = core.settings.get('sales.authorizationHandoffMinutes');
    expect(limit).toBe(10);
    const kpi = await core.db.read((m) => authorizationHandoffTimes(m, T0 - MIN, T0 + 60 * MIN, limit, T0 + 30 * MIN));
    expect(kpi.rows.map((r) => [r.label, r.durationMs, r.met])).toEqual([
      [a1.number, 9 * MIN + 59_000, true],
      [a2.number, 10 * MIN + 1_000, false],
      [a3.number, null, false],
    ]);
    expect(kpi).toMatchObject({ count: 3, met: 1, missed: 2, open: 1 });
    const sup = await core.ok<SessionDto>('auth.signIn', { staffNo: 'D007', pin: '1007' });
    now = T0 + 30 * MIN;
    const viaApi = await core.ok<{ handoff: { met: number; missed: number } }>('transport.getKpis', { from: T0 - MIN, to: T0 + 60 * MIN }, sup.token);
    expect(viaApi.handoff).toMatchObject({ met: 1, missed: 2 });
    expect((await core.dispatch('transport.getKpis', { from: T0, to: T0 - 1 }, sup.token)).ok).toBe(false);
    expect((await core.dispatch('transport.getKpis', { from: T0, to: T0 + 1 }, clerk.token)).ok).toBe(false);
    const early = await core.db.read((m) => authorizationHandoffTimes(m, T0 - MIN, T0 + 60 * MIN, limit, T0 + 10 * MIN + 2_000));
    expect(early.rows[2]!.met).toBeNull();
  });

  it('no-authorization case: contact due in 10 minutes, overdue computed, contact stops the timer, KPI from events', async () => {
    const open = {
      truckPlate: '冀C88888',
      driverName: '李师傅',
      driverPhone: '13800001111',
      salespersonName: '赵业务',
      salespersonPhone: '13700002222',
      note: '司机说委托函在路上',
    };
    const c1 = await core.ok<NoAuthorizationCaseDto>('transport.openNoAuthorizationCase', open, clerk.token);
    expect(c1).toMatchObject({ contactDueAt: T0 + 10 * MIN, overdue: false, status: 'open', slipNumber: null });
    now = T0 + 2 * MIN;
    const c2 = await core.ok<NoAuthorizationCaseDto>('transport.openNoAuthorizationCase', { ...open, truckPlate: '冀C99999', slipNumber: 'PS-2026-900001' }, clerk.token);

    now = T0 + 10 * MIN + 30_000;
    const mine = (l: NoAuthorizationCaseDto[]) => l.filter((c) => c.id === c1.id || c.id === c2.id);
    let list = mine(await core.ok<NoAuthorizationCaseDto[]>('transport.listNoAuthorizationCases', {}, clerk.token));
    expect(list.map((c) => [c.id, c.overdue])).toEqual([
      [c1.id, true],
      [c2.id, false],
    ]);
    const future = await core.dispatch('transport.logSalespersonContact', { caseId: c2.id, method: 'phone', outcome: '', contactedAt: now + MIN }, clerk.token);
    expect(future.ok).toBe(false);
    const contacted = await core.ok<NoAuthorizationCaseDto>('transport.logSalespersonContact', { caseId: c2.id, method: 'phone', outcome: '业务员马上发函' }, clerk.token);
    expect(contacted).toMatchObject({ contactedAt: now, contactMethod: 'phone', overdue: false });
    const twice = await core.dispatch('transport.logSalespersonContact', { caseId: c2.id, method: 'phone', outcome: '' }, clerk.token);
    expect(twice.ok).toBe(false);

    now = T0 + 30 * MIN;
    list = mine(await core.ok<NoAuthorizationCaseDto[]>('transport.listNoAuthorizationCases', {}, clerk.token));
    expect(list.find((c) => c.id === c2.id)!.overdue).toBe(false);
    await core.ok('transport.logSalespersonContact', { caseId: c1.id, method: 'in_person', outcome: '', contactedAt: T0 + 12 * MIN }, clerk.token);
    const resolved = await core.ok<NoAuthorizationCaseDto>('transport.resolveNoAuthorizationCase', { caseId: c1.id, resolution: 'driver_left', note: '' }, clerk.token);
    expect(resolved).toMatchObject({ status: 'resolved', overdue: true, resolution: 'driver_left' });
    list = mine(await core.ok<NoAuthorizationCaseDto[]>('transport.listNoAuthorizationCases', {}, clerk.token));
    expect(list.map((c) => c.id)).toEqual([c2.id]);

    const kpi = await core.db.read((m) => salespersonContactTimes(m, T0 - MIN, T0 + 60 * MIN, 10, now));
    expect(kpi.rows.map((r) => [r.label, r.met])).toEqual([
      ['冀C88888', false],
      ['冀C99999', true],
    ]);
  });

  it('bad case input writes nothing', async () => {
    const before = await count(NoAuthorizationCase);
    const eventsBefore = await events('transport.noAuthorizationCaseOpened');
    const r = await core.dispatch(
      'transport.openNoAuthorizationCase',
      { truckPlate: '豫A1', driverName: '', driverPhone: 'x', salespersonName: '赵', salespersonPhone: '1', note: '' },
      clerk.token,
    );
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.fields?.map((f) => f.path).sort()).toEqual(['driverName', 'driverPhone', 'salespersonPhone', 'truckPlate']);
    const missing = await core.dispatch('transport.logSalespersonContact', { caseId: 999, method: 'phone', outcome: '' }, clerk.token);
    expect(missing.ok).toBe(false);
    if (!missing.ok) expect(missing.error.code).toBe('NOT_FOUND');
    expect(await count(NoAuthorizationCase)).toBe(before);
    expect(await events('transport.noAuthorizationCaseOpened')).toBe(eventsBefore);
  });
});

describe('transport demo', () => {
  it('seeds duty, coordinators, a letter waiting at the weighbridge and an open no-authorization case through the services', async () => {
    const now = Date.UTC(2026, 10, 23, 7, 0);
    const core = await testCore({ clock: () => now });
    try {
      await core.db.write((m) => seedDemo(m, now));
      const board = await core.ok<{ duty: unknown[]; coordinators: unknown[] }>('service.getBoardContacts', {});
      expect(board.coordinators).toHaveLength(3);
      expect(board.duty.length).toBeGreaterThanOrEqual(2);
      const clerk = await core.ok<SessionDto>('auth.signIn', { staffNo: 'D001', pin: '1001' });
      const cases = await core.ok<NoAuthorizationCaseDto[]>('transport.listNoAuthorizationCases', {}, clerk.token);
      expect(cases).toHaveLength(1);
      const pending = await core.ok<AuthorizationDto[]>('transport.listAuthorizations', { status: 'pending' }, clerk.token);
      expect(pending).toHaveLength(1);
      expect(pending[0]!.truckPlate).toBe('豫A52871');
      expect(await core.db.read((m) => m.countBy(EventLogEntry, { type: 'service.coordinatorsChanged' }))).toBe(3);
    } finally {
      await core.dispose();
    }
  });
});
