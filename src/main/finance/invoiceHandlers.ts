import { defineHandlers } from '../rpc/context';
import { invoiceOverview, notifyLowStock, recordStock, requestDto, requestSettlement, reviewSettlement } from './invoiceService';

export const invoiceHandlers = defineHandlers({
  'invoices.requestSettlement': async (input, ctx, m) => {
    const row = await requestSettlement(m, ctx.core.settings, ctx.actor, input);
    ctx.publish('invoices.changed', { id: row.id });
    return requestDto(m, row, ctx.actor.at);
  },
  'invoices.reviewSettlement': async (input, ctx, m) => {
    const row = await reviewSettlement(m, ctx.actor, input.id, input.outcome, input.note);
    ctx.publish('invoices.changed', { id: row.id });
    return requestDto(m, row, ctx.actor.at);
  },
  'invoices.recordStock': async (input, ctx, m) => {
    const out = await recordStock(m, ctx.core.settings, ctx.actor, input.invoiceType, input.kind, input.change, input.note);
    ctx.publish('invoices.changed', { id: null });
    return out;
  },
  'invoices.notifyLowStock': async (input, ctx, m) => {
    const out = await notifyLowStock(m, ctx.core.settings, ctx.actor, input.invoiceType, input.note);
    ctx.publish('invoices.changed', { id: null });
    return out;
  },
  'invoices.overview': (input, ctx, m) => invoiceOverview(m, ctx.core.settings, ctx.actor.at, input.limit),
});
