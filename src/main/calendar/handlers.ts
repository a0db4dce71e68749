import { defineHandlers } from '../rpc/context';
import { listDays, removeDay, setDay } from './calendarService';

export const calendarHandlers = defineHandlers({
  'calendar.listDays': (input, _ctx, m) => listDays(m, input.year),

  'calendar.setDay': async (input, ctx, m) => {
    const day = await setDay(m, ctx.actor, input.date, input.kind, input.name);
    ctx.publish('calendar.changed', { date: input.date });
    return day;
  },

  'calendar.removeDay': async (input, ctx, m) => {
    await removeDay(m, ctx.actor, input.date);
    ctx.publish('calendar.changed', { date: input.date });
    return { removed: true as const };
  },
});
