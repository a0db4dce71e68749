import { z } from 'zod';
import type { TFunction } from 'i18next';
import { SETTINGS, isSettingKey } from '../../../src/shared/settings';
import { i18next } from './index';
import { translateKey } from './translate';

/** Local date and time in the current language, e.g. 2026/11/23 14:05:09. */
export function formatDateTime(ms: number, language = i18next.language): string {
  return new Intl.DateTimeFormat(language, {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hour12: false,
  }).format(new Date(ms));
}

/** Local date only, e.g. 2026/11/01. */
export function formatDate(ms: number, language = i18next.language): string {
  return new Intl.DateTimeFormat(language, { year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(ms));
}

/** The time of day for a wall clock, e.g. 14:05:09 (always 24-hour, 00 at midnight). */
export function formatClock(ms: number, language = i18next.language): string {
  return new Intl.DateTimeFormat(language, { hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' }).format(new Date(ms));
}

/** The date in words with the weekday, e.g. 2026年11月23日星期一 / Monday, November 23, 2026. */
export function formatLongDate(ms: number, language = i18next.language): string {
  return new Intl.DateTimeFormat(language, { year: 'numeric', month: 'long', day: 'numeric', weekday: 'long' }).format(new Date(ms));
}

/**
 * Money is stored in whole fen; counters show yuan with two decimals and thousands separators, e.g. 12,345.60.
 * Integer arithmetic only (no fen / 100), so no amount is ever off by a rounding error; negatives keep their sign.
 */
export function fenToYuanText(fen: number): string {
  if (!Number.isFinite(fen)) return '—';
  const whole = Math.round(fen);
  const abs = Math.abs(whole);
  const yuan = String(Math.trunc(abs / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const cents = String(abs % 100).padStart(2, '0');
  return `${whole < 0 ? '-' : ''}${yuan}.${cents}`;
}

/**
 * Points kept in integer tenths (the evaluation sheet) with one decimal: 985 → 98.5, 1000 → 100.0, -20 → -2.0.
 * Integer arithmetic only, like money; not a number → —.
 */
export function formatTenths(tenths: number): string {
  if (!Number.isFinite(tenths)) return '—';
  const whole = Math.round(tenths);
  const abs = Math.abs(whole);
  return `${whole < 0 ? '-' : ''}${Math.trunc(abs / 10)}.${abs % 10}`;
}

/** An amount in fen as the counter shows it: ¥12,345.60, -¥80.00. */
export function formatMoney(fen: number): string {
  const text = fenToYuanText(fen);
  if (text === '—') return text;
  return text.startsWith('-') ? `-¥${text.slice(1)}` : `¥${text}`;
}

/** The unit word after a setting's value (count settings name what they count). */
export function settingUnitText(t: TFunction, key: string, unit: string): string {
  if (unit === 'count') return translateKey(t, `countUnits.${key}`) ?? '';
  return translateKey(t, `units.${unit}`) ?? '';
}

/** A setting's value as a counter clerk reads it: 是/否, 星期一, 9 月, A5 纸, 5 分钟, ¥0.00 … */
export function settingValueText(t: TFunction, key: string, value: unknown): string {
  const unit = isSettingKey(key) ? SETTINGS[key].unit : 'text';
  if (typeof value === 'boolean') return value ? t('common.yes') : t('common.no');
  switch (unit) {
    case 'weekday':
      return translateKey(t, `weekdays.${String(value)}`) ?? String(value);
    case 'month':
      return translateKey(t, `months.${String(value)}`) ?? String(value);
    case 'dayOfMonth':
      return t('dayOfMonthValue', { day: value });
    case 'paper':
      return translateKey(t, `paper.${String(value)}`) ?? String(value);
    case 'fen':
      return `${fenToYuanText(Number(value))} ${t('units.fen')}`;
    case 'table':
      // A table of values (the evaluation deduction table): edited on its own screen, summarised here.
      return t('settings.tableValue', { count: value && typeof value === 'object' ? Object.keys(value).length : 0 });
    case 'text':
      if (value === '') return t('common.none');
      // A fixed choice (zod enum) has a translated name; free text shows as typed.
      return isSettingKey(key) && SETTINGS[key].schema instanceof z.ZodEnum ? (translateKey(t, `settings.choices.${String(value)}`) ?? String(value)) : String(value);
    default: {
      const unitText = settingUnitText(t, key, unit);
      const spacer = unitText && !['%', '‰'].includes(unitText) ? ' ' : '';
      return `${String(value)}${spacer}${unitText}`;
    }
  }
}

/** The translated label of a setting; the raw key if a newer core sends one we do not know. */
export function settingLabel(t: TFunction, key: string): string {
  return translateKey(t, `settings.labels.${key}`) ?? key;
}
