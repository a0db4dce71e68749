import type { EntityManager } from 'typeorm';
import { addDays, startOfLocalDate } from '../../../shared/workingDays';
import type { Actor } from '../../events/appendEvent';
import { SettingsService } from '../../settings/settingsService';
import { Staff } from '../../staff/staff.entity';
import { boxSchedule, followUpItem, logOpening } from './suggestionService';
import { SuggestionBox } from './suggestion.entities';
import { openingDayOf } from './boxSchedule';

/**
 * One opening of the ticket-hall box with two items (one assigned and answered), on the latest opening day at
 * 09:30 plant time that is already past (so the other two boxes show this week's state: due or overdue).
 */
export async function seedSuggestionsDemo(m: EntityManager, actor: Actor, now: number): Promise<void> {
  const settings = new SettingsService();
  await settings.load(m);
  const s = boxSchedule(settings);
  let day = openingDayOf(now, s);
  let openedAt = startOfLocalDate(day, s) + (9 * 60 + 30) * 60_000;
  if (openedAt > now) {
    day = addDays(day, -7);
    openedAt = startOfLocalDate(day, s) + (9 * 60 + 30) * 60_000;
  }
  const hall = await m.getRepository(SuggestionBox).findOneBy({ code: 'HALL' });
  if (!hall) return;
  const sales = await m.getRepository(Staff).findOneBy({ staffNo: 'D001' });
  const supervisor = await m.getRepository(Staff).findOneBy({ staffNo: 'D007' });
  const by: Actor = { ...actor, staffId: supervisor?.id ?? actor.staffId };
  const opening = await logOpening(m, by, settings, {
    boxId: hall.id,
    openedAt,
    witnesses: '销售处 王主任、财务 张会计',
    items: [
      { text: '中午 12 点到 1 点开票窗口只有一个人，排队很久', category: 'service', customerName: '宏达建材', contact: '13800001111', assigneeId: sales?.id ?? null },
      { text: '大厅饮水机坏了两天了', category: 'facilities', customerName: '', contact: '', assigneeId: null },
    ],
  });
  const first = opening.items[0];
  if (first) await followUpItem(m, { ...by, at: Math.min(now, openedAt + 3 * 3_600_000) }, first.id, 'answered', '已电话答复客户：中午改为两人轮班');
}
