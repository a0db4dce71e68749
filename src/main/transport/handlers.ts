import { defineHandlers, type CallContext } from '../rpc/context';
import { acknowledgeAuthorization, listAuthorizations, receiveAuthorization } from './authorizations';
import { authorizationHandoffTimes, salespersonContactTimes } from './kpi';
import { listCases, logContact, openCase, resolveCase } from './noAuthorizationCases';

const offset = (ctx: CallContext) => ctx.core.settings.get('calendar.utcOffsetMinutes');
const contactMinutes = (ctx: CallContext) => ctx.core.settings.get('sales.salespersonContactMinutes');

export const transportHandlers = defineHandlers({
  'transport.receiveAuthorization': async (input, ctx, m) => {
    const out = await receiveAuthorization(m, ctx.actor, offset(ctx), input);
    ctx.publish('transport.authorizationReceived', { id: out.id, number: out.number, truckPlate: out.truckPlate });
    // A truck held at the gate for want of this letter may now be released.
    ctx.publish('gate.changed', { what: 'arrival', journeyId: null });
    return out;
  },
  'transport.acknowledgeAuthorization': async ({ id }, ctx, m) => {
    const out = await acknowledgeAuthorization(m, ctx.actor, id);
    ctx.publish('transport.authorizationHandedOver', { id: out.id, number: out.number });
    return out;
  },
  'transport.getKpis': async ({ from, to }, ctx, m) => ({
    handoff: await authorizationHandoffTimes(m, from, to, ctx.core.settings.get('sales.authorizationHandoffMinutes'), ctx.actor.at),
    contact: await salespersonContactTimes(m, from, to, contactMinutes(ctx), ctx.actor.at),
  }),
  'transport.listAuthorizations': (input, ctx, m) => listAuthorizations(m, input, offset(ctx)),
  'transport.openNoAuthorizationCase': async (input, ctx, m) => {
    const out = await openCase(m, ctx.actor, contactMinutes(ctx), input);
    ctx.publish('transport.casesChanged', { id: out.id });
    return out;
  },
  'transport.logSalespersonContact': async (input, ctx, m) => {
    const out = await logContact(m, ctx.actor, contactMinutes(ctx), input);
    ctx.publish('transport.casesChanged', { id: out.id });
    return out;
  },
  'transport.resolveNoAuthorizationCase': async (input, ctx, m) => {
    const out = await resolveCase(m, ctx.actor, contactMinutes(ctx), input);
    ctx.publish('transport.casesChanged', { id: out.id });
    return out;
  },
  'transport.listNoAuthorizationCases': (input, ctx, m) => listCases(m, input, ctx.actor.at, contactMinutes(ctx), offset(ctx)),
});
