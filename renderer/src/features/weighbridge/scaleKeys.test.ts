import { describe, expect, it } from 'vitest';
import { SCALE_REJECT_REASONS } from '../../../../src/shared/scale';
import { SERIAL_LINK_REASONS } from '../../../../src/shared/serialLink';
import { i18next, initI18n, resources } from '../../i18n/index';

initI18n('zh-CN');

/** The scale driver sends message keys (`scale.*`) the display translates: every one must exist in every language. */
function keysSentByTheDriver(): string[] {
  const sources = import.meta.glob(['../../../../src/main/weighing/scale/*.ts', '!**/*.test.ts'], { query: '?raw', import: 'default', eager: true }) as Record<string, string>;
  const found = new Set<string>();
  for (const text of Object.values(sources)) for (const m of text.matchAll(/['"`](scale\.[A-Za-z]+)['"`]/g)) found.add(m[1]);
  return [...found];
}

describe('scale translations', () => {
  const keys = [
    ...keysSentByTheDriver(),
    ...SERIAL_LINK_REASONS.map((r) => `scale.${r}`),
    ...SCALE_REJECT_REASONS.map((r) => `scale.reject.${r}`),
    ...['not_configured', 'connecting', 'connected', 'disconnected', 'error'].map((s) => `scale.status.${s}`),
  ];
  it('finds the driver keys', () => {
    expect(keys).toContain('scale.cableDisconnected');
    expect(keys).toContain('scale.noData');
  });
  for (const lng of Object.keys(resources)) {
    it(`${lng} has every scale message`, () => {
      expect(keys.filter((k) => !i18next.exists(k, { lng, fallbackLng: false }))).toEqual([]);
    });
  }
});
