import type { EntityManager } from 'typeorm';
import { parseShiftStarts } from '../../shared/quality';
import { defaultSettings } from '../../shared/settings';
import { addDays, localDate } from '../../shared/workingDays';
import type { Actor } from '../events/appendEvent';
import { Product } from '../sales/product.entity';
import { Staff } from '../staff/staff.entity';
import { createBatch } from './batches';
import { recordCalibration, recordSpotCheck, recordSprayCheck } from './floorChecks';
import { packingMachines } from './machines';

/**
 * The QC desk of the demo plant, through the services (real events): two P.O 42.5 batches (an older one with its
 * 28-day results, a recent one with 3-day results only), a calibration of the first packing machine followed by a
 * passing 20-bag spot check, and spray-code checks on the first two (the second's is old, so it shows as overdue).
 * Packing machines are the dispatch area's (its demo seeds them first).
 */
export async function seedQualityDemo(m: EntityManager, actor: Actor, now: number): Promise<void> {
  const s = defaultSettings();
  const clerk = await m.getRepository(Staff).findOneBy({ role: 'quality_clerk' });
  const qc: Actor = { staffId: clerk?.id ?? actor.staffId, station: 'qc', at: now };
  const offset = s['calendar.utcOffsetMinutes'];
  const today = localDate(now, { utcOffsetMinutes: offset });
  const bagged = await m.getRepository(Product).findOneBy({ code: 'PO425-D' });
  if (!bagged) return;
  const stamp = (day: string) => day.slice(2).replace(/-/g, '');
  const old = addDays(today, -30);
  await createBatch(m, { ...qc, at: now - 2 * 3600_000 }, {
    batchNumber: `P1-${stamp(old)}-01`,
    productId: bagged.id,
    productionDate: old,
    results: {
      compressive3dTenths: 286,
      flexural3dTenths: 55,
      compressive28dTenths: 487,
      flexural28dTenths: 83,
      initialSettingMinutes: 165,
      finalSettingMinutes: 230,
      specificSurfaceM2PerKg: 356,
      so3Hundredths: 262,
      mgoHundredths: 310,
      lossOnIgnitionHundredths: 318,
      soundness: 'pass',
    },
  });
  const recent = addDays(today, -4);
  await createBatch(m, { ...qc, at: now - 2 * 3600_000 }, {
    batchNumber: `P1-${stamp(recent)}-02`,
    productId: bagged.id,
    productionDate: recent,
    results: { compressive3dTenths: 292, flexural3dTenths: 57, initialSettingMinutes: 158, finalSettingMinutes: 221, specificSurfaceM2PerKg: 352, so3Hundredths: 258, mgoHundredths: 305, lossOnIgnitionHundredths: 322, soundness: 'pass' },
  });

  // The dispatch demo (seeded before this one) owns the packing machines; without any, there is nothing to check.
  const [first, second] = await packingMachines(m);
  if (!first) return;
  if (second) await recordSprayCheck(m, { ...qc, at: now - 3 * 3600_000 }, { machineId: second.id, ok: true, codeText: `P1-${stamp(recent)}-02`, note: '' });
  await recordCalibration(m, { ...qc, at: now - 40 * 60_000 }, { machineId: first.id, note: '定期标定' });
  const bags = [50_120, 50_080, 49_960, 50_200, 50_040, 50_100, 49_880, 50_160, 50_020, 50_060, 50_140, 49_940, 50_080, 50_100, 50_000, 50_180, 50_060, 49_920, 50_120, 50_040];
  await recordSpotCheck(
    m,
    { ...qc, at: now - 30 * 60_000 },
    {
      sampleBagCount: s['quality.sampleBagCount'],
      bagMinPermille: s['quality.bagMinPermilleOfMarked'],
      sampleMinTotalKg: s['quality.sampleMinTotalKg'],
      standardBagKg: s['dispatch.bagWeightKg'],
      shiftStarts: parseShiftStarts(s['quality.shiftStartTimes']) ?? [0],
      utcOffsetMinutes: offset,
    },
    { machineId: first.id, reason: 'calibration', markedKg: bagged.bagWeightKg ?? 50, bagGrams: bags, note: '' },
  );
  await recordSprayCheck(m, { ...qc, at: now - 20 * 60_000 }, { machineId: first.id, ok: true, codeText: `P1-${stamp(recent)}-02`, note: '' });
}
