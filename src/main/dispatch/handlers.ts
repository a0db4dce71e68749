import type { TopicPayloads } from '../../shared/topics';
import { defineHandlers, type CallContext } from '../rpc/context';
import { dispatchKpis } from './kpis';
import { armCounter, changePoint, countBags, finishLoading, readCounter, recordBrokenBags, removeBags, startLoading, type LoadingOpts } from './loading';
import { addPoint, listPoints, setPointStatus, updatePoint } from './loadingPoints';
import { listMinutes, saveMinutes } from './minutes';
import { dispatchOverview, findJourney } from './overview';

const opts = (ctx: CallContext): LoadingOpts => ({ defaultBagWeightKg: ctx.core.settings.get('dispatch.bagWeightKg'), counter: ctx.core.bagCounter });

/** Dispatch screens refresh on `dispatch.changed`; a journey move also reaches the gate screens and the board. */
function changed(ctx: CallContext, what: TopicPayloads['dispatch.changed']['what'], ids: { journeyId?: number; pointId?: number }, journeyMoved = false) {
  ctx.publish('dispatch.changed', { what, journeyId: ids.journeyId ?? null, pointId: ids.pointId ?? null });
  if (journeyMoved) ctx.publish('gate.changed', { what: 'loading', journeyId: ids.journeyId ?? null });
}

export const dispatchHandlers = defineHandlers({
  'dispatch.getOverview': (_input, ctx, m) => dispatchOverview(m, ctx.actor.at, ctx.core.settings, ctx.core.bagCounter),
  'dispatch.findJourney': ({ code }, _ctx, m) => findJourney(m, code),
  'dispatch.listPoints': ({ includeInactive }, ctx, m) => listPoints(m, ctx.core.bagCounter, includeInactive),
  'dispatch.addPoint': async (input, ctx, m) => {
    const out = await addPoint(m, ctx.actor, ctx.core.bagCounter, input);
    changed(ctx, 'point', { pointId: out.id });
    return out;
  },
  'dispatch.updatePoint': async (input, ctx, m) => {
    const out = await updatePoint(m, ctx.actor, ctx.core.bagCounter, input);
    changed(ctx, 'point', { pointId: out.id });
    return out;
  },
  'dispatch.setPointStatus': async (input, ctx, m) => {
    const out = await setPointStatus(m, ctx.actor, ctx.core.bagCounter, input);
    changed(ctx, 'point', { pointId: out.id });
    ctx.publish('gate.changed', { what: 'notice', journeyId: null });
    return out;
  },
  'dispatch.startLoading': async (input, ctx, m) => {
    const out = await startLoading(m, ctx.actor, opts(ctx), input);
    const point = await listPoints(m, ctx.core.bagCounter, true).then((ps) => ps.find((p) => p.id === out.pointId));
    ctx.afterCommit(() => point && armCounter(ctx.core.bagCounter, point.code, out));
    changed(ctx, 'loading', { journeyId: out.journeyId, pointId: out.pointId }, true);
    return out;
  },
  'dispatch.changePoint': async (input, ctx, m) => {
    const out = await changePoint(m, ctx.actor, opts(ctx), input);
    const point = await listPoints(m, ctx.core.bagCounter, true).then((ps) => ps.find((p) => p.id === out.pointId));
    ctx.afterCommit(() => point && armCounter(ctx.core.bagCounter, point.code, out));
    changed(ctx, 'loading', { journeyId: out.journeyId, pointId: out.pointId });
    return out;
  },
  'dispatch.countBags': async (input, ctx, m) => {
    const out = await countBags(m, ctx.actor, input);
    changed(ctx, 'count', { journeyId: out.journeyId, pointId: out.pointId });
    return out;
  },
  'dispatch.readCounter': async (input, ctx, m) => {
    const out = await readCounter(m, ctx.actor, opts(ctx), input);
    changed(ctx, 'count', { journeyId: out.journeyId, pointId: out.pointId });
    return out;
  },
  'dispatch.recordBrokenBags': async (input, ctx, m) => {
    const out = await recordBrokenBags(m, ctx.actor, input);
    changed(ctx, 'count', { journeyId: out.journeyId, pointId: out.pointId });
    return out;
  },
  'dispatch.removeBags': async (input, ctx, m) => {
    const out = await removeBags(m, ctx.actor, input);
    changed(ctx, 'count', { journeyId: out.journeyId, pointId: out.pointId });
    return out;
  },
  'dispatch.finishLoading': async (input, ctx, m) => {
    const out = await finishLoading(m, ctx.actor, input);
    changed(ctx, 'loaded', { journeyId: out.id }, true);
    return out;
  },
  'dispatch.getKpis': (input, ctx, m) => dispatchKpis(m, ctx.core.settings, { from: input.from, to: input.to, now: ctx.actor.at }),
  'dispatch.listMinutes': ({ limit }, _ctx, m) => listMinutes(m, limit),
  'dispatch.saveMinutes': async (input, ctx, m) => {
    const out = await saveMinutes(m, ctx.actor, input);
    changed(ctx, 'minutes', {});
    return out;
  },
});
