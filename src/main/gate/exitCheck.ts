import { In, type EntityManager } from 'typeorm';
import type { ExitCandidateDto, ExitCheckDto, SealDto } from '../../shared/contract/gate';
import { AppError } from '../../shared/errors';
import type { JourneyDto } from '../../shared/journey';
import { isValidPlate, normalizePlate } from '../../shared/validators/plate';
import { latestSeals } from '../dispatch/sealing';
import { appendEvent, type Actor } from '../events/appendEvent';
import { moveJourney } from '../journey/journeyMachine';
import { journeyDto, lockJourney } from '../journey/journeys';
import { TruckJourney } from '../journey/truckJourney.entity';
import { CommittedRefusal } from '../rpc/refusal';
import { staffNames } from '../transport/authorizations';
import { ExitCheck } from './gate.entities';
import { verifySeals } from './sealVerification';

const asSeals = (rows: { position: string; sealNumber: string }[]): SealDto[] => rows.map((r) => ({ position: r.position, sealNumber: r.sealNumber }));

async function checkDto(m: EntityManager, check: ExitCheck, journey: TruckJourney): Promise<ExitCheckDto> {
  const recorded = asSeals((await latestSeals(m, journey.id)).seals);
  const names = await staffNames(m, [check.checkedBy]);
  const differences = journey.packaging === 'bulk' ? verifySeals(recorded, check.presentedSeals).differences : [];
  return {
    id: check.id,
    journeyId: journey.id,
    journeyNumber: journey.number,
    truckPlate: journey.truckPlate,
    checkedAt: check.checkedAt,
    checkedByName: check.checkedBy === null ? null : (names.get(check.checkedBy) ?? null),
    verdict: check.verdict,
    passed: check.passed,
    recordedSeals: recorded,
    presentedSeals: check.presentedSeals,
    differences,
  };
}

export async function lastExitCheck(m: EntityManager, journey: TruckJourney): Promise<ExitCheckDto | null> {
  const row = await m.getRepository(ExitCheck).findOne({ where: { journeyId: journey.id }, order: { id: 'DESC' } });
  return row ? checkDto(m, row, journey) : null;
}

/** The truck at the exit, by the journey number on its pass (QR) or by its plate (the latest journey of that plate). */
export async function findForExit(m: EntityManager, code: string): Promise<ExitCandidateDto> {
  const journeys = m.getRepository(TruckJourney);
  const upper = code.trim().toUpperCase();
  const plate = normalizePlate(code);
  const journey = /^TJ-\d{4}-\d{6}$/.test(upper)
    ? await journeys.findOneBy({ number: upper })
    : isValidPlate(plate)
      ? await journeys.findOne({ where: { truckPlate: plate }, order: { id: 'DESC' } })
      : null;
  if (!journey) throw new AppError('NOT_FOUND', 'errors.exitTruckNotFound', { code }, [{ path: 'code', message: 'errors.exitTruckNotFound', params: { code } }]);
  const { seals } = await latestSeals(m, journey.id);
  return { journey: await journeyDto(m, journey), sealPositions: seals.map((s) => s.position), lastCheck: await lastExitCheck(m, journey) };
}

/**
 * 出厂检查: a weighed truck, documents seen; a bulk truck's seals read at each position must match those recorded
 * at loading. Passed → `exit_checked`. Failed → the check and an alert event are kept, the exit is refused.
 */
export async function checkExit(m: EntityManager, actor: Actor, input: { journeyId: number; seals: SealDto[] }): Promise<ExitCheckDto> {
  const journey = await lockJourney(m, input.journeyId);
  if (journey.status !== 'gross_weighed') throw new AppError('RULE_VIOLATION', 'errors.exitNotWeighed', { plate: journey.truckPlate, status: journey.status });
  const bulk = journey.packaging === 'bulk';
  const recorded = asSeals((await latestSeals(m, journey.id)).seals);
  const comparison = bulk ? verifySeals(recorded, input.seals) : null;
  const verdict = comparison?.verdict ?? 'not_required';
  const passed = verdict === 'match' || verdict === 'not_required';
  const check = await m.save(
    m.create(ExitCheck, { journeyId: journey.id, checkedAt: actor.at, checkedBy: actor.staffId, verdict, passed, presentedSeals: bulk ? input.seals : [] }),
  );
  if (passed) {
    await moveJourney(m, actor, journey, { to: 'exit_checked', details: { exitCheckId: check.id, verdict, seals: bulk ? input.seals : [] } });
    return checkDto(m, check, journey);
  }
  await appendEvent(m, actor, {
    type: 'gate.exitBlocked',
    docType: 'truck_journey',
    docId: journey.id,
    payload: { number: journey.number, truckPlate: journey.truckPlate, exitCheckId: check.id, verdict, differences: comparison!.differences },
  });
  const key = verdict === 'missing' ? 'errors.exitSealsMissing' : 'errors.exitSealsMismatch';
  throw new CommittedRefusal(new AppError('RULE_VIOLATION', key, { plate: journey.truckPlate, count: comparison!.differences.length }));
}

/** 出厂: the checked truck leaves; the journey ends and its slip closes. */
export async function confirmExit(m: EntityManager, actor: Actor, journeyId: number): Promise<JourneyDto> {
  const journey = await lockJourney(m, journeyId);
  if (journey.status !== 'exit_checked') throw new AppError('RULE_VIOLATION', 'errors.exitNotChecked', { plate: journey.truckPlate, status: journey.status });
  await moveJourney(m, actor, journey, { to: 'out', details: { releasedAt: journey.releasedAt, registeredAt: journey.registeredAt } });
  return journeyDto(m, journey);
}

/** Weighed trucks whose latest exit check failed: the gate's open exit alerts. */
export async function blockedExits(m: EntityManager): Promise<ExitCheckDto[]> {
  const weighed = await m.getRepository(TruckJourney).find({ where: { status: In(['gross_weighed']) }, order: { id: 'ASC' } });
  const out: ExitCheckDto[] = [];
  for (const journey of weighed) {
    const last = await lastExitCheck(m, journey);
    if (last && !last.passed) out.push(last);
  }
  return out;
}
