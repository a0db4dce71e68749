import { beforeAll, describe, expect, it } from 'vitest';
import { i18next, initI18n } from './index';
import { translateError } from './translate';

beforeAll(() => {
  initI18n('zh-CN');
});

describe('translateError', () => {
  const t = () => i18next.t;

  it('uses the core message key with its params', () => {
    expect(translateError(t(), { code: 'UNAUTHENTICATED', message: 'errors.accountLocked', params: { minutes: 15 } })).toContain('15 分钟后再试');
    expect(translateError(t(), { code: 'CONFLICT', message: 'errors.staffNoTaken', params: { staffNo: 'D001' } })).toBe('工号 D001 已被使用。');
  });

  it('shows amounts sent in fen as money', () => {
    expect(translateError(t(), { code: 'RULE_VIOLATION', message: 'errors.insufficientFunds', params: { availableFen: 1_000_00, requiredFen: 1_234_50, shortfallFen: 234_50 } })).toBe(
      '客户资金不足：可用 ¥1,000.00，本单需要 ¥1,234.50，还差 ¥234.50。',
    );
  });

  it('names the remaining tries only when the core sent them', () => {
    expect(translateError(t(), { code: 'UNAUTHENTICATED', message: 'errors.badCredentials', params: { remaining: 3 } })).toBe('工号或密码错误，还可以再试 3 次。');
    expect(translateError(t(), { code: 'UNAUTHENTICATED', message: 'errors.badCredentials' })).toBe('工号或密码错误。');
  });

  it('falls back to the sentence of the code for an unknown key or a plain sentence', () => {
    expect(translateError(t(), { code: 'RULE_VIOLATION', message: 'errors.somethingNew' })).toBe('此操作不符合业务规则。');
    expect(translateError(t(), { code: 'INTERNAL', message: 'disk full' })).toContain('系统内部错误');
  });

  it('speaks English when switched', async () => {
    await i18next.changeLanguage('en');
    expect(translateError(t(), { code: 'UNAUTHENTICATED', message: 'errors.badCredentials', params: { remaining: 2 } })).toBe('Wrong staff number or PIN. Tries left: 2.');
    await i18next.changeLanguage('zh-CN');
  });
});
