import { defineHandlers, type CallContext } from '../rpc/context';
import { boardContacts, listCoordinators, listDutyRoster, removeCoordinator, removeDutyEntry, saveCoordinator, saveDutyEntry } from './roster';

const offset = (ctx: CallContext) => ctx.core.settings.get('calendar.utcOffsetMinutes');
const changed = (ctx: CallContext, what: 'roster' | 'coordinators') => ctx.publish('service.contactsChanged', { what });

export const serviceHandlers = defineHandlers({
  'service.listDutyRoster': (input, _ctx, m) => listDutyRoster(m, input.from, input.to),
  'service.addDutyEntry': async (input, ctx, m) => {
    const out = await saveDutyEntry(m, ctx.actor, offset(ctx), input);
    changed(ctx, 'roster');
    return out;
  },
  'service.updateDutyEntry': async ({ id, ...input }, ctx, m) => {
    const out = await saveDutyEntry(m, ctx.actor, offset(ctx), input, id);
    changed(ctx, 'roster');
    return out;
  },
  'service.removeDutyEntry': async ({ id }, ctx, m) => {
    await removeDutyEntry(m, ctx.actor, id);
    changed(ctx, 'roster');
    return { removed: true as const };
  },
  'service.listCoordinators': (_input, _ctx, m) => listCoordinators(m),
  'service.addCoordinator': async (input, ctx, m) => {
    const out = await saveCoordinator(m, ctx.actor, input);
    changed(ctx, 'coordinators');
    return out;
  },
  'service.updateCoordinator': async ({ id, ...input }, ctx, m) => {
    const out = await saveCoordinator(m, ctx.actor, input, id);
    changed(ctx, 'coordinators');
    return out;
  },
  'service.removeCoordinator': async ({ id }, ctx, m) => {
    await removeCoordinator(m, ctx.actor, id);
    changed(ctx, 'coordinators');
    return { removed: true as const };
  },
  'service.getBoardContacts': (_input, ctx, m) => boardContacts(m, ctx.actor.at, offset(ctx)),
});
