import { defineHandlers } from '../../rpc/context';
import { kioskGuardOf } from './kioskGuard';
import { listSurveyResponses, recordSurveyResponse, surveyForm, surveyReport } from './surveyService';

export const surveysHandlers = defineHandlers({
  'surveys.form': async (_input, ctx) => surveyForm(ctx.core.settings, ctx.actor.at),
  'surveys.submit': async (input, ctx, m) => {
    const guard = kioskGuardOf(ctx.core);
    guard.check(ctx.actor.at, ctx.core.settings.get('service.surveyKioskPerMinute'));
    const r = await recordSurveyResponse(m, ctx.actor, ctx.core.settings, input, 'kiosk');
    ctx.afterCommit(() => guard.record(r.at));
    ctx.publish('surveys.changed', { post: r.post, month: r.month });
    return r;
  },
  'surveys.enterPaper': async (input, ctx, m) => {
    const r = await recordSurveyResponse(m, ctx.actor, ctx.core.settings, input, 'paper');
    ctx.publish('surveys.changed', { post: r.post, month: r.month });
    return r;
  },
  'surveys.report': (input, ctx, m) => surveyReport(m, ctx.core.settings, input.month),
  'surveys.listResponses': (input, ctx, m) => listSurveyResponses(m, input.month, input.post),
});
