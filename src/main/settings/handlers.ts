import { defineHandlers } from '../rpc/context';

export const settingsHandlers = defineHandlers({
  'settings.list': (_input, ctx, m) => ctx.core.settings.list(m),

  'settings.update': async (input, ctx, m) => {
    const changed = await ctx.core.settings.update(m, ctx.actor, input.key, input.value);
    ctx.afterCommit(() => ctx.core.settings.applyCommitted(changed.key, changed.value));
    ctx.publish('settings.changed', { key: changed.key });
    const list = await ctx.core.settings.list(m);
    const dto = list.find((s) => s.key === changed.key)!;
    return { ...dto, value: changed.value };
  },
});
