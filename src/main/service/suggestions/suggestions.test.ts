import { afterEach, describe, expect, it } from 'vitest';
import type { SuggestionBoxDto, SuggestionItemDto, SuggestionOpeningDto, SuggestionSummaryDto } from '../../../shared/contract/suggestions';
import type { SessionDto, StaffDto } from '../../../shared/dto';
import { EventLogEntry } from '../../events/eventLog.entity';
import { testCore, type TestCore } from '../../testing/testCore';
import { boxWeekState } from './boxSchedule';
import { SuggestionItem, SuggestionOpening } from './suggestion.entities';

const H = 3_600_000;
/** Plant time UTC+8: Monday 2026-11-23 00:00 local = 2026-11-22 16:00 UTC. */
const MON = Date.UTC(2026, 10, 22, 16, 0);
const sched = { weekday: 1, cutoffMinutes: 18 * 60, utcOffsetMinutes: 480 };

describe('box overdue computation (plant UTC+8, Monday 18:00)', () => {
  it('due before the cut-off, overdue from it, opened from Monday 00:00 plant time', () => {
    const lastWeek = MON - 7 * 24 * H + 9 * H;
    expect(boxWeekState(lastWeek, MON + 17 * H + 59 * 60_000, sched)).toMatchObject({ dueDay: '2026-11-23', state: 'due' });
    expect(boxWeekState(lastWeek, MON + 18 * H, sched)).toMatchObject({ dueDay: '2026-11-23', state: 'overdue', cutoffAt: MON + 18 * H });
    // Monday 18:00 plant time is 10:00 UTC: a UTC clock would still say "morning"
    expect(new Date(MON + 18 * H).toISOString()).toBe('2026-11-23T10:00:00.000Z');
    // still overdue on Sunday night, until the next Monday starts a new week (due again)
    expect(boxWeekState(lastWeek, MON + 7 * 24 * H - 1, sched).state).toBe('overdue');
    expect(boxWeekState(lastWeek, MON + 7 * 24 * H + H, sched)).toMatchObject({ dueDay: '2026-11-30', state: 'due' });
    // opened Monday 00:00 plant time (Sunday 16:00 UTC) counts; Sunday 23:59 plant time belongs to last week
    expect(boxWeekState(MON, MON + 20 * H, sched).state).toBe('opened');
    expect(boxWeekState(MON - 60_000, MON + 20 * H, sched).state).toBe('overdue');
    // opened late on Tuesday: opened for the week
    expect(boxWeekState(MON + 33 * H, MON + 34 * H, sched).state).toBe('opened');
    expect(boxWeekState(null, MON + 10 * H, sched).state).toBe('due');
  });
});

