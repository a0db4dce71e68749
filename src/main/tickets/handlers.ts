import { defineHandlers } from '../rpc/context';
import { callNext, completeTicket, hallBoard, myTicket, recallTicket, skipTicket, takeTicket } from './ticketService';

export const ticketsHandlers = defineHandlers({
  'tickets.take': async (input, ctx, m) => {
    const t = await takeTicket(m, ctx.actor, input.counter, ctx.core.settings.get('calendar.utcOffsetMinutes'));
    ctx.publish('tickets.changed', { counter: t.counter, ticketId: t.id });
    return t;
  },
  'tickets.listOpen': (_input, ctx, m) => hallBoard(m, ctx.actor.at, ctx.core.settings.get('calendar.utcOffsetMinutes')),
  'tickets.callNext': async (input, ctx, m) => {
    const t = await callNext(m, ctx.actor, input.counter, ctx.core.settings.get('calendar.utcOffsetMinutes'));
    if (t) ctx.publish('tickets.changed', { counter: t.counter, ticketId: t.id });
    return t;
  },
  'tickets.recall': async (input, ctx, m) => {
    const t = await recallTicket(m, ctx.actor, input.ticketId);
    ctx.publish('tickets.changed', { counter: t.counter, ticketId: t.id });
    return t;
  },
  'tickets.skip': async (input, ctx, m) => {
    const t = await skipTicket(m, ctx.actor, input.ticketId, input.reason);
    ctx.publish('tickets.changed', { counter: t.counter, ticketId: t.id });
    return t;
  },
  'tickets.complete': async (input, ctx, m) => {
    const t = await completeTicket(m, ctx.actor, input.ticketId, input.docType, input.docNo);
    ctx.publish('tickets.changed', { counter: t.counter, ticketId: t.id });
    return t;
  },
  'tickets.mine': (input, ctx, m) => myTicket(m, ctx.actor, input.counter, ctx.core.settings.get('calendar.utcOffsetMinutes')),
});
