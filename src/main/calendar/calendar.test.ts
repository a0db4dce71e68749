import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CalendarDayDto } from '../../shared/contract/calendar';
import type { SessionDto } from '../../shared/dto';
import { startOfLocalDate, workingDayDeadline } from '../../shared/workingDays';
import { EventLogEntry } from '../events/eventLog.entity';
import { testCore, type TestCore } from '../testing/testCore';
import { CalendarDay } from './calendarDay.entity';
import { loadPlantCalendar } from './plantCalendar';

describe('plant calendar methods', () => {
  let core: TestCore;
  let supervisor: SessionDto;
  let clerk: SessionDto;
  beforeEach(async () => {
    core = await testCore();
    supervisor = await core.signInAs('supervisor');
    clerk = await core.signInAs('sales_clerk');
  });
  afterEach(() => core.dispose());

  it('marks and removes days with events; clerks read but may not edit; bad dates write nothing', async () => {
    await core.ok('calendar.setDay', { date: '2026-10-01', kind: 'holiday', name: '国庆节' }, supervisor.token);
    await core.ok('calendar.setDay', { date: '2026-10-10', kind: 'workday', name: '国庆节调休上班' }, supervisor.token);
    await core.ok('calendar.setDay', { date: '2025-12-31', kind: 'holiday', name: '' }, supervisor.token);
    const days = await core.ok<CalendarDayDto[]>('calendar.listDays', { year: 2026 }, clerk.token);
    expect(days.map((d) => [d.date, d.kind])).toEqual([
      ['2026-10-01', 'holiday'],
      ['2026-10-10', 'workday'],
    ]);
    // Setting an existing date replaces it.
    await core.ok('calendar.setDay', { date: '2026-10-10', kind: 'holiday', name: '改为休息' }, supervisor.token);
    expect((await core.dataSource.manager.findOneByOrFail(CalendarDay, { date: '2026-10-10' })).kind).toBe('holiday');
    await core.ok('calendar.removeDay', { date: '2026-10-10' }, supervisor.token);
    expect(await core.dataSource.manager.findOneBy(CalendarDay, { date: '2026-10-10' })).toBeNull();
    const types = (await core.dataSource.manager.find(EventLogEntry, { order: { id: 'ASC' } })).map((e) => e.type).filter((t) => t.startsWith('calendar.'));
    expect(types).toEqual(['calendar.daySet', 'calendar.daySet', 'calendar.daySet', 'calendar.daySet', 'calendar.dayRemoved']);

    const rows = await core.dataSource.manager.count(CalendarDay);
    const events = await core.dataSource.manager.count(EventLogEntry);
    for (const [method, input, token, code] of [
      ['calendar.setDay', { date: '2026-02-30', kind: 'holiday' }, supervisor.token, 'VALIDATION'],
      ['calendar.setDay', { date: '2026/10/01', kind: 'holiday' }, supervisor.token, 'VALIDATION'],
      ['calendar.setDay', { date: '2026-10-02', kind: 'weekend' }, supervisor.token, 'VALIDATION'],
      ['calendar.setDay', { date: '2026-10-02', kind: 'holiday' }, clerk.token, 'FORBIDDEN'],
      ['calendar.removeDay', { date: '2026-10-05' }, supervisor.token, 'NOT_FOUND'],
    ] as const) {
      const r = await core.dispatch(method, input, token);
      expect(!r.ok && r.error.code).toBe(code);
    }
    expect(await core.dataSource.manager.count(CalendarDay)).toBe(rows);
    expect(await core.dataSource.manager.count(EventLogEntry)).toBe(events);
  });

  it('counts working-day deadlines on the stored calendar across a weekend and a holiday', async () => {
    const cal0 = await core.db.read((m) => loadPlantCalendar(m, core.settings));
    // Friday 2026-09-25 10:00 Beijing, 1 working day: Monday 09-28 (weekend skipped).
    const friday = startOfLocalDate('2026-09-25', cal0) + 10 * 3_600_000;
    expect(workingDayDeadline(friday, 1, cal0)).toBe(startOfLocalDate('2026-09-29', cal0) - 1);
    // Mark Monday 09-28 a holiday and Sunday 09-27 a make-up working day through the methods.
    await core.ok('calendar.setDay', { date: '2026-09-28', kind: 'holiday', name: '测试假日' }, supervisor.token);
    const cal1 = await core.db.read((m) => loadPlantCalendar(m, core.settings));
    expect(workingDayDeadline(friday, 1, cal1)).toBe(startOfLocalDate('2026-09-30', cal1) - 1);
    await core.ok('calendar.setDay', { date: '2026-09-27', kind: 'workday', name: '调休上班' }, supervisor.token);
    const cal2 = await core.db.read((m) => loadPlantCalendar(m, core.settings));
    expect(workingDayDeadline(friday, 1, cal2)).toBe(startOfLocalDate('2026-09-28', cal2) - 1);
    // National Day week: 3 working days from 09-30 run past 10-01..10-07.
    for (let d = 1; d <= 7; d++) await core.ok('calendar.setDay', { date: `2026-10-0${d}`, kind: 'holiday', name: '国庆节' }, supervisor.token);
    const cal3 = await core.db.read((m) => loadPlantCalendar(m, core.settings));
    const sep30 = startOfLocalDate('2026-09-30', cal3) + 9 * 3_600_000;
    expect(workingDayDeadline(sep30, 3, cal3)).toBe(startOfLocalDate('2026-10-13', cal3) - 1);
  });
});
