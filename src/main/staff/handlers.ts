import { AppError } from '../../shared/errors';
import { appendEvent } from '../events/appendEvent';
import { defineHandlers, requireStaffId } from '../rpc/context';
import { sessionDto, signIn, switchStation } from './authService';
import { Staff } from './staff.entity';
import { toStaffDto } from './staffDto';
import { getStaffPhoto, setStaffPhoto } from './staffPhoto';
import { changeOwnPin, createStaff, getStaff, listStaff, resetPin, updateStaff } from './staffService';

export const authHandlers = defineHandlers({
  'auth.signIn': (input, ctx, m) => signIn(ctx, m, input.staffNo, input.pin),

  'auth.signOut': async (_input, ctx, m) => {
    await appendEvent(m, ctx.actor, { type: 'auth.signedOut', docType: 'staff', docId: requireStaffId(ctx) });
    ctx.afterCommit(() => ctx.token && ctx.core.sessions.end(ctx.token));
    return { signedOut: true as const };
  },

  'auth.getSession': async (_input, ctx, m) => {
    const session = ctx.session!;
    return sessionDto(ctx.core, session, await m.findOneByOrFail(Staff, { id: session.staffId }));
  },

  'auth.switchStation': (input, ctx, m) => switchStation(ctx.core, m, ctx.session!, input.station, ctx.actor.at),

  'auth.changePin': async (input, ctx, m) => {
    await changeOwnPin(m, ctx.actor, requireStaffId(ctx), input.currentPin, input.newPin);
    return { changed: true as const };
  },
});

export const staffHandlers = defineHandlers({
  'staff.list': (input, _ctx, m) => listStaff(m, input.includeInactive),

  'staff.get': async (input, _ctx, m) => toStaffDto(await getStaff(m, input.id)),

  'staff.create': async (input, ctx, m) => {
    const { staffNo, pin, ...fields } = input;
    const staff = await createStaff(m, ctx.actor, staffNo, pin, fields);
    ctx.publish('staff.changed', { staffId: staff.id });
    return toStaffDto(staff);
  },

  'staff.update': async (input, ctx, m) => {
    const { id, active, ...fields } = input;
    if (id === ctx.session?.staffId && !active) throw new AppError('RULE_VIOLATION', 'errors.cannotDeactivateSelf');
    const staff = await updateStaff(m, ctx.actor, id, active, fields);
    // A changed role or a deactivated account must not keep working under its old session.
    ctx.afterCommit(() => id !== ctx.session?.staffId && ctx.core.sessions.endAllFor(id));
    ctx.publish('staff.changed', { staffId: id });
    return toStaffDto(staff);
  },

  'staff.resetPin': async (input, ctx, m) => {
    await resetPin(m, ctx.actor, input.id, input.pin);
    ctx.afterCommit(() => ctx.core.sessions.endAllFor(input.id));
    return { reset: true as const };
  },

  'staff.setPhoto': async (input, ctx, m) => {
    const photo = await setStaffPhoto(m, ctx.actor, input.id, input.base64, ctx.core.settings.get('service.staffPhotoMaxKb'));
    ctx.publish('staff.changed', { staffId: input.id });
    return { staffId: input.id, photo };
  },

  'staff.getPhoto': async (input, _ctx, m) => ({ staffId: input.id, photo: await getStaffPhoto(m, input.id) }),
});
