import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../../../src/shared/errors';
import { ROLES, STATIONS } from '../../../src/shared/roles';
import { SETTINGS, SETTING_GROUPS, SETTING_KEYS } from '../../../src/shared/settings';
import { KNOWN_EVENT_TYPES } from '../features/events/eventTypes';
import { STATION_PROMISES } from '../features/home/servicePromises';
import { i18next, initI18n, resources } from './index';

initI18n('zh-CN');

function keysOf(tree: object, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([k, v]) => (typeof v === 'string' ? [`${prefix}${k}`] : keysOf(v as object, `${prefix}${k}.`)));
}

/** Every message key the core, the hosts and the preload can send: read from their sources at test time. */
function keysSentByTheCore(): string[] {
  const sources = import.meta.glob(['../../../src/main/**/*.ts', '../../../src/shared/**/*.ts', '../../../electron/**/*.ts', '../../../src/preload/**/*.ts', '!**/*.test.ts'], {
    query: '?raw',
    import: 'default',
    eager: true,
  }) as Record<string, string>;
  const found = new Set<string>();
  for (const text of Object.values(sources)) for (const m of text.matchAll(/['"`]((?:errors|fields)\.[A-Za-z]+)['"`]/g)) found.add(m[1]);
  return [...found];
}

const languages = Object.keys(resources) as (keyof typeof resources)[];
const has = (lng: string, key: string) => i18next.exists(key, { lng, fallbackLng: false });

describe('translations', () => {
  it('zh-CN and en have exactly the same keys', () => {
    const zh = keysOf(resources['zh-CN'].translation).sort();
    expect(keysOf(resources.en.translation).sort()).toEqual(zh);
  });

  it.each(languages)('%s translates every error and field key the core sends', (lng) => {
    const keys = keysSentByTheCore();
    expect(keys.length).toBeGreaterThan(15);
    expect(keys.filter((k) => !has(lng, k))).toEqual([]);
  });

  it.each(languages)('%s has a generic sentence for every error code', (lng) => {
    expect(ERROR_CODES.filter((c) => !has(lng, `errorCodes.${c}`))).toEqual([]);
  });

  it.each(languages)('%s names every role, station, setting group, setting and unit', (lng) => {
    const missing = [
      ...ROLES.flatMap((r) => [`roles.${r}`, `roleDuties.${r}`]),
      ...STATIONS.map((s) => `stations.${s}`),
      ...SETTING_GROUPS.map((g) => `settings.groups.${g}`),
      ...SETTING_KEYS.map((k) => `settings.labels.${k}`),
      ...SETTING_KEYS.filter((k) => SETTINGS[k].unit === 'count').map((k) => `countUnits.${k}`),
      ...SETTING_KEYS.map((k) => `units.${SETTINGS[k].unit}`),
    ].filter((k) => !has(lng, k));
    expect(missing).toEqual([]);
  });

  it.each(languages)('%s names every known event type and every service promise', (lng) => {
    const promiseKeys = Object.entries(STATION_PROMISES).flatMap(([station, defs]) =>
      defs.flatMap((d) => (typeof d.text === 'string' ? [d.text] : [d.text(new Map([['quality.allowCertificateReissue', true]])), d.text(new Map())])).map((id) => `promises.${station}.${id}`),
    );
    const missing = [...KNOWN_EVENT_TYPES.map((e) => `events.types.${e}`), ...promiseKeys].filter((k) => !has(lng, k));
    expect(missing).toEqual([]);
  });
});
