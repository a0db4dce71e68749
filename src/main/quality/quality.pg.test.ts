import { describe, expect, it } from 'vitest';
import type { BatchDto, QualityDailyDto, QualityOverviewDto } from '../../shared/contract/quality';
import { localDate } from '../../shared/workingDays';
import { seedDemo } from '../demo/seedDemo';
import { Customer } from '../sales/customer.entity';
import { usePostgresCore } from '../testing/pgCore';
import { postgresAvailable } from '../testing/postgres';

/** The QC desk's queries (latest check per machine, calibrations owed, day ranges) on PostgreSQL. */
describe.skipIf(!postgresAvailable())('quality desk on PostgreSQL', () => {
  const pg = usePostgresCore('qc');

  it('overview, spot check, certificate and daily records', async () => {
    const now = Date.now();
    expect(await pg.core.db.write((m) => seedDemo(m, now))).toBe(true);
    const qc = await pg.signIn('D006', '1006');
    const ok = async <T>(method: string, input: unknown): Promise<T> => {
      const r = await pg.core.dispatch(method, input, qc);
      if (!r.ok) throw new Error(`${method}: ${JSON.stringify(r.error)}`);
      return r.value as T;
    };
    const overview = await ok<QualityOverviewDto>('quality.getOverview', {});
    const p1 = overview.machines.find((x) => x.machineCode === 'P1')!;
    expect(p1).toMatchObject({ sprayOverdue: false, lastSpotCheckAt: expect.any(Number), calibrationsOwed: [] });
    expect(overview.machines.find((x) => x.machineCode === 'P2')).toMatchObject({ sprayOverdue: true });
    await ok('quality.recordCalibration', { machineId: p1.machineId, note: '' });
    expect((await ok<QualityOverviewDto>('quality.getOverview', {})).machines.find((x) => x.machineCode === 'P1')!.calibrationsOwed).toHaveLength(1);
    await ok('quality.recordSpotCheck', { machineId: p1.machineId, reason: 'calibration', markedKg: 50, bagGrams: Array.from({ length: 20 }, () => 50_000) });
    const [batch] = await ok<BatchDto[]>('quality.listBatches', { query: '-02' });
    const customer = await pg.core.dataSource.manager.findOneByOrFail(Customer, { code: 'C0002' });
    await ok('quality.issueCertificate', { customerId: customer.id, batchId: batch!.id });
    expect((await pg.core.dispatch('quality.issueCertificate', { customerId: customer.id, batchId: batch!.id }, qc)).ok).toBe(false);
    const day = await ok<QualityDailyDto>('quality.dailyRecords', { day: localDate(now, { utcOffsetMinutes: 480 }) });
    expect(day.spotChecks.length).toBeGreaterThanOrEqual(1);
    expect(day.certificates).toHaveLength(1);
    expect((await ok<Array<{ code: string }>>('quality.findCustomers', { query: 'c000' })).length).toBeGreaterThan(0);
  });
});
