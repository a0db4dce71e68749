import { addDays, startOfLocalDate } from '../../shared/workingDays';
import { defineHandlers } from '../rpc/context';
import { ticketServiceTimes } from './serviceTimes';
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
  'tickets.serviceTimes': (input, ctx, m) => {
    const cal = { utcOffsetMinutes: ctx.core.settings.get('calendar.utcOffsetMinutes') };
    return ticketServiceTimes(m, startOfLocalDate(input.from, cal), startOfLocalDate(addDays(input.to, 1), cal), {
      sales: ctx.core.settings.get('sales.slipWaitMinutes'),
      finance: ctx.core.settings.get('finance.paymentWaitMinutes'),
    });
  },
  'tickets.mine': (input, ctx, m) => myTicket(m, ctx.actor, input.counter, ctx.core.settings.get('calendar.utcOffsetMinutes')),
});
