import type { EntityManager } from 'typeorm';
import { monthRange, localMonth } from '../../../shared/months';
import type { Actor } from '../../events/appendEvent';
import { Customer } from '../../sales/customer.entity';
import { SettingsService } from '../../settings/settingsService';
import { Staff } from '../../staff/staff.entity';
import { acceptComplaint, logOnSite, recordInvestigation, recordVerdict, resolveComplaint, type ComplaintRules } from './complaintService';

const MINUTE = 60_000;

/** The demo plant's complaint and supervision phones (shown in large type on every window's staff board). */
export const DEMO_COMPLAINT_PHONE = '0371-6000110';
export const DEMO_SUPERVISION_PHONE = '0371-6000119';

/**
 * This month's complaints, through the services (numbers, events): one settled this morning from acceptance to the
 * service registration card, and one accepted 90 minutes ago whose salesperson is not there yet (the 4-hour timer
 * runs). Both stay inside the current plant month, whatever the hour. Also sets the two board phone numbers.
 */
export async function seedComplaintsDemo(m: EntityManager, actor: Actor, now: number): Promise<void> {
  const settings = new SettingsService();
  await settings.load(m);
  await settings.update(m, { ...actor, at: now }, 'service.complaintPhone', DEMO_COMPLAINT_PHONE);
  await settings.update(m, { ...actor, at: now }, 'service.supervisionPhone', DEMO_SUPERVISION_PHONE);
  const rules: ComplaintRules = { onSiteHours: settings.get('service.complaintOnSiteHours'), utcOffsetMinutes: settings.get('calendar.utcOffsetMinutes') };
  const monthStart = monthRange(localMonth(now, rules), rules).from;
  const clerk = await m.getRepository(Staff).findOneBy({ staffNo: 'D001' });
  const supervisor = await m.getRepository(Staff).findOneBy({ staffNo: 'D007' });
  const customers = await m.getRepository(Customer).find({ order: { id: 'ASC' }, take: 2 });
  const at = (staff: Staff | null, t: number): Actor => ({ ...actor, staffId: staff?.id ?? actor.staffId, at: t });

  // Settled: received up to 5 hours ago, on site a fifth of the way, then investigated, resolved and the verdict.
  const r1 = Math.max(monthStart, now - 5 * 60 * MINUTE);
  const step = (k: number) => r1 + Math.floor(((now - r1) * k) / 5);
  const a = customers[0];
  const settled = await acceptComplaint(m, at(clerk, r1), rules, {
    customerId: a?.id,
    customerName: a?.name ?? '宏达建材',
    contactName: a?.contactName ?? '',
    contactPhone: a?.phone ?? '',
    channel: 'phone',
    post: 'weighbridge',
    nature: 'service',
    description: '早上过磅排队 40 分钟，司磅员态度生硬',
    salespersonName: '孙建国',
    salespersonPhone: '13803710001',
  });
  await logOnSite(m, at(supervisor, step(1)), rules, { id: settled.id, note: '到磅房与客户司机当面了解情况' });
  await recordInvestigation(m, at(supervisor, step(2)), rules, { id: settled.id, findings: '高峰时段只开一台磅，属实', substantiated: true });
  await resolveComplaint(m, at(supervisor, step(3)), rules, { id: settled.id, resolution: '高峰时段开第二台磅；司磅员向客户道歉并批评教育' });
  await recordVerdict(m, at(supervisor, step(4)), rules, { id: settled.id, verdict: 'satisfied', customerComment: '处理及时，满意' });

  // Open: accepted 90 minutes ago (or at the month's start), the salesperson still on the way.
  const b = customers[1];
  await acceptComplaint(m, at(clerk, now), rules, {
    customerId: b?.id,
    customerName: b?.name ?? '盛达商砼',
    contactName: b?.contactName ?? '',
    contactPhone: b?.phone ?? '',
    channel: 'in_person',
    post: 'packing',
    nature: 'quality',
    description: '昨天提的袋装水泥有 6 袋破损、2 袋重量不足',
    salespersonName: '孙建国',
    salespersonPhone: '13803710001',
    receivedAt: Math.max(monthStart, now - 90 * MINUTE),
  });
}
