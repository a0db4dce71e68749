import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EventLogEntry } from '../events/eventLog.entity';
import { Staff } from '../staff/staff.entity';
import { testCore, type TestCore } from '../testing/testCore';

describe('dispatch', () => {
  let core: TestCore;
  beforeEach(async () => {
    core = await testCore();
  });
  afterEach(() => core.dispose());

  const counts = async () => ({
    staff: await core.dataSource.manager.count(Staff),
    events: await core.dataSource.manager.count(EventLogEntry),
  });

  it('refuses a signed-in method without a session and writes nothing', async () => {
    await core.setup();
    const before = await counts();
    const r = await core.dispatch('staff.create', { staffNo: 'S1', pin: '1111', name: '张三', role: 'sales_clerk' });
    expect(r).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    expect(await counts()).toEqual(before);
  });

  it('refuses the wrong role with FORBIDDEN and writes nothing', async () => {
    const clerk = await core.signInAs('sales_clerk');
    const before = await counts();
    const r = await core.dispatch('staff.create', { staffNo: 'S2', pin: '1111', name: '李四', role: 'sales_clerk' }, clerk.token);
    expect(r).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await counts()).toEqual(before);
  });

  it('refuses malformed input with VALIDATION and field details, writing nothing', async () => {
    const admin = await core.setup();
    const before = await counts();
    const r = await core.dispatch('staff.create', { staffNo: '!', pin: '12', name: '', role: 'pilot' }, admin.token);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('VALIDATION');
    expect(r.error.fields?.map((f) => f.path).sort()).toEqual(['name', 'pin', 'role', 'staffNo']);
    expect(await counts()).toEqual(before);
  });

  it('sends translatable field keys with their bounds, never zod\'s English', async () => {
    const admin = await core.setup();
    const r = await core.dispatch('system.listEvents', { limit: 0, staffId: 1.5 }, admin.token);
    expect(r).toMatchObject({
      ok: false,
      error: {
        code: 'VALIDATION',
        fields: expect.arrayContaining([
          { path: 'limit', message: 'fields.min', params: { min: 1 } },
          { path: 'staffId', message: 'fields.integer' },
        ]),
      },
    });
  });

  it('rejects unknown fields (strict inputs) and unknown methods', async () => {
    const admin = await core.setup();
    const r = await core.dispatch('staff.list', { includeInactive: true, extra: 1 }, admin.token);
    expect(r).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    const unknown = await core.dispatch('staff.explode', {}, admin.token);
    expect(unknown).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('writes the change and its event in one transaction', async () => {
    const admin = await core.setup();
    const created = await core.ok<{ id: number }>('staff.create', { staffNo: 'S3', pin: '1111', name: '王五', role: 'gatekeeper' }, admin.token);
    const events = await core.dataSource.manager.findBy(EventLogEntry, { type: 'staff.created' });
    expect(events.map((e) => e.docId)).toContain(String(created.id));
    expect(events.find((e) => e.docId === String(created.id))).toMatchObject({ staffId: admin.staff.id, station: 'office' });
  });

  it('rolls back the change when the handler fails after writing', async () => {
    const admin = await core.setup();
    // A duplicate staff number fails inside the transaction: nothing of the second call may remain.
    await core.ok('staff.create', { staffNo: 'S4', pin: '1111', name: '赵六', role: 'gatekeeper' }, admin.token);
    const before = await counts();
    const r = await core.dispatch('staff.create', { staffNo: 'S4', pin: '1111', name: '赵六', role: 'gatekeeper' }, admin.token);
    expect(r).toMatchObject({ ok: false, error: { code: 'CONFLICT', fields: [{ path: 'staffNo' }] } });
    expect(await counts()).toEqual(before);
  });

  it('keeps the event log append-only', async () => {
    await core.setup();
    await expect(core.dataSource.query('UPDATE event_log SET type = ?', ['forged'])).rejects.toThrow(/append-only/);
    await expect(core.dataSource.query('DELETE FROM event_log')).rejects.toThrow(/append-only/);
  });

  it('publishes topics only after commit', async () => {
    const admin = await core.setup();
    const seen: string[] = [];
    core.bus.subscribe(['staff.changed'], (m) => seen.push(m.topic));
    await core.dispatch('staff.create', { staffNo: 'S5', pin: '1111', name: '孙七', role: 'gatekeeper' }, admin.token);
    await core.dispatch('staff.create', { staffNo: 'S5', pin: '1111', name: '孙七', role: 'gatekeeper' }, admin.token);
    expect(seen).toEqual(['staff.changed']);
  });
});
