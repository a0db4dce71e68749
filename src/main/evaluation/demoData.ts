import type { EntityManager } from 'typeorm';
import type { Actor } from '../events/appendEvent';
import { monthAt } from '../service/surveys/surveyService';
import { addMonths } from '../service/surveys/surveyScores';
import { SettingsService } from '../settings/settingsService';
import { Staff } from '../staff/staff.entity';
import { confirmServiceStar } from './evaluationService';

/** Last month's Service Star of the sales window (the demo sales clerk D001), confirmed through the service (an event). */
export async function seedEvaluationDemo(m: EntityManager, actor: Actor, now: number): Promise<void> {
  const settings = new SettingsService();
  await settings.load(m);
  const clerk = await m.findOneBy(Staff, { staffNo: 'D001' });
  if (!clerk) return;
  const month = addMonths(monthAt(now, settings), -1);
  await confirmServiceStar(m, actor, settings, { month, post: 'sales_window', staffId: clerk.id, note: '全月开票零超时，顾客表扬 2 次' });
}
