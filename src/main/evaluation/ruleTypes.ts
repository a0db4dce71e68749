import type { EntityManager } from 'typeorm';
import type { EvaluationLineDto, EvaluationLineEventDto, EvaluationRule, MeasureUnit } from '../../shared/evaluation';
import type { ServicePost } from '../../shared/posts';
import type { SettingKey, SettingsValues } from '../../shared/settings';

/** What a rule reads: the month's instants and the settings (every key read is recorded with the sheet). */
export interface RuleContext {
  m: EntityManager;
  month: string;
  from: number;
  /** End of the month, or now when the month is still running: never counts the future. */
  to: number;
  now: number;
  setting<K extends SettingKey>(key: K): SettingsValues[K];
  /** Facts several rules share, computed once per sheet. */
  cache: Map<string, Promise<unknown>>;
}

/** One item behind a line (becomes an {@link EvaluationLineEventDto} in the drill-down). */
export type LineItem = EvaluationLineEventDto;

/** A rule's measurement for one post: the measured part of its sheet line, the items behind it. */
export interface RuleMeasure extends Pick<EvaluationLineDto, 'measured' | 'unit' | 'target' | 'targetKind' | 'limit' | 'limitUnit' | 'eventCount'> {
  /** perBreach: the number of breaches; perUnitOver: computed from measured/target by the engine (leave 0); flat: 1 or 0. */
  breaches: number;
  items: LineItem[];
  /** False when the facts behind the rule are not recorded anywhere: the line deducts nothing. */
  measurable: boolean;
}

/** A rule computes its measure for each post it applies to. */
export type RuleFn = (c: RuleContext) => Promise<Partial<Record<ServicePost, RuleMeasure>>>;

export type RuleSet = Record<EvaluationRule, RuleFn>;

/** A not-measurable line: the facts are not recorded (said on the sheet, deducts nothing). */
export function notMeasured(unit: MeasureUnit, target = 0, targetKind: 'max' | 'min' = 'max'): RuleMeasure {
  return { measured: null, unit, target, targetKind, limit: null, limitUnit: null, breaches: 0, eventCount: 0, items: [], measurable: false };
}

/** Integer share in percent, floored (never rounds a breach away upward); null when nothing was counted. */
export function percentOf(part: number, whole: number): number | null {
  return whole > 0 ? Math.floor((part * 100) / whole) : null;
}

/** Integer share in per-mille, floored; null when nothing was counted. */
export function permilleOf(part: number, whole: number): number | null {
  return whole > 0 ? Math.floor((part * 1000) / whole) : null;
}

/** Whole minutes, floored, of a span in ms. */
export function minutesOf(ms: number): number {
  return Math.floor(ms / 60_000);
}
