import { defineHandlers } from '../../rpc/context';
import { getDashboard } from './dashboardService';

export const dashboardHandlers = defineHandlers({
  'dashboard.get': (input, ctx, m) => getDashboard(m, ctx.core.settings, input, ctx.actor.at),
});
