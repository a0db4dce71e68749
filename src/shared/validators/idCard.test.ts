import { describe, expect, it } from 'vitest';
import { idCardCheckChar, idCardProblem, idCardSchema, isValidIdCard } from './idCard';

/** Computes the check character independently (sum of digit × 2^(17-i) mod 11), then maps (12 - sum) mod 11. */
function referenceCheck(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * (2 ** (17 - i) % 11);
  const c = (12 - (sum % 11)) % 11;
  return c === 10 ? 'X' : String(c);
}

describe('PRC resident ID number', () => {
  it('accepts numbers whose check character follows ISO 7064 MOD 11-2', () => {
    for (const first17 of ['41010519900307123', '11010119800101001', '44030420000229555', '31011519991231001']) {
      const full = first17 + referenceCheck(first17);
      expect(idCardCheckChar(first17)).toBe(referenceCheck(first17));
      expect(isValidIdCard(full), full).toBe(true);
    }
  });

  it('accepts the published sample 11010519491231002X and a lower-case x', () => {
    expect(isValidIdCard('11010519491231002X')).toBe(true);
    expect(isValidIdCard('11010519491231002x')).toBe(true);
    expect(idCardSchema.parse(' 11010519491231002x ')).toBe('11010519491231002X');
  });

  it('refuses a wrong check character', () => {
    expect(idCardProblem('110105194912310021')).toBe('checksum');
    const first17 = '41010519900307123';
    const wrong = String((Number(referenceCheck(first17) === 'X' ? 10 : referenceCheck(first17)) + 1) % 10);
    expect(idCardProblem(first17 + wrong)).toBe('checksum');
  });

  it('refuses an impossible birth date even with a matching check character', () => {
    for (const first17 of ['41010519900230123', '41010519901301123', '41010518000101123', '41010519910229123']) {
      expect(idCardProblem(first17 + referenceCheck(first17)), first17).toBe('birthDate');
    }
  });

  it('refuses bad formats with a field key', () => {
    for (const bad of ['', '4101051990030712', '4101051990030712345', '41010519900307123Y', 'ABCDEFGHIJKLMNOPQR']) {
      expect(idCardProblem(bad), bad).toBe('format');
    }
    const r = idCardSchema.safeParse('123');
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.message).toBe('fields.idCardFormat');
    expect(idCardSchema.safeParse('110105194912310021').error?.issues[0]?.message).toBe('fields.idCardChecksum');
  });
});
