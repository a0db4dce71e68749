import { defineHandlers } from '../../rpc/context';

export const scaleHandlers = defineHandlers({
  'weighing.getScale': async (_input, ctx) => ctx.core.scale.snapshot(),
});
