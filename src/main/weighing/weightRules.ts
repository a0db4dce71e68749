import type { RuleHitDto } from '../../shared/contract/weighing';

/**
 * The weight rules of the weighbridge (SPEC §3.4), pure: integer kilograms, percent and per-mille, no floating point.
 * Each returns the hit (with the numbers it was decided on) or null. The numbers come from the settings.
 */

/** How many of the truck's previous tares make its recorded tare (the median of the latest ones). */
export const TARE_HISTORY_COUNT = 5;

/**
 * The truck's recorded tare: the median of its latest tares (newest first, at most TARE_HISTORY_COUNT), so one odd
 * weighing (a spare wheel left off, mud) does not move the reference. Even count: the lower middle (integer kg).
 * null without history (a truck's first visit is never a fluctuation).
 */
export function recordedTare(previousTares: readonly number[]): number | null {
  const recent = previousTares.slice(0, TARE_HISTORY_COUNT);
  if (!recent.length) return null;
  const sorted = [...recent].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)]!;
}

/**
 * Tare fluctuation: the tare differs from the recorded tare by more than the tolerance, which is the larger of
 * `tareTolerancePercent` % of the recorded tare and `tareToleranceKg` (SPEC "2% or 300 kg": the fixed kilograms
 * are the floor for light trucks, the percentage governs heavy ones). Checked when the empty truck is weighed,
 * while it can still be weighed again.
 */
export function tareFluctuation(tareKg: number, previousTares: readonly number[], cfg: { tolerancePercent: number; toleranceKg: number }): RuleHitDto | null {
  const reference = recordedTare(previousTares);
  if (reference === null) return null;
  const diff = Math.abs(tareKg - reference);
  // diff > max(reference × pct / 100, kg)  ⇔  diff × 100 > max(reference × pct, kg × 100)
  if (diff * 100 <= Math.max(reference * cfg.tolerancePercent, cfg.toleranceKg * 100)) return null;
  const percentToleranceKg = Math.floor((reference * cfg.tolerancePercent) / 100);
  return {
    rule: 'tare_fluctuation',
    params: { tareKg, recordedTareKg: reference, diffKg: diff, toleranceKg: Math.max(percentToleranceKg, cfg.toleranceKg), tolerancePercent: cfg.tolerancePercent, samples: Math.min(previousTares.length, TARE_HISTORY_COUNT) },
  };
}

/** Net below `minPercent` % of the slip quantity (the verified quantity). */
export function netBelowSlip(netKg: number, slipQuantityKg: number, cfg: { minPercent: number }): RuleHitDto | null {
  if (netKg * 100 >= slipQuantityKg * cfg.minPercent) return null;
  return { rule: 'net_below_slip', params: { netKg, slipQuantityKg, minPercent: cfg.minPercent, minKg: Math.ceil((slipQuantityKg * cfg.minPercent) / 100) } };
}

/**
 * Bagged truck overweight: net above bags × bag weight by more than `overweightPermille` ‰ (the bags counted at
 * loading; extra cement in the bags, or uncounted bags). Bulk trucks never.
 */
export function bagOverweight(netKg: number, bags: number, bagWeightKg: number, cfg: { overweightPermille: number }): RuleHitDto | null {
  const expected = bags * bagWeightKg;
  // net > expected × (1000 + ‰) / 1000  ⇔  net × 1000 > expected × (1000 + ‰)
  if (netKg * 1000 <= expected * (1000 + cfg.overweightPermille)) return null;
  return {
    rule: 'bag_overweight',
    params: { netKg, bags, bagWeightKg, expectedKg: expected, overKg: netKg - expected, maxKg: Math.floor((expected * (1000 + cfg.overweightPermille)) / 1000), overweightPermille: cfg.overweightPermille },
  };
}

export interface GrossRuleInput {
  netKg: number;
  slipQuantityKg: number;
  packaging: 'bagged' | 'bulk';
  /** Bags counted at loading (bagged); null falls back to the planned bags. */
  bags: number | null;
  bagWeightKg: number;
  netMinPercent: number;
  overweightPermille: number;
}

/** Every rule checked at gross weighing; empty when the weighing may go on. */
export function grossRuleHits(i: GrossRuleInput): RuleHitDto[] {
  const hits: RuleHitDto[] = [];
  const below = netBelowSlip(i.netKg, i.slipQuantityKg, { minPercent: i.netMinPercent });
  if (below) hits.push(below);
  if (i.packaging === 'bagged' && i.bagWeightKg > 0) {
    const bags = i.bags ?? Math.floor(i.slipQuantityKg / i.bagWeightKg);
    const over = bagOverweight(i.netKg, bags, i.bagWeightKg, { overweightPermille: i.overweightPermille });
    if (over) hits.push(over);
  }
  return hits;
}
