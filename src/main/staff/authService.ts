import type { EntityManager } from 'typeorm';
import type { SessionDto } from '../../shared/dto';
import { AppError } from '../../shared/errors';
import { stationForRole, type Station } from '../../shared/roles';
import type { CoreServices } from '../core';
import type { CallContext } from '../rpc/context';
import { appendEvent } from '../events/appendEvent';
import { CommittedRefusal } from '../rpc/refusal';
import { hashPin, verifyPin } from './pinHash';
import type { Session } from './sessions';
import { Staff } from './staff.entity';
import { toStaffDto } from './staffDto';

/** A hash of a PIN nobody has, so an unknown staff number costs the same time as a wrong PIN. */
let decoyHash: Promise<string> | undefined;

export function sessionDto(core: CoreServices, session: Session, staff: Staff): SessionDto {
  const idleMs = core.settings.get('security.sessionIdleMinutes') * 60_000;
  return { token: session.token, staff: toStaffDto(staff), station: session.station, expiresAt: core.sessions.expiresAt(session, idleMs) };
}

/**
 * Checks staff number and PIN. Wrong PINs are counted; at the limit the account locks for the configured minutes.
 * Every outcome is an event. Refusals commit (CommittedRefusal) so the count survives.
 */
export async function signIn(ctx: CallContext, m: EntityManager, staffNo: string, pin: string): Promise<SessionDto> {
  const { core } = ctx;
  const now = ctx.actor.at;
  const station = core.installation.station();
  const staff = await m.findOneBy(Staff, { staffNo });
  if (!staff || !staff.active) {
    await verifyPin(pin, await (decoyHash ??= hashPin('decoy-pin')));
    throw new AppError('UNAUTHENTICATED', 'errors.badCredentials');
  }
  const actor = { staffId: staff.id, station, at: now };
  if (staff.lockedUntil !== null && staff.lockedUntil > now) {
    await appendEvent(m, actor, { type: 'auth.signInWhileLocked', docType: 'staff', docId: staff.id });
    throw new CommittedRefusal(new AppError('UNAUTHENTICATED', 'errors.accountLocked', { minutes: Math.ceil((staff.lockedUntil - now) / 60_000) }));
  }
  if (!(await verifyPin(pin, staff.pinHash))) {
    const maxFailed = core.settings.get('security.maxFailedPins');
    staff.failedPins += 1;
    const locks = staff.failedPins >= maxFailed;
    if (locks) {
      staff.lockedUntil = now + core.settings.get('security.lockoutMinutes') * 60_000;
      staff.failedPins = 0;
    }
    await m.save(staff);
    await appendEvent(m, actor, { type: locks ? 'auth.locked' : 'auth.signInFailed', docType: 'staff', docId: staff.id });
    const error = locks
      ? new AppError('UNAUTHENTICATED', 'errors.accountLocked', { minutes: core.settings.get('security.lockoutMinutes') })
      : new AppError('UNAUTHENTICATED', 'errors.badCredentials', { remaining: maxFailed - staff.failedPins });
    throw new CommittedRefusal(error);
  }
  if (staff.failedPins || staff.lockedUntil) {
    staff.failedPins = 0;
    staff.lockedUntil = null;
    await m.save(staff);
  }
  const workStation = stationForRole(staff.role, station);
  await appendEvent(m, { ...actor, station: workStation }, { type: 'auth.signedIn', docType: 'staff', docId: staff.id });
  // The session goes live only once the sign-in event is committed.
  const session = core.sessions.prepare(staff.id, staff.role, workStation, now);
  ctx.afterCommit(() => core.sessions.add(session));
  return sessionDto(core, session, staff);
}

export async function switchStation(core: CoreServices, m: EntityManager, session: Session, station: Station, now: number): Promise<SessionDto> {
  const staff = await m.findOneByOrFail(Staff, { id: session.staffId });
  await appendEvent(m, { staffId: staff.id, station, at: now }, { type: 'auth.stationSwitched', docType: 'staff', docId: staff.id, payload: { from: session.station, to: station } });
  session.station = station;
  return sessionDto(core, session, staff);
}
