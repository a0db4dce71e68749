import { defineHandlers } from '../rpc/context';
import { generateStatements, getStatement, listStatements, recordDispute, reissueStatement } from './statementService';

export const statementHandlers = defineHandlers({
  'statements.generate': async (input, ctx, m) => {
    const out = await generateStatements(m, ctx.core.settings, ctx.actor, input.month);
    ctx.publish('statements.changed', { month: input.month });
    return out;
  },
  'statements.list': (input, ctx, m) => listStatements(m, ctx.core.settings, ctx.actor.at, input.month),
  'statements.get': (input, ctx, m) => getStatement(m, input.id, ctx.actor.at),
  'statements.recordDispute': async (input, ctx, m) => {
    const out = await recordDispute(m, ctx.core.settings, ctx.actor, input.id, input.receivedAt, input.note);
    ctx.publish('statements.changed', { month: out.month });
    return out;
  },
  'statements.reissue': async (input, ctx, m) => {
    const out = await reissueStatement(m, ctx.core.settings, ctx.actor, input.id, input.note);
    ctx.publish('statements.changed', { month: out.month });
    return out;
  },
});
