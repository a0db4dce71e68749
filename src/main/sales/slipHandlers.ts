import { defineHandlers } from '../rpc/context';
import { getSlip, issueSlip, listSlips, slipQuote, voidSlip } from './slipService';

export const slipHandlers = defineHandlers({
  'sales.issueSlip': async (input, ctx, m) => {
    const slip = await issueSlip(m, ctx.actor, input, {
      utcOffsetMinutes: ctx.core.settings.get('calendar.utcOffsetMinutes'),
      defaultValidityDays: ctx.core.settings.get('sales.slipValidityDays'),
    });
    ctx.publish('slips.changed', { slipId: slip.id, customerId: slip.customerId });
    return slip;
  },
  'sales.voidSlip': async (input, ctx, m) => {
    const slip = await voidSlip(m, ctx.actor, input.slipId, input.reason);
    ctx.publish('slips.changed', { slipId: slip.id, customerId: slip.customerId });
    return slip;
  },
  'sales.getSlipQuote': (input, ctx, m) => slipQuote(m, input.customerId, ctx.actor.at),
  'sales.listSlips': (input, ctx, m) => listSlips(m, input, ctx.actor.at, ctx.core.settings.get('calendar.utcOffsetMinutes')),
  'sales.getSlip': (input, ctx, m) => getSlip(m, input, ctx.actor.at),
});
