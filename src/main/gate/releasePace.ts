import { IsNull, type EntityManager } from 'typeorm';
import type { ReleasePaceDto } from '../../shared/contract/gate';
import { AppError } from '../../shared/errors';
import { appendEvent, type Actor } from '../events/appendEvent';
import { TruckJourney } from '../journey/truckJourney.entity';
import { ReleasePace } from './gate.entities';

export type PaceRequest = { mode: 'interval'; intervalSeconds: number; reason: string } | { mode: 'pause'; reason: string };

async function openPace(m: EntityManager): Promise<ReleasePace | null> {
  return m.getRepository(ReleasePace).findOne({ where: { endedAt: IsNull() }, order: { id: 'DESC' } });
}

async function lastReleaseAt(m: EntityManager): Promise<number | null> {
  const row = await m.getRepository(TruckJourney).createQueryBuilder('j').select('MAX(j.releasedAt)', 'at').getRawOne<{ at: string | number | null }>();
  return row?.at === null || row?.at === undefined ? null : Number(row.at);
}

/**
 * The pace in force: the gate's pause, or the stricter of its interval and `gate.releaseIntervalSeconds`; the next
 * release is allowed that many seconds after the last one.
 */
export async function currentPace(m: EntityManager, settingSeconds: number): Promise<ReleasePaceDto> {
  const pace = await openPace(m);
  const last = await lastReleaseAt(m);
  if (pace?.mode === 'pause') return { mode: 'pause', intervalSeconds: 0, reason: pace.reason, since: pace.startedAt, nextReleaseAt: null };
  const intervalSeconds = Math.max(settingSeconds, pace?.intervalSeconds ?? 0);
  const nextReleaseAt = last === null || intervalSeconds === 0 ? null : last + intervalSeconds * 1000;
  return pace
    ? { mode: 'interval', intervalSeconds, reason: pace.reason, since: pace.startedAt, nextReleaseAt }
    : { mode: 'normal', intervalSeconds, reason: null, since: null, nextReleaseAt };
}

/** Refuses a release while paused or before the interval since the last release has passed. */
export function assertPaceAllows(pace: ReleasePaceDto, at: number): void {
  if (pace.mode === 'pause') throw new AppError('RULE_VIOLATION', 'errors.gateReleasePaused', { reason: pace.reason ?? '' });
  if (pace.nextReleaseAt !== null && at < pace.nextReleaseAt) {
    throw new AppError('RULE_VIOLATION', 'errors.gateReleaseTooSoon', { seconds: Math.ceil((pace.nextReleaseAt - at) / 1000) });
  }
}

/** Starts an interval or a pause (ending the one in force), with its reason; an event either way. */
export async function setPace(m: EntityManager, actor: Actor, settingSeconds: number, request: PaceRequest): Promise<ReleasePaceDto> {
  await endOpenPace(m, actor);
  const intervalSeconds = request.mode === 'interval' ? request.intervalSeconds : null;
  const row = await m.save(
    m.create(ReleasePace, { mode: request.mode, intervalSeconds, reason: request.reason, startedAt: actor.at, startedBy: actor.staffId, endedAt: null, endedBy: null }),
  );
  await appendEvent(m, actor, {
    type: request.mode === 'pause' ? 'gate.releasePaused' : 'gate.releaseIntervalSet',
    docType: 'release_pace',
    docId: row.id,
    payload: { mode: request.mode, intervalSeconds, reason: request.reason },
  });
  return currentPace(m, settingSeconds);
}

/** Back to the normal pace; refused when none was set. */
export async function resumePace(m: EntityManager, actor: Actor, settingSeconds: number): Promise<ReleasePaceDto> {
  const ended = await endOpenPace(m, actor);
  if (!ended) throw new AppError('RULE_VIOLATION', 'errors.gatePaceAlreadyNormal');
  await appendEvent(m, actor, { type: 'gate.releasePaceResumed', docType: 'release_pace', docId: ended.id, payload: { mode: ended.mode, since: ended.startedAt } });
  return currentPace(m, settingSeconds);
}

async function endOpenPace(m: EntityManager, actor: Actor): Promise<ReleasePace | null> {
  const open = await openPace(m);
  if (!open) return null;
  open.endedAt = actor.at;
  open.endedBy = actor.staffId;
  return m.save(open);
}
