import { beforeAll, describe, expect, it } from 'vitest';
import type { TFunction } from 'i18next';
import type { EvaluationLineDto } from '../../../../src/shared/evaluation';
import { i18next, initI18n } from '../../i18n';
import { deductionText, perText, postName, ruleName, targetText, valueText } from './lineText';

let t: TFunction;
beforeAll(() => {
  initI18n('zh-CN');
  t = i18next.t.bind(i18next) as TFunction;
});

const line = (over: Partial<EvaluationLineDto>): EvaluationLineDto => ({
  rule: 'slip_wait',
  post: 'sales_window',
  mode: 'perUnitOver',
  measured: 12,
  unit: 'percent',
  target: 5,
  targetKind: 'max',
  limit: 5,
  limitUnit: 'minutes',
  breaches: 7,
  eventCount: 40,
  per: 10,
  cap: 100,
  enabled: true,
  deduction: 70,
  capped: false,
  ...over,
});

describe('evaluation sheet texts', () => {
  it('shows measured values with their units, survey scores with two decimals', () => {
    expect(valueText(t, 12, 'percent')).toBe('12%');
    expect(valueText(t, 4, 'permille')).toBe('4‰');
    expect(valueText(t, 14, 'minutes')).toBe('14 分钟');
    expect(valueText(t, 3, 'count')).toBe('3 次');
    expect(valueText(t, 390, 'hundredths')).toBe('3.90 分');
    expect(valueText(t, null, 'percent')).toBe('—');
  });

  it('says the target with its per-item limit, and the deduction rule by mode', () => {
    expect(targetText(t, line({}))).toBe('≤ 5%（时限 5 分钟）');
    expect(targetText(t, line({ targetKind: 'min', target: 90, limit: 2, limitUnit: 'hours' }))).toBe('≥ 90%（时限 2 小时）');
    expect(targetText(t, line({ rule: 'survey_lowest', unit: 'hundredths', target: 320, targetKind: 'min', limit: null, limitUnit: null }))).toBe('全厂最低 3.20 分');
    expect(targetText(t, line({ rule: 'statement_deadline', unit: 'count', target: 0, limit: 5, limitUnit: null }))).toBe('≤ 0 次（时限 每月 5 日）');
    expect(perText(t, line({}))).toBe('每超 1% 扣 1.0');
    expect(perText(t, line({ targetKind: 'min' }))).toBe('每低 1% 扣 1.0');
    expect(perText(t, line({ mode: 'perBreach', per: 5 }))).toBe('每次扣 0.5');
    expect(perText(t, line({ mode: 'flat', per: 20 }))).toBe('扣 2.0');
  });

  it('names rules and posts, and signs deductions', () => {
    expect(ruleName(t, 'broken_bags')).toBe('破袋率');
    expect(ruleName(t, 'not_a_rule')).toBe('not_a_rule');
    expect(postName(t, 'weighbridge')).toBe('地磅');
    expect(deductionText(15)).toBe('−1.5');
    expect(deductionText(0)).toBe('0.0');
  });
});
