import { Between, In, type EntityManager } from 'typeorm';
import type { CalibrationDto, SpotCheckDto, SpotCheckReason, SprayCheckDto } from '../../shared/contract/quality';
import { AppError } from '../../shared/errors';
import { requiredTotalGrams, shiftAt, spotCheckVerdict } from '../../shared/quality';
import { appendEvent, type Actor } from '../events/appendEvent';
import { staffNames } from './certificates';
import { findPackingMachine } from './machines';
import { BagSpotCheck, PackingCalibration, SprayCodeCheck } from './quality.entities';

/** The rule numbers a spot check is judged by (all settings). */
export interface SpotCheckSettings {
  sampleBagCount: number;
  bagMinPermille: number;
  sampleMinTotalKg: number;
  /** `dispatch.bagWeightKg`: the bag `sampleMinTotalKg` is stated for. */
  standardBagKg: number;
  shiftStarts: number[];
  utcOffsetMinutes: number;
}

export async function calibrationDtos(m: EntityManager, rows: PackingCalibration[]): Promise<CalibrationDto[]> {
  if (rows.length === 0) return [];
  const names = await staffNames(m, rows.map((r) => r.recordedBy));
  const checks = await m.getRepository(BagSpotCheck).findBy({ calibrationId: In(rows.map((r) => r.id)) });
  const checkOf = new Map(checks.map((c) => [c.calibrationId!, c.id]));
  return rows.map((r) => ({
    id: r.id,
    machineId: r.machineId,
    machineCode: r.machineCode,
    calibratedAt: r.calibratedAt,
    recordedByName: r.recordedBy === null ? null : (names.get(r.recordedBy) ?? null),
    note: r.note,
    spotCheckId: checkOf.get(r.id) ?? null,
  }));
}

export async function spotCheckDtos(m: EntityManager, rows: BagSpotCheck[]): Promise<SpotCheckDto[]> {
  const names = await staffNames(m, rows.map((r) => r.checkedBy));
  return rows.map((r) => ({
    id: r.id,
    machineId: r.machineId,
    machineCode: r.machineCode,
    reason: r.reason,
    calibrationId: r.calibrationId,
    shiftDay: r.shiftDay,
    shiftLabel: r.shiftLabel,
    checkedAt: r.checkedAt,
    checkedByName: r.checkedBy === null ? null : (names.get(r.checkedBy) ?? null),
    markedKg: r.markedKg,
    bagGrams: r.bagGrams,
    totalGrams: r.totalGrams,
    bagMinGrams: r.bagMinGrams,
    minTotalGrams: r.minTotalGrams,
    lightBags: r.lightBags,
    passed: r.passed,
    note: r.note,
  }));
}

export async function sprayCheckDtos(m: EntityManager, rows: SprayCodeCheck[]): Promise<SprayCheckDto[]> {
  const names = await staffNames(m, rows.map((r) => r.checkedBy));
  return rows.map((r) => ({
    id: r.id,
    machineId: r.machineId,
    machineCode: r.machineCode,
    checkedAt: r.checkedAt,
    checkedByName: r.checkedBy === null ? null : (names.get(r.checkedBy) ?? null),
    ok: r.ok,
    codeText: r.codeText,
    note: r.note,
  }));
}

export async function recordCalibration(m: EntityManager, actor: Actor, input: { machineId: number; note: string }): Promise<CalibrationDto> {
  const machine = await findPackingMachine(m, input.machineId);
  const row = await m.save(m.create(PackingCalibration, { machineId: machine.id, machineCode: machine.code, calibratedAt: actor.at, recordedBy: actor.staffId, note: input.note }));
  await appendEvent(m, actor, { type: 'quality.calibrationRecorded', docType: 'packing_calibration', docId: row.id, payload: { machineId: machine.id, machineCode: row.machineCode, note: row.note } });
  return (await calibrationDtos(m, [row]))[0]!;
}

/** Calibrations of a machine (or all) that no spot check has followed yet, oldest first. */
export async function owedCalibrations(m: EntityManager, machineId?: number): Promise<PackingCalibration[]> {
  const qb = m
    .getRepository(PackingCalibration)
    .createQueryBuilder('c')
    .leftJoin(BagSpotCheck, 's', 's.calibrationId = c.id')
    .where('s.id IS NULL')
    .orderBy('c.calibratedAt', 'ASC')
    .addOrderBy('c.id', 'ASC');
  if (machineId) qb.andWhere('c.machineId = :id', { id: machineId });
  return qb.getMany();
}

