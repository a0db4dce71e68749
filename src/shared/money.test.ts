import { describe, expect, it } from 'vitest';
import { MAX_AMOUNT_FEN, parseYuanToFen, toChineseCapitalAmount } from './money';

describe('toChineseCapitalAmount', () => {
  it.each([
    [5, '伍分'],
    [1000, '壹拾元整'],
    [100_000_07, '壹拾万元零柒分'],
    [1_234_567_89, '壹佰贰拾叁万肆仟伍佰陆拾柒元捌角玖分'],
    [12_345_67, '壹万贰仟叁佰肆拾伍元陆角柒分'],
    [0, '零元整'],
    [50, '伍角'],
    [100, '壹元整'],
    [1_010_00, '壹仟零壹拾元整'],
    [100_100_00, '壹拾万零壹佰元整'],
    [1_000_100_000_00, '壹拾亿零壹拾万元整'],
    [1_000_000_01_00, '壹亿零壹元整'],
    [1_001_000_00, '壹佰万零壹仟元整'],
    [10_000_000_00, '壹仟万元整'],
    [10_001_000_00, '壹仟万零壹仟元整'],
    [1_234_000_00, '壹佰贰拾叁万肆仟元整'],
    [1_680_32, '壹仟陆佰捌拾元叁角贰分'],
    [-2_00, '负贰元整'],
  ])('%i fen → %s', (fen, text) => {
    expect(toChineseCapitalAmount(fen)).toBe(text);
  });

  it('refuses fractional fen', () => {
    expect(() => toChineseCapitalAmount(1.5)).toThrow();
  });
});

describe('parseYuanToFen', () => {
  it.each([
    ['12345.67', 1_234_567],
    ['12,345.6', 1_234_560],
    ['¥800', 80_000],
    ['0.05', 5],
    ['.5', 50],
    ['10.', 1000],
    [' 007.10 ', 710],
    ['100000000', MAX_AMOUNT_FEN],
    ['0.29', 29],
    ['1.13', 113],
  ])('%s → %i fen', (text, fen) => {
    expect(parseYuanToFen(text)).toEqual({ ok: true, fen });
  });

  it.each([
    ['', 'fields.required'],
    ['-5', 'fields.amountNegative'],
    ['0.001', 'fields.amountDecimals'],
    ['1.234', 'fields.amountDecimals'],
    ['0', 'fields.amountPositive'],
    ['0.00', 'fields.amountPositive'],
    ['100000000.01', 'fields.amountTooLarge'],
    ['99999999999999999999', 'fields.amountTooLarge'],
    ['1e5', 'fields.amountFormat'],
    ['abc', 'fields.amountFormat'],
    ['1.2.3', 'fields.amountFormat'],
  ])('%s is refused with %s', (text, message) => {
    expect(parseYuanToFen(text)).toMatchObject({ ok: false, message });
  });
});
