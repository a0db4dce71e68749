import type { EntityManager } from 'typeorm';
import { SETTINGS } from '../../shared/settings';
import { addDays, localDate } from '../../shared/workingDays';
import { idCardCheckChar } from '../../shared/validators/idCard';
import type { Actor } from '../events/appendEvent';
import { PlanSlip } from '../sales/planSlip.entity';
import { saveCoordinator, saveDutyEntry } from '../service/roster';
import { receiveAuthorization, slipIsOpen } from './authorizations';
import { openCase } from './noAuthorizationCases';

const ID17 = '41018219880512301';

/**
 * Demo: yesterday's, today's and tonight's emergency duty, three dispatch coordinators, one authorization letter
 * waiting at the weighbridge (if the demo has an open plan slip by now) and one driver without a letter.
 * Everything goes through the services, so events are real. Deterministic.
 */
export async function seedTransportDemo(m: EntityManager, actor: Actor, now: number): Promise<void> {
  const offset = SETTINGS['calendar.utcOffsetMinutes'].default;
  const today = localDate(now, { utcOffsetMinutes: offset });
  const duty = [
    { date: addDays(today, -1), shift: '夜班', startTime: '18:00', endTime: '08:00', name: '郑国强', post: '生产副厂长', phone: '13903710001' },
    { date: today, shift: '白班', startTime: '08:00', endTime: '18:00', name: '孙立新', post: '调度室主任', phone: '13903710002' },
    { date: today, shift: '夜班', startTime: '18:00', endTime: '08:00', name: '何建军', post: '设备部部长', phone: '13903710003' },
    { date: addDays(today, 1), shift: '白班', startTime: '08:00', endTime: '18:00', name: '孙立新', post: '调度室主任', phone: '13903710002' },
    { date: addDays(today, 1), shift: '夜班', startTime: '18:00', endTime: '08:00', name: '郑国强', post: '生产副厂长', phone: '13903710001' },
  ];
  for (const d of duty) await saveDutyEntry(m, actor, offset, d);
  const coordinators = [
    { name: '马晓东', post: '发运调度', phone: '0371-63210001', sortOrder: 1 },
    { name: '冯丽', post: '袋装调度', phone: '0371-63210002', sortOrder: 2 },
    { name: '韩磊', post: '散装调度', phone: '0371-63210003', sortOrder: 3 },
  ];
  for (const c of coordinators) await saveCoordinator(m, actor, c);

  const slips = await m.getRepository(PlanSlip).find({ order: { id: 'ASC' }, take: 20 });
  const open = slips.find((s) => slipIsOpen(s, now));
  if (open) {
    await receiveAuthorization(m, { ...actor, at: now - 4 * 60_000 }, offset, {
      carrier: '郑州顺达物流有限公司',
      truckPlate: '豫A52871',
      driverName: '王建伟',
      driverIdNo: ID17 + idCardCheckChar(ID17),
      driverPhone: '13838250017',
      slipNumbers: [open.number],
    });
  }
  await openCase(m, { ...actor, at: now - 3 * 60_000 }, SETTINGS['sales.salespersonContactMinutes'].default, {
    truckPlate: '豫D36619',
    driverName: '李长春',
    driverPhone: '13703750022',
    salespersonName: '周业务',
    salespersonPhone: '13607370033',
    note: '司机称委托函由业务员随后送来',
  });
}
