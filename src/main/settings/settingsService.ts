import type { EntityManager } from 'typeorm';
import type { SettingDto } from '../../shared/dto';
import { AppError } from '../../shared/errors';
import { SETTINGS, SETTING_KEYS, defaultSettings, isSettingKey, type SettingKey, type SettingsValues } from '../../shared/settings';
import { appendEvent, type Actor } from '../events/appendEvent';
import { zodFields } from '../rpc/dispatch';
import { Staff } from '../staff/staff.entity';
import { SettingRow } from './setting.entity';

/**
 * The typed settings store. Values are cached in memory (read on every call for session timeouts);
 * the cache is refreshed from the database on load and after every change made through this service.
 */
export class SettingsService {
  private values: SettingsValues = defaultSettings();

  async load(m: EntityManager): Promise<void> {
    const values = defaultSettings() as Record<string, unknown>;
    for (const row of await m.find(SettingRow)) {
      if (!isSettingKey(row.key)) continue; // a setting retired by a newer schema: ignore, never crash
      const parsed = SETTINGS[row.key].schema.safeParse(JSON.parse(row.value));
      if (parsed.success) values[row.key] = parsed.data;
    }
    this.values = values as SettingsValues;
  }

  get<K extends SettingKey>(key: K): SettingsValues[K] {
    return this.values[key];
  }

  all(): SettingsValues {
    return { ...this.values };
  }

  async list(m: EntityManager): Promise<SettingDto[]> {
    const rows = new Map((await m.find(SettingRow)).map((r) => [r.key, r]));
    const staffIds = [...new Set([...rows.values()].map((r) => r.updatedBy).filter((x): x is number => x !== null))];
    const staff = staffIds.length ? await m.getRepository(Staff).createQueryBuilder('s').whereInIds(staffIds).getMany() : [];
    const names = new Map(staff.map((s) => [s.id, s.name]));
    return SETTING_KEYS.map((key) => {
      const row = rows.get(key);
      return {
        key,
        value: this.values[key],
        defaultValue: SETTINGS[key].default,
        group: SETTINGS[key].group,
        unit: SETTINGS[key].unit,
        origin: SETTINGS[key].origin,
        updatedAt: row?.updatedAt ?? null,
        updatedBy: row?.updatedBy ? (names.get(row.updatedBy) ?? null) : null,
      };
    });
  }

  /** Validates against the key's schema, stores, and records `settings.changed` with old and new values. */
  async update(m: EntityManager, actor: Actor, key: string, value: unknown): Promise<{ key: SettingKey; value: unknown }> {
    if (!isSettingKey(key)) {
      throw new AppError('VALIDATION', 'errors.unknownSetting', { key }, [{ path: 'key', message: 'errors.unknownSetting' }]);
    }
    const parsed = SETTINGS[key].schema.safeParse(value);
    if (!parsed.success) {
      const fields = zodFields(parsed.error).map((f) => ({ ...f, path: f.path === '(body)' ? 'value' : `value.${f.path}` }));
      throw new AppError('VALIDATION', 'errors.invalidSettingValue', { key }, fields);
    }
    const oldValue = this.values[key];
    await m.save(SettingRow, { key, value: JSON.stringify(parsed.data), updatedAt: actor.at, updatedBy: actor.staffId });
    await appendEvent(m, actor, { type: 'settings.changed', docType: 'setting', docId: key, payload: { key, oldValue, newValue: parsed.data } });
    // The cache changes only once the transaction commits: the caller applies it after commit.
    return { key, value: parsed.data };
  }

  applyCommitted(key: SettingKey, value: unknown): void {
    (this.values as Record<string, unknown>)[key] = value;
  }
}
