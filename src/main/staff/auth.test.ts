import { afterEach, describe, expect, it } from 'vitest';
import type { SessionDto } from '../../shared/dto';
import { EventLogEntry } from '../events/eventLog.entity';
import { testCore, type TestCore } from '../testing/testCore';
import { Staff } from './staff.entity';
import { hashPin, verifyPin } from './pinHash';

describe('staff sign-in', () => {
  let core: TestCore;
  let now = Date.UTC(2026, 10, 23, 8, 0);
  afterEach(async () => {
    await core?.dispose();
    core = undefined as unknown as TestCore;
  });
  const fresh = async () => {
    now = Date.UTC(2026, 10, 23, 8, 0);
    core = await testCore({ clock: () => now });
  };

  it('hashes PINs with scrypt and a salt', async () => {
    const a = await hashPin('1234');
    const b = await hashPin('1234');
    expect(a).toMatch(/^scrypt\$16384\$8\$1\$[0-9a-f]{32}\$[0-9a-f]{64}$/);
    expect(a).not.toEqual(b);
    expect(await verifyPin('1234', a)).toBe(true);
    expect(await verifyPin('1235', a)).toBe(false);
  });

  it('first start needs set-up; set-up creates the admin once, then is refused', async () => {
    await fresh();
    expect(await core.ok('system.getInstallation', {})).toMatchObject({ needsSetup: true, station: null });
    const admin = await core.setup();
    expect(admin.staff).toMatchObject({ role: 'admin', name: '管理员' });
    expect(await core.ok('system.getInstallation', {})).toMatchObject({ needsSetup: false, station: 'office', plantName: '测试水泥厂' });
    const again = await core.dispatch('system.setupAdmin', { plantName: 'x', staffNo: 'A002', name: '二', pin: '1234', station: 'gate' });
    expect(again).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(await core.dataSource.manager.count(Staff)).toBe(1);
  });

  it('refuses a wrong PIN with the tries left, and locks after the configured number', async () => {
    await fresh();
    await core.setup();
    const attempt = () => core.dispatch('auth.signIn', { staffNo: 'A001', pin: '9999' });
    expect(await attempt()).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED', message: 'errors.badCredentials', params: { remaining: 4 } } });
    for (let i = 0; i < 3; i++) await attempt();
    expect(await attempt()).toMatchObject({ ok: false, error: { message: 'errors.accountLocked', params: { minutes: 15 } } });
    // Locked: even the right PIN is refused until the lockout ends.
    expect(await core.dispatch('auth.signIn', { staffNo: 'A001', pin: '1234' })).toMatchObject({ ok: false, error: { message: 'errors.accountLocked' } });
    const types = (await core.dataSource.manager.find(EventLogEntry)).map((e) => e.type);
    expect(types.filter((t) => t === 'auth.signInFailed')).toHaveLength(4);
    expect(types).toContain('auth.locked');
    expect(types).toContain('auth.signInWhileLocked');
    now += 16 * 60_000;
    expect(await core.dispatch('auth.signIn', { staffNo: 'A001', pin: '1234' })).toMatchObject({ ok: true });
  });

  it('uses the lockout settings, not constants', async () => {
    await fresh();
    const admin = await core.setup();
    await core.ok('settings.update', { key: 'security.maxFailedPins', value: 2 }, admin.token);
    await core.dispatch('auth.signIn', { staffNo: 'A001', pin: '0000' });
    expect(await core.dispatch('auth.signIn', { staffNo: 'A001', pin: '0000' })).toMatchObject({ ok: false, error: { message: 'errors.accountLocked' } });
  });

  it('an unknown staff number gets the same answer as a wrong PIN', async () => {
    await fresh();
    await core.setup();
    expect(await core.dispatch('auth.signIn', { staffNo: 'ZZ99', pin: '1234' })).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED', message: 'errors.badCredentials' } });
  });

  it('ends a session after the idle timeout, and keeps it alive while used', async () => {
    await fresh();
    const admin = await core.setup();
    now += 29 * 60_000;
    expect(await core.dispatch('auth.getSession', {}, admin.token)).toMatchObject({ ok: true });
    now += 29 * 60_000;
    expect(await core.dispatch('auth.getSession', {}, admin.token)).toMatchObject({ ok: true });
    now += 31 * 60_000;
    expect(await core.dispatch('auth.getSession', {}, admin.token)).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
  });

  it('signs out, and the token stops working', async () => {
    await fresh();
    const admin = await core.setup();
    await core.ok('auth.signOut', {}, admin.token);
    expect(await core.dispatch('auth.getSession', {}, admin.token)).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
  });

  it('opens the role\'s home station unless the installation is one where the role works', async () => {
    await fresh();
    const admin = await core.setup(); // installation station: office
    const clerk = await core.signInAs('gatekeeper');
    expect(clerk.station).toBe('gate');
    await core.ok('system.setStation', { station: 'weighbridge' }, admin.token);
    const op = await core.signInAs('weighbridge_operator');
    expect(op.station).toBe('weighbridge');
    const supervisor = await core.signInAs('supervisor');
    expect(supervisor.station).toBe('weighbridge');
    const switched = await core.ok<SessionDto>('auth.switchStation', { station: 'gate' }, supervisor.token);
    expect(switched.station).toBe('gate');
    expect(await core.dispatch('auth.switchStation', { station: 'gate' }, op.token)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('a reset PIN or a deactivation ends the staff member\'s sessions', async () => {
    await fresh();
    const admin = await core.setup();
    const clerk = await core.signInAs('sales_clerk', 'S100');
    await core.ok('staff.resetPin', { id: clerk.staff.id, pin: '4321' }, admin.token);
    expect(await core.dispatch('auth.getSession', {}, clerk.token)).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    const again = await core.ok<SessionDto>('auth.signIn', { staffNo: 'S100', pin: '4321' });
    const { id, name, role, post, badgeNo, phone } = again.staff;
    await core.ok('staff.update', { id, name, role, post, badgeNo, phone, active: false }, admin.token);
    expect(await core.dispatch('auth.getSession', {}, again.token)).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    expect(await core.dispatch('auth.signIn', { staffNo: 'S100', pin: '4321' })).toMatchObject({ ok: false, error: { message: 'errors.badCredentials' } });
  });

  it('keeps at least one active admin', async () => {
    await fresh();
    const admin = await core.setup();
    const r = await core.dispatch('staff.update', { id: admin.staff.id, name: '管理员', role: 'supervisor', active: true }, admin.token);
    expect(r).toMatchObject({ ok: false, error: { code: 'RULE_VIOLATION', message: 'errors.lastAdmin' } });
  });

  it('changes one\'s own PIN only with the current PIN', async () => {
    await fresh();
    const admin = await core.setup();
    expect(await core.dispatch('auth.changePin', { currentPin: '0000', newPin: '5678' }, admin.token)).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', fields: [{ path: 'currentPin' }] },
    });
    await core.ok('auth.changePin', { currentPin: '1234', newPin: '5678' }, admin.token);
    expect(await core.dispatch('auth.signIn', { staffNo: 'A001', pin: '5678' })).toMatchObject({ ok: true });
  });
});
