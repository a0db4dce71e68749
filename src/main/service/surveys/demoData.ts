import type { EntityManager } from 'typeorm';
import type { ServicePost } from '../../../shared/posts';
import type { Actor } from '../../events/appendEvent';
import { SettingsService } from '../../settings/settingsService';
import { addMonths } from './surveyScores';
import { monthAt, recordSurveyResponse } from './surveyService';

/** A few survey forms over this month and the two before (paper) and one kiosk form today, deterministic. */
export async function seedSurveysDemo(m: EntityManager, actor: Actor, now: number): Promise<void> {
  const settings = new SettingsService();
  await settings.load(m);
  const month = monthAt(now, settings);
  const forms: Array<[ServicePost, number, number[], string]> = [
    ['sales_window', -2, [5, 4, 4, 4, 5], ''],
    ['weighbridge', -2, [3, 3, 4, 3, 3], ''],
    ['sales_window', -1, [5, 5, 4, 4, 4], ''],
    ['gate', -1, [4, 4, 4, 3, 4], ''],
    ['weighbridge', -1, [4, 3, 3, 3, 4], '过磅排队时间长'],
    ['sales_window', 0, [5, 5, 5, 4, 5], '开票快，态度好'],
    ['finance_window', 0, [4, 4, 5, 4, 4], ''],
    ['gate', 0, [4, 5, 4, 4, 4], ''],
    ['weighbridge', 0, [3, 3, 4, 3, 3], '磅房窗口太小，下雨天没地方等'],
    ['packing', 0, [4, 4, 4, 4, 3], ''],
  ];
  for (const [post, back, answers, comment] of forms) {
    await recordSurveyResponse(m, actor, settings, { post, month: addMonths(month, back), answers, comment, respondent: '' }, 'paper');
  }
  await recordSurveyResponse(m, { ...actor, staffId: null }, settings, { post: 'bulk', answers: [4, 4, 3, 4, 4], comment: '' }, 'kiosk');
}
