import { defineHandlers } from '../rpc/context';
import { attachDocument, downloadDocument, listDocuments, toDocumentDto } from './customerDocuments';
import { createCustomer, customerDetail, toCustomerFileDto, updateCustomer } from './customerService';
import { createProduct, listPrices, setPrice, toProductFileDto, updateProduct } from './productService';

/** Customer file, products and price lines (contract: src/shared/contract/customers.ts). */
export const customerHandlers = defineHandlers({
  'sales.createCustomer': async (input, ctx, m) => {
    const { creditLimitFen, ...fields } = input;
    const customer = await createCustomer(m, ctx.actor, { ...fields, creditLimitFen: creditLimitFen ?? ctx.core.settings.get('sales.defaultCreditLimitFen') });
    ctx.publish('customers.changed', { customerId: customer.id });
    return toCustomerFileDto(customer);
  },

  'sales.updateCustomer': async (input, ctx, m) => {
    const { id, ...fields } = input;
    const customer = await updateCustomer(m, ctx.actor, id, fields);
    ctx.publish('customers.changed', { customerId: id });
    return toCustomerFileDto(customer);
  },

  'sales.getCustomer': (input, _ctx, m) => customerDetail(m, input.id, input.ledgerLines),

  'sales.attachCustomerDocument': async (input, ctx, m) => {
    const doc = await attachDocument(m, ctx.actor, ctx.core.config.dataDir, input, ctx.afterCommit);
    ctx.publish('customers.changed', { customerId: input.customerId });
    return toDocumentDto(doc);
  },

  'sales.listCustomerDocuments': (input, _ctx, m) => listDocuments(m, input.customerId),

  'sales.downloadCustomerDocument': (input, ctx, m) => downloadDocument(m, ctx.core.config.dataDir, input.id),

  'sales.createProduct': async (input, ctx, m) => {
    const { code, ...fields } = input;
    return toProductFileDto(await createProduct(m, ctx.actor, ctx.core.settings, code, fields));
  },

  'sales.updateProduct': async (input, ctx, m) => {
    const { id, active, ...fields } = input;
    return toProductFileDto(await updateProduct(m, ctx.actor, ctx.core.settings, id, fields, active));
  },

  'sales.setPrice': (input, ctx, m) => setPrice(m, ctx.actor, input, ctx.core.settings.get('calendar.utcOffsetMinutes')),

  'sales.listPrices': (input, ctx, m) => listPrices(m, input.productId, ctx.actor.at),
});
