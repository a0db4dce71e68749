import type { EntityManager } from 'typeorm';
import type { LoadingPoint } from '../dispatch/dispatch.entities';
import type { MachineStatusDto, QualityDailyDto, QualityOverviewDto, ShiftCoverageDto } from '../../shared/contract/quality';
import { addDays, localDate, startOfLocalDate } from '../../shared/workingDays';
import { shiftsOfDay, sprayStatus } from '../../shared/quality';
import { certificateDtos } from './certificates';
import { conformityDtos } from './conformity';
import { calibrationDtos, inRange, owedCalibrations, spotCheckDtos, sprayCheckDtos } from './floorChecks';
import { packingMachines } from './machines';
import { BagSpotCheck, ConformityCertificate, PackingCalibration, QualityCertificate, SprayCodeCheck } from './quality.entities';

export interface OverviewSettings {
  sprayCheckHours: number;
  shiftStarts: number[];
  utcOffsetMinutes: number;
  certificateIssuerStaffNo: string;
  allowReissue: boolean;
}

async function latestPerMachine(m: EntityManager, entity: typeof SprayCodeCheck | typeof BagSpotCheck): Promise<Map<number, number>> {
  const rows = await m.getRepository(entity).createQueryBuilder('r').select('r.machineId', 'id').addSelect('MAX(r.checkedAt)', 'at').groupBy('r.machineId').getRawMany<{ id: string | number; at: string | number }>();
  return new Map(rows.map((r) => [Number(r.id), Number(r.at)]));
}

/** Today's shifts up to the one now running (a night shift that began yesterday counts as the first), with the machines lacking a spot check. */
async function shiftCoverage(m: EntityManager, now: number, machines: LoadingPoint[], s: OverviewSettings): Promise<ShiftCoverageDto[]> {
  const today = localDate(now, s);
  const slots = [...shiftsOfDay(addDays(today, -1), s.shiftStarts, s.utcOffsetMinutes), ...shiftsOfDay(today, s.shiftStarts, s.utcOffsetMinutes)]
    .filter((slot) => slot.startAt <= now)
    .slice(-s.shiftStarts.length);
  if (slots.length === 0) return [];
  const checks = await m.getRepository(BagSpotCheck).find({ where: { checkedAt: inRange(slots[0]!.startAt, slots[slots.length - 1]!.endAt) }, select: ['machineId', 'machineCode', 'shiftDay', 'shiftIndex'] });
  return slots.map((slot) => {
    const inSlot = checks.filter((c) => c.shiftDay === slot.day && c.shiftIndex === slot.index);
    const checkedIds = new Set(inSlot.map((c) => c.machineId));
    const current = slot.startAt <= now && now < slot.endAt;
    // A machine stopped now is not owed a check for the running shift; past shifts list every machine without one.
    const owing = machines.filter((p) => !checkedIds.has(p.id) && (!current || p.status === 'running'));
    return { ...slot, current, checked: [...new Set(inSlot.map((c) => c.machineCode))].sort(), missing: owing.map((p) => p.code) };
  });
}

export async function qualityOverview(m: EntityManager, now: number, me: { mayIssue: boolean }, s: OverviewSettings): Promise<QualityOverviewDto> {
  const machines = await packingMachines(m);
  const lastSpray = await latestPerMachine(m, SprayCodeCheck);
  const lastSpot = await latestPerMachine(m, BagSpotCheck);
  const owed = await calibrationDtos(m, await owedCalibrations(m));
  const machineRows: MachineStatusDto[] = machines.map((p) => {
    const last = lastSpray.get(p.id) ?? null;
    const running = p.status === 'running';
    const status = sprayStatus(last, now, s.sprayCheckHours);
    return {
      machineId: p.id,
      machineCode: p.code,
      name: p.name,
      running,
      lastSprayAt: last,
      sprayDueAt: status.dueAt,
      sprayOverdue: running && status.overdue,
      sprayOverdueMinutes: running ? status.overdueMinutes : 0,
      lastSpotCheckAt: lastSpot.get(p.id) ?? null,
      calibrationsOwed: owed.filter((c) => c.machineId === p.id),
    };
  });
  const recent = await m.getRepository(BagSpotCheck).find({ order: { checkedAt: 'DESC', id: 'DESC' }, take: 8 });
  return {
    machines: machineRows,
    shifts: await shiftCoverage(m, now, machines, s),
    recentSpotChecks: await spotCheckDtos(m, recent),
    sprayCheckHours: s.sprayCheckHours,
    certificateIssuerStaffNo: s.certificateIssuerStaffNo,
    mayIssueCertificates: me.mayIssue,
    allowReissue: s.allowReissue,
  };
}

/** The day's QC records (plant-local day), oldest first. */
export async function dailyRecords(m: EntityManager, day: string, utcOffsetMinutes: number): Promise<QualityDailyDto> {
  const from = startOfLocalDate(day, { utcOffsetMinutes });
  const to = startOfLocalDate(addDays(day, 1), { utcOffsetMinutes });
  const range = inRange(from, to);
  const asc = { id: 'ASC' } as const;
  return {
    day,
    spotChecks: await spotCheckDtos(m, await m.getRepository(BagSpotCheck).find({ where: { checkedAt: range }, order: asc })),
    sprayChecks: await sprayCheckDtos(m, await m.getRepository(SprayCodeCheck).find({ where: { checkedAt: range }, order: asc })),
    calibrations: await calibrationDtos(m, await m.getRepository(PackingCalibration).find({ where: { calibratedAt: range }, order: asc })),
    certificates: await certificateDtos(m, await m.getRepository(QualityCertificate).find({ where: { issuedAt: range }, order: asc })),
    conformity: await conformityDtos(m, await m.getRepository(ConformityCertificate).find({ where: { issuedAt: range }, order: asc })),
  };
}
