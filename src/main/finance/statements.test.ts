import { afterEach, describe, expect, it } from 'vitest';
import type { StatementDto, StatementListDto } from '../../shared/contract/statements';
import type { SessionDto } from '../../shared/dto';
import { seedDemo } from '../demo/seedDemo';
import { appendEvent } from '../events/appendEvent';
import { EventLogEntry } from '../events/eventLog.entity';
import { testCore, type TestCore } from '../testing/testCore';
import { balanceOf, postLedger } from './ledger';
import { Statement } from './statement.entity';

const local = (s: string) => Date.parse(`${s}+08:00`);

let core: TestCore | undefined;
afterEach(async () => {
  await core?.dispose();
  core = undefined;
});

/** Demo plant seeded in February (opening lines then); March movements for customers 1 and 2 only. */
async function plant() {
  let now = local('2026-02-10T09:00:00');
  const c = (core = await testCore({ clock: () => now }));
  await c.db.write((m) => seedDemo(m, now));
  const post = (customerId: number, at: string, kind: 'payment' | 'shipment', amountFen: number, docId: string) =>
    c.db.write((m) => postLedger(m, { staffId: null, station: 'finance', at: local(at) }, { customerId, kind, amountFen, docType: kind, docId }));
  await post(1, '2026-03-01T00:00:00', 'payment', 5_000_000, 'RC-1');
  await post(1, '2026-03-20T10:00:00', 'shipment', -1_234_500, 'SH-1');
  await post(2, '2026-03-31T23:59:59', 'shipment', -100, 'SH-2');
  const endOfMarch = await c.db.read(async (m) => [await balanceOf(m, 1), await balanceOf(m, 2)]);
  await post(1, '2026-04-02T10:00:00', 'payment', 700, 'RC-3'); // April: not on March's statement
  const t = {
    c,
    endOfMarch,
    finance: '',
    supervisor: '',
    at: async (s: string) => {
      now = local(s);
      t.finance = (await c.ok<SessionDto>('auth.signIn', { staffNo: 'D002', pin: '1002' })).token;
      t.supervisor = (await c.ok<SessionDto>('auth.signIn', { staffNo: 'D007', pin: '1007' })).token;
    },
  };
  return t;
}

