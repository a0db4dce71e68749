import { describe, expect, it } from 'vitest';
import { DEFAULT_DEDUCTION_TABLE, RULE_MODE, TABLE_RULES, deductionTableSchema, tenthsText } from '../../shared/evaluation';
import { SETTINGS } from '../../shared/settings';
import { lineDeduction, unitsOver } from './evaluationService';

describe('the deduction table', () => {
  it('has every rule but the survey rule, each per and cap in tenths', () => {
    expect(Object.keys(DEFAULT_DEDUCTION_TABLE).sort()).toEqual([...TABLE_RULES].sort());
    expect(TABLE_RULES).not.toContain('survey_lowest');
    expect(Object.keys(RULE_MODE)).toContain('survey_lowest');
    // SPEC §3.8 [default]: each 1 % of slips over 5 min −1, each weighing over 10 min −0.5, broken bags over 3 ‰ −2
    expect(DEFAULT_DEDUCTION_TABLE.slip_wait).toEqual({ per: 10, cap: 100, enabled: true });
    expect(DEFAULT_DEDUCTION_TABLE.weighing_wait.per).toBe(5);
    expect(DEFAULT_DEDUCTION_TABLE.broken_bags.per).toBe(20);
  });

  it('as a setting, an older stored table gets the defaults of rules added since and drops rules no longer known', () => {
    const { seal_wait: _gone, ...older } = { ...DEFAULT_DEDUCTION_TABLE, slip_wait: { per: 20, cap: 80, enabled: true } };
    const parsed = SETTINGS['evaluation.deductionTable'].schema.parse({ ...older, retired_rule: { per: 1, cap: 1, enabled: true } });
    expect(parsed).toEqual({ ...DEFAULT_DEDUCTION_TABLE, slip_wait: { per: 20, cap: 80, enabled: true } });
    expect(SETTINGS['evaluation.deductionTable'].schema.safeParse({ ...DEFAULT_DEDUCTION_TABLE, slip_wait: { per: 1.5, cap: 10, enabled: true } }).success).toBe(false);
    // the method's input is strict: every rule and nothing else
    expect(deductionTableSchema.safeParse(older).success).toBe(false);
    expect(deductionTableSchema.safeParse({ ...DEFAULT_DEDUCTION_TABLE, retired_rule: { per: 1, cap: 1, enabled: true } }).success).toBe(false);
  });

  it('counts in integers: breaches × per, capped, nothing when off or not measurable', () => {
    expect(lineDeduction(3, { per: 5, cap: 100, enabled: true }, true)).toEqual({ deduction: 15, capped: false });
    expect(lineDeduction(30, { per: 5, cap: 100, enabled: true }, true)).toEqual({ deduction: 100, capped: true });
    expect(lineDeduction(30, { per: 5, cap: 100, enabled: false }, true)).toEqual({ deduction: 0, capped: false });
    expect(lineDeduction(30, { per: 5, cap: 100, enabled: true }, false)).toEqual({ deduction: 0, capped: false });
    expect(unitsOver({ measured: 8, target: 5, targetKind: 'max' })).toBe(3);
    expect(unitsOver({ measured: 4, target: 5, targetKind: 'max' })).toBe(0);
    expect(unitsOver({ measured: 85, target: 90, targetKind: 'min' })).toBe(5);
    expect(unitsOver({ measured: null, target: 90, targetKind: 'min' })).toBe(0);
    expect([tenthsText(1000), tenthsText(925), tenthsText(5), tenthsText(0)]).toEqual(['100.0', '92.5', '0.5', '0.0']);
  });
});
