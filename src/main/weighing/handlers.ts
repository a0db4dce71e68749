import { defineHandlers, type CallContext } from '../rpc/context';
import { grossWaits, tareWaits } from './weighingKpis';
import { captureGross, captureTare, decideException, findTruck, getTicket, listTickets, rulesBoard, stationView, type WeighDeps } from './weighingService';

const deps = (ctx: CallContext): WeighDeps => ({ settings: ctx.core.settings, scale: ctx.core.scale, role: ctx.session?.role ?? null });

/** Every weighing moves (or holds) a journey: the gate screen, the drivers' board and the weighbridge refresh. */
const changed = (ctx: CallContext, journeyId: number) => ctx.publish('gate.changed', { what: 'weighing', journeyId });

export const weighingHandlers = defineHandlers({
  'weighing.findTruck': ({ code }, _ctx, m) => findTruck(m, code),
  'weighing.getStation': (_input, ctx, m) => stationView(m, ctx.actor.at, ctx.core.settings),
  'weighing.captureTare': async (input, ctx, m) => {
    const out = await captureTare(m, ctx.actor, deps(ctx), input);
    changed(ctx, out.journey.id);
    return out;
  },
  'weighing.captureGross': async (input, ctx, m) => {
    const out = await captureGross(m, ctx.actor, deps(ctx), input);
    changed(ctx, out.journey.id);
    return out;
  },
  'weighing.decideException': async (input, ctx, m) => {
    const out = await decideException(m, ctx.actor, deps(ctx), input);
    changed(ctx, out.journey.id);
    return out;
  },
  'weighing.getTicket': ({ id }, _ctx, m) => getTicket(m, id),
  'weighing.listTickets': (input, ctx, m) => listTickets(m, input, ctx.actor.at, ctx.core.settings.get('calendar.utcOffsetMinutes')),
  'weighing.getKpis': async ({ from, to }, ctx, m) => {
    const limit = ctx.core.settings.get('weighing.waitMinutes');
    return { tare: await tareWaits(m, from, to, limit, ctx.actor.at), gross: await grossWaits(m, from, to, limit, ctx.actor.at) };
  },
  'weighing.getRulesBoard': async (_input, ctx) => rulesBoard(ctx.core.settings, ctx.actor.at),
});