describe('suggestion boxes', () => {
  let core: TestCore;
  let now = MON + 9 * H; // Monday 09:00 plant time
  let sup: SessionDto;
  let helper: StaffDto;
  afterEach(() => core?.dispose());

  async function start() {
    now = MON + 9 * H;
    core = await testCore({ clock: () => now });
    const admin = await core.setup();
    await core.ok('settings.update', { key: 'security.sessionIdleMinutes', value: 24 * 60 }, admin.token);
    sup = await core.signInAs('supervisor', 'S001');
    helper = await core.ok<StaffDto>('staff.create', { staffNo: 'C009', pin: '1111', name: '李销售', role: 'sales_clerk' }, admin.token);
  }
  const boxes = () => core.ok<SuggestionBoxDto[]>('suggestions.listBoxes', {}, sup.token);
  const counts = () => core.db.read(async (m) => ({ openings: await m.count(SuggestionOpening), items: await m.count(SuggestionItem), events: await m.count(EventLogEntry) }));

  it('the three boxes are seeded; an opening logs the items, the box is no longer overdue, the event has the facts', async () => {
    await start();
    const list = await boxes();
    expect(list.map((b) => b.code)).toEqual(['HALL', 'SCALE', 'DISPATCH']);
    expect(list.every((b) => b.state === 'due')).toBe(true);
    now = MON + 18 * H + 5 * 60_000;
    expect((await boxes()).every((b) => b.state === 'overdue')).toBe(true);
    const hall = list[0]!;
    const o = await core.ok<SuggestionOpeningDto>(
      'suggestions.logOpening',
      {
        boxId: hall.id,
        openedAt: MON + 9 * H,
        witnesses: '王主任、张会计',
        items: [
          { text: '开票窗口中午没人', category: 'service', customerName: '宏达建材', contact: '13800000000', assigneeId: helper.id },
          { text: '大厅饮水机坏了', category: 'facilities' },
        ],
      },
      sup.token,
    );
    expect(o.items.map((i) => [i.text, i.status, i.assigneeName])).toEqual([
      ['开票窗口中午没人', 'open', '李销售'],
      ['大厅饮水机坏了', 'open', null],
    ]);
    const after = await boxes();
    expect(after.map((b) => b.state)).toEqual(['opened', 'overdue', 'overdue']);
    expect(after[0]!.lastOpenedAt).toBe(MON + 9 * H);
    const ev = await core.db.read((m) => m.findOneByOrFail(EventLogEntry, { type: 'suggestions.boxOpened' }));
    expect(ev.payload).toMatchObject({ boxCode: 'HALL', openingDay: '2026-11-23', weekDay: '2026-11-23', onTime: true, itemCount: 2 });
    // an empty box is logged too
    await core.ok('suggestions.logOpening', { boxId: after[1]!.id, witnesses: '王主任', items: [] }, sup.token);
    const late = await core.db.read((m) => m.find(EventLogEntry, { where: { type: 'suggestions.boxOpened' }, order: { id: 'ASC' } }));
    expect(late[1]!.payload).toMatchObject({ onTime: false, itemCount: 0 });
  });

  it('items are assigned and followed up open → answered → closed; closed is final', async () => {
    await start();
    const [hall] = await boxes();
    const o = await core.ok<SuggestionOpeningDto>('suggestions.logOpening', { boxId: hall!.id, witnesses: '王主任', items: [{ text: '希望增加夜班开票', category: 'dispatch' }] }, sup.token);
    const id = o.items[0]!.id;
    expect((await core.ok<SuggestionItemDto>('suggestions.assignItem', { id, assigneeId: helper.id }, sup.token)).assigneeName).toBe('李销售');
    now += H;
    const answered = await core.ok<SuggestionItemDto>('suggestions.followUp', { id, status: 'answered', note: '已电话答复客户' }, sup.token);
    expect(answered).toMatchObject({ status: 'answered', note: '已电话答复客户', followedUpAt: now });
    expect((await core.ok<SuggestionItemDto[]>('suggestions.listItems', { status: 'open' }, sup.token)).map((i) => i.id)).toEqual([id]);
    await core.ok('suggestions.followUp', { id, status: 'closed', note: '下月起试行夜班' }, sup.token);
    expect(await core.ok<SuggestionItemDto[]>('suggestions.listItems', { status: 'open' }, sup.token)).toEqual([]);
    const before = await counts();
    const r = await core.dispatch('suggestions.followUp', { id, status: 'answered', note: '再次' }, sup.token);
    expect(!r.ok && r.error.message).toBe('errors.suggestionItemClosed');
    const ev = await core.db.read((m) => m.find(EventLogEntry, { where: { type: 'suggestions.itemFollowedUp' }, order: { id: 'ASC' } }));
    expect(ev.map((e) => [e.payload.from, e.payload.to, e.payload.minutesSinceOpening])).toEqual([
      ['open', 'answered', 60],
      ['answered', 'closed', 60],
    ]);
    expect(await counts()).toEqual(before);
  });

  it('bad input writes nothing', async () => {
    await start();
    const [hall] = await boxes();
    const clerk = await core.signInAs('sales_clerk', 'C001');
    const retired = await core.ok<SuggestionBoxDto>('suggestions.saveBox', { code: 'OLD', name: '旧箱', active: false }, sup.token);
    const before = await counts();
    const ok = { boxId: hall!.id, witnesses: '王主任', items: [{ text: '好', category: 'praise' }] };
    const cases: Array<[string, unknown, string, string]> = [
      ['suggestions.logOpening', { ...ok, boxId: 9999 }, 'NOT_FOUND', 'errors.suggestionBoxNotFound'],
      ['suggestions.logOpening', { ...ok, boxId: retired.id }, 'RULE_VIOLATION', 'errors.suggestionBoxInactive'],
      ['suggestions.logOpening', { ...ok, witnesses: ' ' }, 'VALIDATION', 'errors.validation'],
      ['suggestions.logOpening', { ...ok, openedAt: now + H }, 'VALIDATION', 'errors.suggestionOpeningFuture'],
      ['suggestions.logOpening', { ...ok, items: [{ text: '', category: 'praise' }] }, 'VALIDATION', 'errors.validation'],
      ['suggestions.logOpening', { ...ok, items: [{ text: '好', category: 'gossip' }] }, 'VALIDATION', 'errors.validation'],
      // the second item's assignee does not exist: the first item is not written either
      ['suggestions.logOpening', { ...ok, items: [{ text: '好', category: 'praise' }, { text: '差', category: 'service', assigneeId: 9999 }] }, 'NOT_FOUND', 'errors.suggestionAssigneeNotFound'],
      ['suggestions.followUp', { id: 9999, status: 'closed', note: 'x' }, 'NOT_FOUND', 'errors.suggestionItemNotFound'],
      ['suggestions.saveBox', { code: 'hall', name: '重复' }, 'CONFLICT', 'errors.suggestionBoxCodeTaken'],
    ];
    for (const [method, input, code, message] of cases) {
      const r = await core.dispatch(method, input, sup.token);
      expect(r.ok, `${method} ${JSON.stringify(input)}`).toBe(false);
      if (!r.ok) expect([r.error.code, r.error.message]).toEqual([code, message]);
    }
    const forbidden = await core.dispatch('suggestions.logOpening', ok, clerk.token);
    expect(!forbidden.ok && forbidden.error.code).toBe('FORBIDDEN');
    expect(await counts()).toEqual(before);
  });

  it("the Monday summary: this week's openings with items, earlier items still open, boxes not opened", async () => {
    await start();
    const [hall, scale] = await boxes();
    const last = await core.ok<SuggestionOpeningDto>('suggestions.logOpening', { boxId: scale!.id, openedAt: MON - 7 * 24 * H + 10 * H, witnesses: '王主任', items: [{ text: '磅房排队太久', category: 'dispatch' }, { text: '表扬司磅员', category: 'praise' }] }, sup.token);
    await core.ok('suggestions.followUp', { id: last.items[1]!.id, status: 'closed', note: '已转达' }, sup.token);
    await core.ok('suggestions.logOpening', { boxId: hall!.id, witnesses: '王主任', items: [{ text: '开票窗口中午没人', category: 'service' }] }, sup.token);
    const s = await core.ok<SuggestionSummaryDto>('suggestions.summary', {}, sup.token);
    expect(s.weekDay).toBe('2026-11-23');
    expect(s.openings.map((o) => [o.boxName, o.items.map((i) => i.text)])).toEqual([['售票大厅意见箱', ['开票窗口中午没人']]]);
    expect(s.carriedOver.map((i) => i.text)).toEqual(['磅房排队太久']);
    expect(s.boxesNotOpened.map((b) => b.name)).toEqual(['地磅房意见箱', '发运区意见箱']);
    const prev = await core.ok<SuggestionSummaryDto>('suggestions.summary', { weekDay: '2026-11-16' }, sup.token);
    expect(prev.openings.map((o) => o.items.length)).toEqual([2]);
  });
});
