import { defineHandlers, type CallContext } from '../rpc/context';
import { recordSeals } from '../dispatch/sealing';
import { cancelJourney, listArrivals, registerArrival } from './arrivalRegister';
import { checkExit, confirmExit, findForExit } from './exitCheck';
import { gateBoard, gateOverview } from './gateViews';
import { clearNotice, postNotice } from './notices';
import { answerAlert } from './queueAlert';
import { releaseTruck } from './releaseOrder';
import { currentPace, resumePace, setPace } from './releasePace';
import { sealLedger } from './sealLedger';

const offset = (ctx: CallContext) => ctx.core.settings.get('calendar.utcOffsetMinutes');
const threshold = (ctx: CallContext) => ctx.core.settings.get('gate.queueAlertThreshold');
const intervalSetting = (ctx: CallContext) => ctx.core.settings.get('gate.releaseIntervalSeconds');

/** Every gate change reaches the gate screens and the public board through one topic. */
const changed = (ctx: CallContext, what: 'arrival' | 'release' | 'cancel' | 'pace' | 'notice' | 'alert' | 'exit' | 'seal', journeyId: number | null = null) =>
  ctx.publish('gate.changed', { what, journeyId });

export const gateHandlers = defineHandlers({
  'gate.registerArrival': async (input, ctx, m) => {
    const out = await registerArrival(m, ctx.actor, { utcOffsetMinutes: offset(ctx), alertThreshold: threshold(ctx) }, input);
    changed(ctx, 'arrival', out.journey.id);
    return out;
  },
  'gate.releaseTruck': async (input, ctx, m) => {
    const out = await releaseTruck(m, ctx.actor, { pace: await currentPace(m, intervalSetting(ctx)), alertThreshold: threshold(ctx) }, input);
    changed(ctx, 'release', out.id);
    return out;
  },
  'gate.cancelJourney': async (input, ctx, m) => {
    const out = await cancelJourney(m, ctx.actor, threshold(ctx), input);
    changed(ctx, 'cancel', out.id);
    return out;
  },
  'gate.getOverview': (_input, ctx, m) => gateOverview(m, ctx.actor.at, ctx.core.settings),
  'gate.listArrivals': (input, ctx, m) => listArrivals(m, input, offset(ctx)),
  'gate.getBoard': (_input, ctx, m) => gateBoard(m, ctx.actor.at, ctx.core.settings),
  'gate.setReleasePace': async (input, ctx, m) => {
    const out = await setPace(m, ctx.actor, intervalSetting(ctx), input);
    changed(ctx, 'pace');
    return out;
  },
  'gate.resumeNormalPace': async (_input, ctx, m) => {
    const out = await resumePace(m, ctx.actor, intervalSetting(ctx));
    changed(ctx, 'pace');
    return out;
  },
  'gate.answerQueueAlert': async (input, ctx, m) => {
    const out = await answerAlert(m, ctx.actor, input);
    changed(ctx, 'alert');
    return out;
  },
  'gate.postNotice': async (input, ctx, m) => {
    const out = await postNotice(m, ctx.actor, input);
    changed(ctx, 'notice');
    return out;
  },
  'gate.clearNotice': async ({ id }, ctx, m) => {
    const out = await clearNotice(m, ctx.actor, id);
    changed(ctx, 'notice');
    return out;
  },
  'gate.findForExit': ({ code }, _ctx, m) => findForExit(m, code),
  'gate.checkExit': async (input, ctx, m) => {
    // Published before the check: a refused check (seal mismatch) is committed too and the screens must see its alert.
    changed(ctx, 'exit', input.journeyId);
    return checkExit(m, ctx.actor, input);
  },
  'gate.confirmExit': async ({ journeyId }, ctx, m) => {
    const out = await confirmExit(m, ctx.actor, journeyId);
    changed(ctx, 'exit', out.id);
    return out;
  },
  'gate.listSealLedger': (input, ctx, m) => sealLedger(m, input, offset(ctx)),
  'dispatch.recordSeals': async (input, ctx, m) => {
    const out = await recordSeals(m, ctx.actor, input);
    changed(ctx, 'seal', out.id);
    return out;
  },
});