/**
 * Records a bag-weight spot check with its GB 175 verdict. Refused, writing nothing, when the number of bags is not
 * the sample size or a calibration check names no owed calibration of that machine.
 */
export async function recordSpotCheck(
  m: EntityManager,
  actor: Actor,
  rules: SpotCheckSettings,
  input: { machineId: number; reason: SpotCheckReason; calibrationId?: number; markedKg: number; bagGrams: number[]; note: string },
): Promise<SpotCheckDto> {
  const machine = await findPackingMachine(m, input.machineId);
  if (input.bagGrams.length !== rules.sampleBagCount) {
    throw new AppError('VALIDATION', 'errors.validation', undefined, [{ path: 'bagGrams', message: 'fields.bagCountExact', params: { count: rules.sampleBagCount } }]);
  }
  let calibrationId: number | null = null;
  if (input.reason === 'calibration') {
    const owed = await owedCalibrations(m, machine.id);
    const target = input.calibrationId === undefined ? owed[owed.length - 1] : owed.find((c) => c.id === input.calibrationId);
    if (!target) throw new AppError('RULE_VIOLATION', 'errors.noCalibrationOwed', { machine: machine.code }, [{ path: 'reason', message: 'errors.noCalibrationOwed' }]);
    calibrationId = target.id;
  } else if (input.calibrationId !== undefined) {
    throw new AppError('VALIDATION', 'errors.validation', undefined, [{ path: 'calibrationId', message: 'fields.calibrationOnlyAfterCalibration' }]);
  }
  const verdict = spotCheckVerdict(input.bagGrams, {
    markedKg: input.markedKg,
    bagMinPermille: rules.bagMinPermille,
    minTotalGrams: requiredTotalGrams(rules.sampleMinTotalKg, input.markedKg, rules.standardBagKg),
    bagCount: rules.sampleBagCount,
  });
  const shift = shiftAt(actor.at, rules.shiftStarts, rules.utcOffsetMinutes);
  const row = await m.save(
    m.create(BagSpotCheck, {
      machineId: machine.id,
      machineCode: machine.code,
      reason: input.reason,
      calibrationId,
      shiftDay: shift.day,
      shiftIndex: shift.index,
      shiftLabel: shift.label,
      checkedAt: actor.at,
      checkedBy: actor.staffId,
      markedKg: input.markedKg,
      bagGrams: input.bagGrams,
      totalGrams: verdict.totalGrams,
      bagMinGrams: verdict.bagMinGrams,
      minTotalGrams: verdict.minTotalGrams,
      lightBags: verdict.lightBags,
      passed: verdict.passed,
      note: input.note,
    }),
  );
  await appendEvent(m, actor, {
    type: 'quality.spotChecked',
    docType: 'bag_spot_check',
    docId: row.id,
    payload: {
      machineId: machine.id,
      machineCode: row.machineCode,
      reason: row.reason,
      calibrationId,
      shiftDay: shift.day,
      shiftIndex: shift.index,
      passed: row.passed,
      bags: row.bagGrams.length,
      lightBags: row.lightBags.length,
      totalGrams: row.totalGrams,
      markedKg: row.markedKg,
    },
  });
  return (await spotCheckDtos(m, [row]))[0]!;
}

export async function recordSprayCheck(m: EntityManager, actor: Actor, input: { machineId: number; ok: boolean; codeText: string; note: string }): Promise<SprayCheckDto> {
  const machine = await findPackingMachine(m, input.machineId);
  const previous = await m.getRepository(SprayCodeCheck).findOne({ where: { machineId: machine.id }, order: { checkedAt: 'DESC', id: 'DESC' } });
  const row = await m.save(
    m.create(SprayCodeCheck, { machineId: machine.id, machineCode: machine.code, ok: input.ok, codeText: input.codeText, note: input.note, checkedAt: actor.at, checkedBy: actor.staffId }),
  );
  await appendEvent(m, actor, {
    type: 'quality.sprayChecked',
    docType: 'spray_code_check',
    docId: row.id,
    // The previous check's instant lets a KPI see how long the machine went unchecked.
    payload: { machineId: machine.id, machineCode: row.machineCode, ok: row.ok, codeText: row.codeText, previousCheckAt: previous?.checkedAt ?? null },
  });
  return (await sprayCheckDtos(m, [row]))[0]!;
}

/** Rows of one kind inside [from, to). */
export function inRange(from: number, to: number) {
  return Between(from, to - 1);
}
