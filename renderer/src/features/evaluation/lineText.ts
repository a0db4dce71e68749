import type { TFunction } from 'i18next';
import type { EvaluationLineDto, EvaluationLineEventDto, EvaluationRule, MeasureUnit } from '../../../../src/shared/evaluation';
import type { ServicePost } from '../../../../src/shared/posts';
import { formatTenths } from '../../i18n/format';
import { translateKey } from '../../i18n/translate';
import { scoreText } from '../surveys/surveyText';

type AnyUnit = MeasureUnit | EvaluationLineEventDto['unit'] | EvaluationLineDto['limitUnit'];

/** A value with its unit: 12%, 3‰, 14 分钟, 3.90 分, 2 次. Hundredths (survey scores) show with two decimals. */
export function valueText(t: TFunction, value: number | null, unit: AnyUnit): string {
  if (value === null) return '—';
  if (unit === 'hundredths') return `${scoreText(value)} ${t('evaluation.units.hundredths')}`;
  if (!unit) return String(value);
  const u = translateKey(t, `evaluation.units.${unit}`) ?? '';
  return unit === 'percent' || unit === 'permille' || unit === 'kg' ? `${value}${u}` : `${value} ${u}`;
}

export function ruleName(t: TFunction, rule: EvaluationRule | string): string {
  return translateKey(t, `evaluation.rules.${rule}`) ?? rule;
}

export function postName(t: TFunction, post: ServicePost | string): string {
  return translateKey(t, `posts.${post}`) ?? post;
}

/** The target as the sheet shows it: ≤ 5%, ≥ 90%, with the per-item limit (时限 10 分钟) when there is one. */
export function targetText(t: TFunction, line: EvaluationLineDto): string {
  const value = valueText(t, line.target, line.unit);
  if (line.rule === 'survey_lowest') return t('evaluation.surveyLowestTarget', { value });
  const main = line.targetKind === 'min' ? t('evaluation.targetMin', { value }) : t('evaluation.targetMax', { value });
  if (line.limit === null) return main;
  // The statement rule's limit is the due day of the month (setting `finance.statementDueDay`).
  const limit = line.rule === 'statement_deadline' && line.limitUnit === null ? t('dayOfMonthValue', { day: line.limit }) : valueText(t, line.limit, line.limitUnit);
  return `${main}（${t('evaluation.limit', { value: limit })}）`;
}

/** The deduction rule: 每次扣 0.5 / 每超 1% 扣 1.0 / 扣 2.0. */
export function perText(t: TFunction, line: Pick<EvaluationLineDto, 'mode' | 'per' | 'unit' | 'targetKind'>): string {
  const points = formatTenths(line.per);
  if (line.mode === 'flat') return t('evaluation.flat', { points });
  if (line.mode === 'perBreach') return t('evaluation.perBreach', { points });
  const unit = translateKey(t, `evaluation.unitOne.${line.unit}`) ?? line.unit;
  return line.targetKind === 'min' ? t('evaluation.perUnitUnder', { unit, points }) : t('evaluation.perUnitOver', { unit, points });
}

/** Deducted points as shown on the sheet: −1.5 (0 shows as 0.0). */
export function deductionText(tenths: number): string {
  return tenths > 0 ? `−${formatTenths(tenths)}` : formatTenths(0);
}
