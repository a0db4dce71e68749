import { defineHandlers } from '../rpc/context';
import { listCustomers, listProductsWithPrice } from './catalogQueries';

export const salesHandlers = defineHandlers({
  'sales.listProducts': (_input, ctx, m) => listProductsWithPrice(m, ctx.actor.at),
  'sales.listCustomers': (input, _ctx, m) => listCustomers(m, input.query, input.offset, input.limit),
});
