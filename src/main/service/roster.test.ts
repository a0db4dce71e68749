import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BoardContactsDto, CoordinatorDto, DutyEntryDto } from '../../shared/contract/roster';
import type { SessionDto } from '../../shared/dto';
import type { TopicMessage } from '../../shared/topics';
import { EventLogEntry } from '../events/eventLog.entity';
import { testCore, type TestCore } from '../testing/testCore';
import { DutyEntry } from './dutyEntry.entity';
import { shiftInstants } from './roster';

const HOUR = 3_600_000;
// 2026-11-23 15:00 plant time (UTC+8)
const NOW = Date.UTC(2026, 10, 23, 7, 0, 0);

describe('duty roster and coordinators', () => {
  let core: TestCore;
  let admin: SessionDto;
  let sup: SessionDto;
  beforeEach(async () => {
    core = await testCore({ clock: () => NOW });
    admin = await core.setup();
    sup = await core.signInAs('supervisor');
  });
  afterEach(() => core.dispose());

  it('a night shift ends the next plant-local morning', () => {
    const { startsAt, endsAt } = shiftInstants('2026-11-23', '18:00', '08:00', 480);
    expect(startsAt).toBe(Date.UTC(2026, 10, 23, 10, 0));
    expect(endsAt).toBe(Date.UTC(2026, 10, 24, 0, 0));
  });

  it('supervisor edits; events and the public topic follow; others may not edit', async () => {
    const topics: TopicMessage[] = [];
    core.bus.subscribe(['service.contactsChanged'], (m) => topics.push(m));
    const night = await core.ok<DutyEntryDto>('service.addDutyEntry', { date: '2026-11-23', shift: '夜班', startTime: '18:00', endTime: '08:00', name: '刘值班', post: '生产部', phone: '13600001111' }, sup.token);
    expect(night.endsAt - night.startsAt).toBe(14 * HOUR);
    const upd = await core.ok<DutyEntryDto>('service.updateDutyEntry', { id: night.id, date: '2026-11-23', shift: '夜班', startTime: '18:00', endTime: '08:00', name: '刘值班', post: '生产部', phone: '13600002222' }, sup.token);
    expect(upd.phone).toBe('13600002222');
    const coord = await core.ok<CoordinatorDto>('service.addCoordinator', { name: '陈调度', post: '调度室', phone: '0371-6000001', sortOrder: 1 }, admin.token);
    expect(topics.map((t) => t.payload)).toEqual([{ what: 'roster' }, { what: 'roster' }, { what: 'coordinators' }]);
    expect(await core.db.read((m) => m.countBy(EventLogEntry, { type: 'service.rosterChanged' }))).toBe(2);

    const clerk = await core.signInAs('sales_clerk');
    const refused = await core.dispatch('service.addCoordinator', { name: 'x', phone: '12345' }, clerk.token);
    expect(refused.ok).toBe(false);
    const bad = await core.dispatch('service.addDutyEntry', { date: '2026-02-30', shift: '夜班', startTime: '25:00', endTime: '08:00', name: '', phone: 'abc' }, sup.token);
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error.fields?.map((f) => f.path).sort()).toEqual(['date', 'name', 'phone', 'startTime']);
    expect(await core.db.read((m) => m.count(DutyEntry))).toBe(1);

    expect(await core.ok<CoordinatorDto[]>('service.listCoordinators', {}, clerk.token)).toHaveLength(1);
    await core.ok('service.removeCoordinator', { id: coord.id }, sup.token);
    expect(await core.ok<CoordinatorDto[]>('service.listCoordinators', {}, clerk.token)).toHaveLength(0);
  });

  it("public board contacts: today's and tonight's duty not yet ended, only name/post/phone/shift", async () => {
    const add = (date: string, shift: string, startTime: string, endTime: string, name: string) =>
      core.ok<DutyEntryDto>('service.addDutyEntry', { date, shift, startTime, endTime, name, post: '值班', phone: '13600001111' }, sup.token);
    await add('2026-11-22', '夜班', '18:00', '08:00', '昨夜'); // ended this morning
    await add('2026-11-23', '白班', '08:00', '18:00', '今天白班'); // on duty now
    await add('2026-11-23', '夜班', '18:00', '08:00', '今晚'); // tonight
    await add('2026-11-24', '白班', '08:00', '18:00', '明天');
    await core.ok('service.addCoordinator', { name: '陈调度', post: '调度室', phone: '0371-6000001', sortOrder: 2 }, sup.token);
    await core.ok('service.addCoordinator', { name: '王调度', post: '调度室', phone: '0371-6000002', sortOrder: 1 }, sup.token);

    const board = await core.ok<BoardContactsDto>('service.getBoardContacts', {});
    expect(board.duty.map((d) => [d.name, d.onDutyNow])).toEqual([
      ['今天白班', true],
      ['今晚', false],
    ]);
    expect(board.coordinators.map((c) => c.name)).toEqual(['王调度', '陈调度']);
    for (const d of board.duty) expect(Object.keys(d).sort()).toEqual(['endTime', 'endsAt', 'name', 'onDutyNow', 'phone', 'post', 'shift', 'startTime', 'startsAt']);
    for (const c of board.coordinators) expect(Object.keys(c).sort()).toEqual(['name', 'phone', 'post']);
    const roster = await core.ok<DutyEntryDto[]>('service.listDutyRoster', { from: '2026-11-23', to: '2026-11-24' }, sup.token);
    expect(roster.map((r) => r.name)).toEqual(['今天白班', '今晚', '明天']);
    const anon = await core.dispatch('service.listDutyRoster', { from: '2026-11-23', to: '2026-11-24' });
    expect(anon.ok).toBe(false);
  });
});