describe('statements', () => {
  it('remind from the 1st, are generated on the 5th from the ledger for due customers only, overdue after the 5th', async () => {
    const t = await plant();
    await t.at('2026-03-31T12:00:00');
    let list = await t.c.ok<StatementListDto>('statements.list', {}, t.supervisor);
    // February: the demo's three morning shipments (customers 1–3) make them due; nobody else shipped.
    expect(list.reminder.month).toBe('2026-02');
    expect(list.reminder.missing.map((x) => x.customerId)).toEqual([1, 2, 3]);

    await t.at('2026-04-01T00:30:00');
    list = await t.c.ok<StatementListDto>('statements.list', {}, t.finance);
    expect(list.reminder).toMatchObject({ month: '2026-03', dueAt: local('2026-04-05T23:59:59.999'), overdue: false });
    expect(list.reminder.missing.map((x) => x.customerId)).toEqual([1, 2]);

    await t.at('2026-04-06T00:00:00');
    list = await t.c.ok<StatementListDto>('statements.list', {}, t.finance);
    expect(list.reminder.overdue).toBe(true);

    await t.at('2026-04-05T16:00:00');
    const out = await t.c.ok<{ created: StatementDto[]; alreadyIssued: number }>('statements.generate', { month: '2026-03' }, t.finance);
    expect(out.created.map((s) => s.customerId)).toEqual([1, 2]);
    const [s1, s2] = out.created;
    expect(s1.number).toMatch(/^ST-2026-\d{6}$/);
    expect(s1).toMatchObject({ status: 'issued', version: 1, overdue: false, closingFen: t.endOfMarch[0] });
    expect(s2.closingFen).toBe(t.endOfMarch[1]);
    const full = await t.c.ok<StatementDto>('statements.get', { id: s1.id }, t.supervisor);
    expect(full.lines.map((l) => [l.date, l.kind, l.docId, l.amountFen])).toEqual([
      ['2026-03-01', 'payment', 'RC-1', 5_000_000],
      ['2026-03-20', 'shipment', 'SH-1', -1_234_500],
    ]);
    expect(full.openingFen + 5_000_000 - 1_234_500).toBe(full.closingFen);
    expect(full.openingFen).toBe(t.endOfMarch[0] - 5_000_000 + 1_234_500);
    const ev = await t.c.db.read((m) => m.findOneByOrFail(EventLogEntry, { type: 'statements.issued', docId: s1.number }));
    expect(ev.payload).toMatchObject({ onTime: true, closingFen: full.closingFen, month: '2026-03' });

    // Generating again creates nothing; the reminder is empty.
    const again = await t.c.ok<{ created: StatementDto[]; alreadyIssued: number }>('statements.generate', { month: '2026-03' }, t.finance);
    expect(again).toMatchObject({ created: [], alreadyIssued: 2 });
    list = await t.c.ok<StatementListDto>('statements.list', { month: '2026-03' }, t.finance);
    expect(list.reminder.missing).toEqual([]);
    expect(list.statements).toHaveLength(2);
  });

  it('shipment lines carry the quantity and unit price their events give', async () => {
    const t = await plant();
    await t.c.db.write(async (m) => {
      const actor = { staffId: null, station: 'weighbridge', at: local('2026-03-25T10:00:00') };
      await postLedger(m, actor, { customerId: 3, kind: 'shipment', amountFen: -1_245_000, docType: 'weighing', docId: 'WT-9' });
      await appendEvent(m, actor, { type: 'weighing.completed', docType: 'weighing', docId: 'WT-9', payload: { netKg: 30_000, priceFenPerTonne: 41_500 } });
    });
    await t.at('2026-04-02T10:00:00');
    const { created } = await t.c.ok<{ created: StatementDto[] }>('statements.generate', { month: '2026-03' }, t.finance);
    const s3 = await t.c.ok<StatementDto>('statements.get', { id: created.find((s) => s.customerId === 3)!.id }, t.finance);
    expect(s3.lines).toEqual([expect.objectContaining({ kind: 'shipment', docId: 'WT-9', amountFen: -1_245_000, quantityKg: 30_000, unitPriceFenPerTonne: 41_500 })]);
    const s1 = await t.c.ok<StatementDto>('statements.get', { id: created.find((s) => s.customerId === 1)!.id }, t.finance);
    expect(s1.lines.find((l) => l.kind === 'shipment')).toMatchObject({ quantityKg: null, unitPriceFenPerTonne: null });
  });

  it('a late statement is overdue', async () => {
    const t = await plant();
    await t.at('2026-04-06T09:00:00');
    const out = await t.c.ok<{ created: StatementDto[] }>('statements.generate', { month: '2026-03' }, t.finance);
    expect(out.created[0].overdue).toBe(true);
  });

  it('a dispute makes the re-issue due within 2 working days; the re-issue is a new version, the old kept', async () => {
    const t = await plant();
    await t.at('2026-04-03T10:00:00');
    const { created } = await t.c.ok<{ created: StatementDto[] }>('statements.generate', { month: '2026-03' }, t.finance);
    const s1 = created[0];
    await t.at('2026-04-10T17:00:00'); // Friday
    const received = local('2026-04-10T15:00:00');
    const d = await t.c.ok<StatementDto>('statements.recordDispute', { id: s1.id, receivedAt: received, note: '3月20日运费有误' }, t.finance);
    expect(d).toMatchObject({ status: 'disputed', disputeReceivedAt: received, redoDueAt: local('2026-04-14T23:59:59.999') });
    // Second dispute on the same version, a receipt before issue or in the future: refused.
    expect((await t.c.dispatch('statements.recordDispute', { id: s1.id, receivedAt: received, note: 'x' }, t.finance)).ok).toBe(false);

    await t.at('2026-04-15T00:00:01');
    let list = await t.c.ok<StatementListDto>('statements.list', { month: '2026-03' }, t.finance);
    expect(list.statements.find((s) => s.id === s1.id)?.overdue).toBe(true);

    const r = await t.c.ok<StatementDto>('statements.reissue', { id: s1.id, note: '更正' }, t.finance);
    expect(r).toMatchObject({ version: 2, supersedesId: s1.id, status: 'issued', customerId: s1.customerId, month: '2026-03', closingFen: s1.closingFen });
    expect(r.number).not.toBe(s1.number);
    list = await t.c.ok<StatementListDto>('statements.list', { month: '2026-03' }, t.finance);
    const old = list.statements.find((s) => s.id === s1.id)!;
    expect(old).toMatchObject({ status: 'reissued', supersededById: r.id, overdue: false, closingFen: s1.closingFen });
    const ev = await t.c.db.read((m) => m.findOneByOrFail(EventLogEntry, { type: 'statements.reissued' }));
    expect(ev.payload).toMatchObject({ supersedes: s1.number, redoOnTime: false, version: 2 });
    expect((await t.c.dispatch('statements.reissue', { id: s1.id, note: '' }, t.finance)).ok).toBe(false);
    expect(await t.c.db.read((m) => m.countBy(EventLogEntry, { type: 'statements.disputed' }))).toBe(1);
  });

  it('refuses bad input and the wrong role, writing nothing', async () => {
    const t = await plant();
    await t.at('2026-04-03T10:00:00');
    const events = await t.c.db.read((m) => m.count(EventLogEntry));
    const statements = await t.c.db.read((m) => m.count(Statement));
    for (const month of ['2026-13', '2026-3', 'March', '2026-05']) {
      const r = await t.c.dispatch('statements.generate', { month }, t.finance);
      expect(r.ok, month).toBe(false);
    }
    expect((await t.c.dispatch('statements.generate', { month: '2026-03' }, t.supervisor)).ok).toBe(false);
    expect((await t.c.dispatch('statements.recordDispute', { id: 99, receivedAt: local('2026-04-02T10:00:00'), note: 'x' }, t.finance)).ok).toBe(false);
    expect((await t.c.dispatch('statements.reissue', { id: 99, note: '' }, t.finance)).ok).toBe(false);
    expect((await t.c.dispatch('statements.get', { id: 99 }, t.finance)).ok).toBe(false);
    expect(await t.c.db.read((m) => m.count(Statement))).toBe(statements);
    expect(await t.c.db.read((m) => m.count(EventLogEntry))).toBe(events);

    const { created } = await t.c.ok<{ created: StatementDto[] }>('statements.generate', { month: '2026-03' }, t.finance);
    const before = await t.c.db.read((m) => m.count(EventLogEntry));
    for (const receivedAt of [local('2026-04-01T10:00:00'), local('2026-04-04T10:00:00')]) {
      expect((await t.c.dispatch('statements.recordDispute', { id: created[0].id, receivedAt, note: 'x' }, t.finance)).ok).toBe(false);
    }
    expect((await t.c.dispatch('statements.recordDispute', { id: created[0].id, receivedAt: local('2026-04-03T10:00:00'), note: '' }, t.finance)).ok).toBe(false);
    expect(await t.c.db.read((m) => m.count(EventLogEntry))).toBe(before);
  });
});
