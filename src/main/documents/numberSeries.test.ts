import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testCore, type TestCore } from '../testing/testCore';
import { formatDocumentNumber, nextNumber } from './numberSeries';

describe('document number series', () => {
  let core: TestCore;
  beforeEach(async () => {
    core = await testCore();
  });
  afterEach(() => core.dispose());
  const bj = (iso: string) => Date.parse(`${iso}+08:00`);

  it('numbers per series and plant-local year, without gaps or duplicates under concurrent writers', async () => {
    const at = bj('2026-11-23T10:00:00');
    const numbers = await Promise.all(Array.from({ length: 20 }, () => core.db.write((m) => nextNumber(m, 'PS', at, 480))));
    expect(new Set(numbers).size).toBe(20);
    expect(numbers.sort()[19]).toBe('PS-2026-000020');
    expect(await core.db.write((m) => nextNumber(m, 'RC', at, 480))).toBe('RC-2026-000001');
  });

  it('starts again in a new plant-local year (00:30 on 1 January in Beijing is still 2026 in UTC)', async () => {
    await core.db.write((m) => nextNumber(m, 'PS', bj('2026-12-31T23:00:00'), 480));
    expect(await core.db.write((m) => nextNumber(m, 'PS', bj('2027-01-01T00:30:00'), 480))).toBe('PS-2027-000001');
  });

  it('gives the number back when the document\'s transaction rolls back', async () => {
    const at = bj('2026-11-23T10:00:00');
    await core.db.write((m) => nextNumber(m, 'PS', at, 480));
    await core.db
      .write(async (m) => {
        await nextNumber(m, 'PS', at, 480);
        throw new Error('document refused');
      })
      .catch(() => undefined);
    expect(await core.db.write((m) => nextNumber(m, 'PS', at, 480))).toBe('PS-2026-000002');
  });

  it('formats with six digits', () => {
    expect(formatDocumentNumber('PS', 2026, 123)).toBe('PS-2026-000123');
  });
});
