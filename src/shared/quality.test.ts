import { describe, expect, it } from 'vitest';
import { gramsToKgText, parseKgToGrams, parseScaled, parseShiftStarts, requiredTotalGrams, shiftAt, shiftsOfDay, spotCheckVerdict, sprayStatus, hundredthsText, tenthsText } from './quality';

const RULE = { markedKg: 50, bagMinPermille: 990, minTotalGrams: 1_000_000, bagCount: 20 };
const bags = (grams: number, n = 20) => Array.from({ length: n }, () => grams);

describe('GB 175 bag-weight verdict (hand-computed)', () => {
  it('50 kg bags: each ≥ 49 500 g and 20 bags ≥ 1 000 000 g', () => {
    expect(requiredTotalGrams(1000, 50, 50)).toBe(1_000_000);
    const v = spotCheckVerdict(bags(50_100), RULE); // 20 × 50.1 kg = 1002 kg
    expect(v).toMatchObject({ passed: true, eachOk: true, totalOk: true, bagMinGrams: 49_500, totalGrams: 1_002_000, lightBags: [] });
  });

  it('a bag of exactly 49.5 kg passes; 49.49 kg fails even when the total is enough', () => {
    const edge = [49_500, ...bags(50_100, 19)]; // 49.5 + 19 × 50.1 = 1001.4 kg
    expect(spotCheckVerdict(edge, RULE)).toMatchObject({ passed: true, totalGrams: 1_001_400, lightestGrams: 49_500 });
    const light = [50_100, 50_100, 49_490, ...bags(50_100, 17)]; // 1001.39 kg but bag 3 is light
    expect(spotCheckVerdict(light, RULE)).toMatchObject({ passed: false, eachOk: false, totalOk: true, lightBags: [2] });
  });

  it('a total of exactly 1000 kg passes; 999.99 kg fails although every bag is above 49.5 kg', () => {
    expect(spotCheckVerdict(bags(50_000), RULE)).toMatchObject({ passed: true, totalGrams: 1_000_000 });
    const short = [49_990, ...bags(50_000, 19)]; // 999.99 kg
    expect(spotCheckVerdict(short, RULE)).toMatchObject({ passed: false, eachOk: true, totalOk: false, totalGrams: 999_990 });
  });

  it('both rules broken, several light bags listed; a short sample never passes', () => {
    const v = spotCheckVerdict([49_000, 49_400, ...bags(49_600, 18)], RULE); // 98.4 + 892.8 = 991.2 kg
    expect(v).toMatchObject({ passed: false, eachOk: false, totalOk: false, lightBags: [0, 1], totalGrams: 991_200 });
    expect(spotCheckVerdict(bags(60_000, 19), RULE).passed).toBe(false);
  });

  it('settings change the rule: 995 ‰ makes 49.75 kg the minimum; 25 kg bags scale the total to 500 kg', () => {
    expect(spotCheckVerdict([49_750, ...bags(50_100, 19)], { ...RULE, bagMinPermille: 995 }).passed).toBe(true);
    expect(spotCheckVerdict([49_749, ...bags(50_100, 19)], { ...RULE, bagMinPermille: 995 }).lightBags).toEqual([0]);
    expect(requiredTotalGrams(1000, 25, 50)).toBe(500_000);
    expect(spotCheckVerdict(bags(25_000), { markedKg: 25, bagMinPermille: 990, minTotalGrams: 500_000, bagCount: 20 }).passed).toBe(true);
  });
});

describe('weights and numbers typed by the clerk', () => {
  it('kg text to grams without floating point', () => {
    expect(parseKgToGrams('49.5')).toBe(49_500);
    expect(parseKgToGrams('49.51')).toBe(49_510);
    expect(parseKgToGrams(' 50 ')).toBe(50_000);
    expect(parseKgToGrams('49,505')).toBe(49_505);
    expect(parseKgToGrams('0.1')).toBe(100);
    expect(parseKgToGrams('49.5055')).toBeNull();
    expect(parseKgToGrams('abc')).toBeNull();
    expect(parseKgToGrams('')).toBeNull();
    expect(gramsToKgText(49_500)).toBe('49.50');
    expect(gramsToKgText(49_505)).toBe('49.505');
    expect(gramsToKgText(1_000_000)).toBe('1000.00');
  });
  it('tenths and hundredths', () => {
    expect(parseScaled('42.5', 1)).toBe(425);
    expect(parseScaled('42', 1)).toBe(420);
    expect(parseScaled('42.55', 1)).toBeNull();
    expect(parseScaled('2.8', 2)).toBe(280);
    expect(tenthsText(425)).toBe('42.5');
    expect(hundredthsText(280)).toBe('2.80');
    expect(hundredthsText(5)).toBe('0.05');
  });
});

describe('shifts', () => {
  const offset = 480; // Beijing
  const starts = parseShiftStarts('08:00,16:00,00:00')!;
  it('parses and sorts start times; refuses bad ones', () => {
    expect(starts).toEqual([0, 480, 960]);
    expect(parseShiftStarts('8:00 20:00')).toEqual([480, 1200]);
    expect(parseShiftStarts('25:00')).toBeNull();
    expect(parseShiftStarts('08:00,08:00')).toBeNull();
    expect(parseShiftStarts('')).toBeNull();
  });
  it('finds the shift of an instant; a night shift from 20:00 belongs to the day it starts', () => {
    const at = Date.UTC(2026, 10, 23, 2, 30); // 10:30 local
    expect(shiftAt(at, starts, offset)).toMatchObject({ day: '2026-11-23', index: 1, label: '08:00' });
    const twoShifts = [480, 1200];
    const night = Date.UTC(2026, 10, 22, 19, 0); // 03:00 local on the 23rd
    expect(shiftAt(night, twoShifts, offset)).toMatchObject({ day: '2026-11-22', index: 1, label: '20:00' });
    const day = shiftsOfDay('2026-11-23', twoShifts, offset);
    expect(day[1]!.endAt - day[1]!.startAt).toBe(12 * 3600_000);
    expect(shiftAt(day[0]!.startAt, twoShifts, offset).index).toBe(0);
  });
});

describe('spray-code due time', () => {
  const H = 3600_000;
  it('due two hours after the last check; overdue one minute later; never checked is overdue', () => {
    expect(sprayStatus(0, 2 * H, 2)).toEqual({ dueAt: 2 * H, overdue: false, overdueMinutes: 0 });
    expect(sprayStatus(0, 2 * H + 60_000, 2)).toEqual({ dueAt: 2 * H, overdue: true, overdueMinutes: 1 });
    expect(sprayStatus(0, 3 * H, 1)).toMatchObject({ overdue: true, overdueMinutes: 120 });
    expect(sprayStatus(null, 5, 2)).toEqual({ dueAt: null, overdue: true, overdueMinutes: 0 });
  });
});
