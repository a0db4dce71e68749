import { AppError } from '../../shared/errors';
import { defineHandlers } from '../rpc/context';
import { Customer } from '../sales/customer.entity';
import { balanceOf } from './ledger';
import { getReceipt, listPayments, recordPayment, reversePayment } from './receipts';
import { cancelRefund, completeRefund, completeRefundSales, getRefundDto, listRefunds, requestRefund } from './refunds';
import { checkRemittance, getRemittanceDto, listRemittances, registerRemittance } from './remittances';

export const financeHandlers = defineHandlers({
  'finance.getFunds': async (input, _ctx, m) => {
    // A read: no row lock, just the ledger sum and the credit limit.
    const customer = await m.findOneBy(Customer, { id: input.customerId });
    if (!customer) throw new AppError('NOT_FOUND', 'errors.customerNotFound', { id: input.customerId });
    const balanceFen = await balanceOf(m, customer.id);
    return { customerId: customer.id, balanceFen, creditLimitFen: customer.creditLimitFen, availableFen: balanceFen + customer.creditLimitFen };
  },

  'finance.recordPayment': async (input, ctx, m) => {
    const payment = await recordPayment(m, ctx.actor, ctx.core.settings, input);
    ctx.publish('finance.changed', { area: 'payment', customerId: payment.customerId });
    return getReceipt(m, payment.id);
  },

  'finance.listPayments': (input, ctx, m) => listPayments(m, ctx.core.settings, ctx.actor.at, input),

  'finance.getReceipt': (input, _ctx, m) => getReceipt(m, input.id),

  'finance.reversePayment': async (input, ctx, m) => {
    const payment = await reversePayment(m, ctx.actor, ctx.core.settings, input.paymentId, input.reason);
    ctx.publish('finance.changed', { area: 'payment', customerId: payment.customerId });
    return getReceipt(m, payment.id);
  },

  'finance.registerRemittance': async (input, ctx, m) => {
    const r = await registerRemittance(m, ctx.actor, ctx.core.settings, input);
    ctx.publish('finance.changed', { area: 'remittance', customerId: r.customerId });
    return getRemittanceDto(m, ctx.core.settings, r.id, ctx.actor.at);
  },

  'finance.checkRemittance': async (input, ctx, m) => {
    const r = await checkRemittance(m, ctx.actor, ctx.core.settings, input.id, input.outcome, input.note);
    ctx.publish('finance.changed', { area: 'remittance', customerId: r.customerId });
    if (r.paymentId !== null) ctx.publish('finance.changed', { area: 'payment', customerId: r.customerId });
    return getRemittanceDto(m, ctx.core.settings, r.id, ctx.actor.at);
  },

  'finance.listRemittances': (input, ctx, m) => listRemittances(m, ctx.core.settings, ctx.actor.at, input.includeClosedSince),

  'finance.requestRefund': async (input, ctx, m) => {
    const r = await requestRefund(m, ctx.actor, ctx.core.settings, input);
    ctx.publish('finance.changed', { area: 'refund', customerId: r.customerId });
    return getRefundDto(m, r.id, ctx.actor.at);
  },

  'finance.completeRefundSales': async (input, ctx, m) => {
    const r = await completeRefundSales(m, ctx.actor, ctx.core.settings, input.id, input.note);
    ctx.publish('finance.changed', { area: 'refund', customerId: r.customerId });
    return getRefundDto(m, r.id, ctx.actor.at);
  },

  'finance.completeRefund': async (input, ctx, m) => {
    const r = await completeRefund(m, ctx.actor, input.id, input.note);
    ctx.publish('finance.changed', { area: 'refund', customerId: r.customerId });
    if (r.toCustomerId !== null) ctx.publish('finance.changed', { area: 'refund', customerId: r.toCustomerId });
    return getRefundDto(m, r.id, ctx.actor.at);
  },

  'finance.cancelRefund': async (input, ctx, m) => {
    const r = await cancelRefund(m, ctx.actor, input.id, input.reason);
    ctx.publish('finance.changed', { area: 'refund', customerId: r.customerId });
    return getRefundDto(m, r.id, ctx.actor.at);
  },

  'finance.listRefunds': (input, ctx, m) => listRefunds(m, ctx.actor.at, input.includeClosed),
});
