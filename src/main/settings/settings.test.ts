import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SettingDto } from '../../shared/dto';
import { SETTINGS, SETTING_KEYS } from '../../shared/settings';
import { EventLogEntry } from '../events/eventLog.entity';
import { testCore, type TestCore } from '../testing/testCore';
import { SettingRow } from './setting.entity';

describe('settings', () => {
  let core: TestCore;
  beforeEach(async () => {
    core = await testCore();
  });
  afterEach(() => core.dispose());

  it('lists every setting with its default, unit and origin', async () => {
    const admin = await core.setup();
    const list = await core.ok<SettingDto[]>('settings.list', {}, admin.token);
    expect(list.map((s) => s.key)).toEqual(SETTING_KEYS);
    expect(list.find((s) => s.key === 'sales.slipWaitMinutes')).toMatchObject({ value: 5, defaultValue: 5, unit: 'minutes', origin: 'seed', updatedAt: null });
    expect(list.find((s) => s.key === 'dispatch.bagWeightKg')).toMatchObject({ value: 50, origin: 'default' });
  });

  it('every default satisfies its own schema', () => {
    for (const key of SETTING_KEYS) expect(SETTINGS[key].schema.safeParse(SETTINGS[key].default).success, key).toBe(true);
  });

  it('changes a setting, records the change as an event with old and new value, and survives a restart', async () => {
    const supervisor = await core.signInAs('supervisor');
    const changed = await core.ok<SettingDto>('settings.update', { key: 'gate.queueAlertThreshold', value: 12 }, supervisor.token);
    expect(changed).toMatchObject({ value: 12, defaultValue: 10, updatedBy: supervisor.staff.name });
    expect(core.settings.get('gate.queueAlertThreshold')).toBe(12);
    const event = await core.dataSource.manager.findOneByOrFail(EventLogEntry, { type: 'settings.changed' });
    expect(event).toMatchObject({ staffId: supervisor.staff.id, payload: { key: 'gate.queueAlertThreshold', oldValue: 10, newValue: 12 } });
    await core.db.read((m) => core.settings.load(m));
    expect(core.settings.get('gate.queueAlertThreshold')).toBe(12);
  });

  it('refuses a value outside the schema or an unknown key, writing nothing', async () => {
    const admin = await core.setup();
    for (const bad of [
      { key: 'gate.queueAlertThreshold', value: -1 },
      { key: 'gate.queueAlertThreshold', value: 2.5 },
      { key: 'gate.queueAlertThreshold', value: '12' },
      { key: 'printing.badgePaper', value: 'Letter' },
      { key: 'no.such', value: 1 },
    ]) {
      const r = await core.dispatch('settings.update', bad, admin.token);
      expect(r, JSON.stringify(bad)).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    }
    expect(await core.dataSource.manager.count(SettingRow)).toBe(0);
    expect(core.settings.get('gate.queueAlertThreshold')).toBe(10);
  });

  it('only admins and supervisors change settings', async () => {
    const clerk = await core.signInAs('sales_clerk');
    expect(await core.dispatch('settings.update', { key: 'sales.slipWaitMinutes', value: 9 }, clerk.token)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await core.dispatch('settings.list', {}, clerk.token)).toMatchObject({ ok: true });
  });
});
