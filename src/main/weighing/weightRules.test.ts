import { describe, expect, it } from 'vitest';
import { bagOverweight, grossRuleHits, netBelowSlip, recordedTare, tareFluctuation } from './weightRules';

describe('recorded tare (median of the latest tares)', () => {
  it('is null without history, the median of the latest five otherwise', () => {
    expect(recordedTare([])).toBeNull();
    expect(recordedTare([15_000])).toBe(15_000);
    expect(recordedTare([15_000, 30_000, 15_100])).toBe(15_100); // one odd weighing does not move it
    expect(recordedTare([15_000, 15_200])).toBe(15_000); // even count: lower middle
    expect(recordedTare([10, 20, 30, 40, 50, 99_999, 99_999, 99_999])).toBe(30); // only the newest five count
  });
});

describe('tare fluctuation', () => {
  const cfg = { tolerancePercent: 2, toleranceKg: 300 };
  it('misses within the larger of 2 % and 300 kg, hits beyond it', () => {
    // 15 t: 2 % = 300 kg → tolerance 300 kg
    expect(tareFluctuation(15_300, [15_000], cfg)).toBeNull();
    expect(tareFluctuation(14_700, [15_000], cfg)).toBeNull();
    expect(tareFluctuation(15_301, [15_000], cfg)).toMatchObject({ rule: 'tare_fluctuation', params: { recordedTareKg: 15_000, diffKg: 301, toleranceKg: 300 } });
    expect(tareFluctuation(14_699, [15_000], cfg)?.rule).toBe('tare_fluctuation');
    // 25 t: 2 % = 500 kg governs
    expect(tareFluctuation(25_500, [25_000], cfg)).toBeNull();
    expect(tareFluctuation(25_501, [25_000], cfg)?.params.toleranceKg).toBe(500);
    // 8 t: 2 % = 160 kg, the 300 kg floor governs
    expect(tareFluctuation(8_300, [8_000], cfg)).toBeNull();
    expect(tareFluctuation(8_301, [8_000], cfg)).not.toBeNull();
  });
  it('follows the settings', () => {
    expect(tareFluctuation(15_200, [15_000], { tolerancePercent: 1, toleranceKg: 100 })?.params.toleranceKg).toBe(150);
    expect(tareFluctuation(15_150, [15_000], { tolerancePercent: 1, toleranceKg: 100 })).toBeNull();
    expect(tareFluctuation(15_900, [15_000], { tolerancePercent: 0, toleranceKg: 1000 })).toBeNull();
    expect(tareFluctuation(16_001, [15_000], { tolerancePercent: 0, toleranceKg: 1000 })).not.toBeNull();
  });
  it('never hits a first visit', () => {
    expect(tareFluctuation(40_000, [], cfg)).toBeNull();
  });
});

describe('net below the slip quantity', () => {
  it('hits below 90 % of the slip, misses at or above', () => {
    expect(netBelowSlip(27_000, 30_000, { minPercent: 90 })).toBeNull();
    expect(netBelowSlip(26_999, 30_000, { minPercent: 90 })).toMatchObject({ rule: 'net_below_slip', params: { minKg: 27_000 } });
  });
  it('follows the setting', () => {
    expect(netBelowSlip(26_999, 30_000, { minPercent: 80 })).toBeNull();
    expect(netBelowSlip(29_000, 30_000, { minPercent: 100 })).not.toBeNull();
  });
});

describe('bagged overweight', () => {
  it('hits above bags × bag weight + 10 ‰, misses at the limit', () => {
    // 600 bags × 50 kg = 30 000 kg; +1 % = 30 300 kg
    expect(bagOverweight(30_300, 600, 50, { overweightPermille: 10 })).toBeNull();
    expect(bagOverweight(30_301, 600, 50, { overweightPermille: 10 })).toMatchObject({ rule: 'bag_overweight', params: { expectedKg: 30_000, overKg: 301, maxKg: 30_300 } });
  });
  it('follows the settings (tolerance and bag weight)', () => {
    expect(bagOverweight(30_301, 600, 50, { overweightPermille: 20 })).toBeNull();
    expect(bagOverweight(30_001, 600, 50, { overweightPermille: 0 })).not.toBeNull();
    expect(bagOverweight(24_500, 600, 40, { overweightPermille: 10 })).not.toBeNull();
    expect(bagOverweight(24_200, 600, 40, { overweightPermille: 10 })).toBeNull();
  });
});

describe('rules at gross', () => {
  const base = { slipQuantityKg: 30_000, bagWeightKg: 50, netMinPercent: 90, overweightPermille: 10 };
  it('bulk trucks are never overweight by bags; bagged use the counted bags, else the planned ones', () => {
    expect(grossRuleHits({ ...base, netKg: 31_000, packaging: 'bulk', bags: null })).toEqual([]);
    expect(grossRuleHits({ ...base, netKg: 31_000, packaging: 'bagged', bags: null }).map((h) => h.rule)).toEqual(['bag_overweight']);
    expect(grossRuleHits({ ...base, netKg: 31_000, packaging: 'bagged', bags: 620 })).toEqual([]);
    expect(grossRuleHits({ ...base, netKg: 20_000, packaging: 'bagged', bags: 400 }).map((h) => h.rule)).toEqual(['net_below_slip']);
    expect(grossRuleHits({ ...base, netKg: 26_000, packaging: 'bagged', bags: 500 }).map((h) => h.rule)).toEqual(['net_below_slip', 'bag_overweight']);
  });
});
