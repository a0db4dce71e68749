import { In, LessThan, MoreThanOrEqual, type EntityManager } from 'typeorm';
import type { SuggestionBoxDto, SuggestionCategory, SuggestionItemDto, SuggestionOpeningDto, SuggestionSummaryDto } from '../../../shared/contract/suggestions';
import { AppError } from '../../../shared/errors';
import { parseClockTime } from '../../../shared/surveys';
import { addDays, localDate, startOfLocalDate } from '../../../shared/workingDays';
import { appendEvent, type Actor } from '../../events/appendEvent';
import type { SettingsService } from '../../settings/settingsService';
import { Staff } from '../../staff/staff.entity';
import { boxWeekState, openingDayOf, type BoxSchedule } from './boxSchedule';
import { SuggestionBox, SuggestionItem, SuggestionOpening } from './suggestion.entities';

type Settings = Pick<SettingsService, 'get'>;

export function boxSchedule(settings: Settings): BoxSchedule {
  return {
    weekday: settings.get('service.suggestionBoxWeekday'),
    cutoffMinutes: parseClockTime(settings.get('service.suggestionBoxCutoffTime')) ?? 18 * 60,
    utcOffsetMinutes: settings.get('calendar.utcOffsetMinutes'),
  };
}

async function staffNames(m: EntityManager, ids: Array<number | null>): Promise<Map<number, string>> {
  const list = [...new Set(ids.filter((x): x is number => x !== null))];
  if (!list.length) return new Map();
  const rows = await m.getRepository(Staff).findBy({ id: In(list) });
  return new Map(rows.map((s) => [s.id, s.name]));
}

async function lastOpenings(m: EntityManager): Promise<Map<number, SuggestionOpening>> {
  const rows = await m.getRepository(SuggestionOpening).find({ order: { openedAt: 'ASC', id: 'ASC' } });
  return new Map(rows.map((o) => [o.boxId, o]));
}

function boxDto(b: SuggestionBox, last: SuggestionOpening | undefined, now: number, s: BoxSchedule): SuggestionBoxDto {
  const w = boxWeekState(last?.openedAt ?? null, now, s);
  return { id: b.id, code: b.code, name: b.name, location: b.location, active: b.active, lastOpenedAt: last?.openedAt ?? null, lastOpeningId: last?.id ?? null, ...w };
}

export async function listBoxes(m: EntityManager, settings: Settings, now: number, includeInactive: boolean): Promise<SuggestionBoxDto[]> {
  const boxes = await m.getRepository(SuggestionBox).find({ where: includeInactive ? {} : { active: true }, order: { sortOrder: 'ASC', id: 'ASC' } });
  const last = await lastOpenings(m);
  const s = boxSchedule(settings);
  return boxes.map((b) => boxDto(b, last.get(b.id), now, s));
}

export async function saveBox(
  m: EntityManager,
  actor: Actor,
  settings: Settings,
  input: { id?: number; code: string; name: string; location: string; active: boolean },
): Promise<SuggestionBoxDto> {
  const repo = m.getRepository(SuggestionBox);
  const code = input.code.toUpperCase();
  const clash = await repo.findOneBy({ code });
  if (clash && clash.id !== input.id) throw new AppError('CONFLICT', 'errors.suggestionBoxCodeTaken', { code }, [{ path: 'code', message: 'fields.suggestionBoxCodeTaken' }]);
  let box: SuggestionBox;
  if (input.id !== undefined) {
    const found = await repo.findOneBy({ id: input.id });
    if (!found) throw new AppError('NOT_FOUND', 'errors.suggestionBoxNotFound', { id: input.id });
    const before = { code: found.code, name: found.name, location: found.location, active: found.active };
    Object.assign(found, { code, name: input.name, location: input.location, active: input.active });
    box = await repo.save(found);
    await appendEvent(m, actor, { type: 'suggestions.boxSaved', docType: 'suggestionBox', docId: box.id, payload: { before, after: { code, name: input.name, location: input.location, active: input.active } } });
  } else {
    const max = await repo.maximum('sortOrder');
    box = await repo.save(repo.create({ code, name: input.name, location: input.location, active: input.active, sortOrder: (max ?? 0) + 1 }));
    await appendEvent(m, actor, { type: 'suggestions.boxSaved', docType: 'suggestionBox', docId: box.id, payload: { before: null, after: { code, name: input.name, location: input.location, active: input.active } } });
  }
  const last = (await lastOpenings(m)).get(box.id);
  return boxDto(box, last, actor.at, boxSchedule(settings));
}

async function itemDtos(m: EntityManager, items: SuggestionItem[]): Promise<SuggestionItemDto[]> {
  const boxes = new Map((await m.getRepository(SuggestionBox).find()).map((b) => [b.id, b]));
  const openingIds = [...new Set(items.map((i) => i.openingId))];
  const openings = new Map(openingIds.length ? (await m.getRepository(SuggestionOpening).findBy({ id: In(openingIds) })).map((o) => [o.id, o]) : []);
  const names = await staffNames(m, items.flatMap((i) => [i.assigneeId, i.followedUpBy]));
  return items.map((i) => ({
    id: i.id,
    openingId: i.openingId,
    boxId: i.boxId,
    boxName: boxes.get(i.boxId)?.name ?? '',
    openedAt: openings.get(i.openingId)?.openedAt ?? 0,
    text: i.text,
    category: i.category,
    customerName: i.customerName,
    contact: i.contact,
    assigneeId: i.assigneeId,
    assigneeName: i.assigneeId === null ? null : (names.get(i.assigneeId) ?? null),
    status: i.status,
    note: i.note,
    followedUpAt: i.followedUpAt,
    followedUpByName: i.followedUpBy === null ? null : (names.get(i.followedUpBy) ?? null),
  }));
}

async function openingDtos(m: EntityManager, openings: SuggestionOpening[]): Promise<SuggestionOpeningDto[]> {
  if (!openings.length) return [];
  const items = await m.getRepository(SuggestionItem).find({ where: { openingId: In(openings.map((o) => o.id)) }, order: { id: 'ASC' } });
  const dtos = await itemDtos(m, items);
  const boxes = new Map((await m.getRepository(SuggestionBox).find()).map((b) => [b.id, b]));
  const names = await staffNames(m, openings.map((o) => o.openedBy));
  return openings.map((o) => ({
    id: o.id,
    boxId: o.boxId,
    boxName: boxes.get(o.boxId)?.name ?? '',
    openedAt: o.openedAt,
    openedById: o.openedBy,
    openedByName: o.openedBy === null ? null : (names.get(o.openedBy) ?? null),
    witnesses: o.witnesses,
    items: dtos.filter((d) => d.openingId === o.id),
  }));
}

async function activeStaff(m: EntityManager, id: number): Promise<Staff> {
  const s = await m.getRepository(Staff).findOneBy({ id });
  if (!s || !s.active) throw new AppError('NOT_FOUND', 'errors.suggestionAssigneeNotFound', { id }, [{ path: 'assigneeId', message: 'fields.suggestionAssignee' }]);
  return s;
}

export interface NewOpening {
  boxId: number;
  openedAt?: number;
  witnesses: string;
  items: Array<{ text: string; category: SuggestionCategory; customerName: string; contact: string; assigneeId: number | null }>;
}

/** Logs a box opening with its items (all checked before anything is written). Event `suggestions.boxOpened`. */
export async function logOpening(m: EntityManager, actor: Actor, settings: Settings, input: NewOpening): Promise<SuggestionOpeningDto> {
  const box = await m.getRepository(SuggestionBox).findOneBy({ id: input.boxId });
  if (!box) throw new AppError('NOT_FOUND', 'errors.suggestionBoxNotFound', { id: input.boxId }, [{ path: 'boxId', message: 'fields.suggestionBoxNotFound' }]);
  if (!box.active) throw new AppError('RULE_VIOLATION', 'errors.suggestionBoxInactive', { name: box.name });
  const openedAt = input.openedAt ?? actor.at;
  if (openedAt > actor.at) throw new AppError('VALIDATION', 'errors.suggestionOpeningFuture', undefined, [{ path: 'openedAt', message: 'fields.notInFuture' }]);
  for (const [i, item] of input.items.entries()) {
    if (item.assigneeId !== null) {
      const s = await m.getRepository(Staff).findOneBy({ id: item.assigneeId });
      if (!s || !s.active) throw new AppError('NOT_FOUND', 'errors.suggestionAssigneeNotFound', { id: item.assigneeId }, [{ path: `items.${i}.assigneeId`, message: 'fields.suggestionAssignee' }]);
    }
  }
  const opening = await m.save(m.create(SuggestionOpening, { boxId: box.id, openedAt, openedBy: actor.staffId, witnesses: input.witnesses, loggedAt: actor.at }));
  const items: SuggestionItem[] = [];
  for (const item of input.items) {
    items.push(
      await m.save(
        m.create(SuggestionItem, { openingId: opening.id, boxId: box.id, ...item, status: 'open', note: '', followedUpAt: null, followedUpBy: null }),
      ),
    );
  }
  const s = boxSchedule(settings);
  const openingDay = localDate(openedAt, s);
  const weekDay = openingDayOf(openedAt, s);
  await appendEvent(m, actor, {
    type: 'suggestions.boxOpened',
    docType: 'suggestionOpening',
    docId: opening.id,
    payload: {
      boxId: box.id,
      boxCode: box.code,
      openedAt,
      openingDay,
      weekDay,
      /** Opened on the opening weekday before its cut-off (what the evaluation sheet counts as on time). */
      onTime: openingDay === weekDay && openedAt < startOfLocalDate(weekDay, s) + s.cutoffMinutes * 60_000,
      witnesses: input.witnesses,
      itemCount: items.length,
      itemIds: items.map((i) => i.id),
      categories: items.map((i) => i.category),
    },
  });
  return (await openingDtos(m, [opening]))[0]!;
}

export async function getOpening(m: EntityManager, id: number): Promise<SuggestionOpeningDto> {
  const o = await m.getRepository(SuggestionOpening).findOneBy({ id });
  if (!o) throw new AppError('NOT_FOUND', 'errors.suggestionOpeningNotFound', { id });
  return (await openingDtos(m, [o]))[0]!;
}

async function loadItem(m: EntityManager, id: number): Promise<SuggestionItem> {
  const i = await m.getRepository(SuggestionItem).findOneBy({ id });
  if (!i) throw new AppError('NOT_FOUND', 'errors.suggestionItemNotFound', { id });
  return i;
}

export async function assignItem(m: EntityManager, actor: Actor, id: number, assigneeId: number): Promise<SuggestionItemDto> {
  const item = await loadItem(m, id);
  if (item.status === 'closed') throw new AppError('RULE_VIOLATION', 'errors.suggestionItemClosed', { id });
  const staff = await activeStaff(m, assigneeId);
  const before = item.assigneeId;
  item.assigneeId = staff.id;
  await m.save(item);
  await appendEvent(m, actor, { type: 'suggestions.itemAssigned', docType: 'suggestionItem', docId: item.id, payload: { openingId: item.openingId, boxId: item.boxId, before, assigneeId: staff.id } });
  return (await itemDtos(m, [item]))[0]!;
}

/** open → answered → closed (or open → closed); a closed item is final. */
export async function followUpItem(m: EntityManager, actor: Actor, id: number, status: 'answered' | 'closed', note: string): Promise<SuggestionItemDto> {
  const item = await loadItem(m, id);
  if (item.status === 'closed') throw new AppError('RULE_VIOLATION', 'errors.suggestionItemClosed', { id });
  if (item.status === 'answered' && status === 'answered') throw new AppError('RULE_VIOLATION', 'errors.suggestionItemAlreadyAnswered', { id });
  const from = item.status;
  Object.assign(item, { status, note, followedUpAt: actor.at, followedUpBy: actor.staffId });
  await m.save(item);
  const opening = await m.getRepository(SuggestionOpening).findOneByOrFail({ id: item.openingId });
  await appendEvent(m, actor, {
    type: 'suggestions.itemFollowedUp',
    docType: 'suggestionItem',
    docId: item.id,
    payload: { openingId: item.openingId, boxId: item.boxId, from, to: status, note, openedAt: opening.openedAt, minutesSinceOpening: Math.floor((actor.at - opening.openedAt) / 60_000) },
  });
  return (await itemDtos(m, [item]))[0]!;
}

export async function listItems(m: EntityManager, settings: Settings, status: 'open' | 'all', from?: string): Promise<SuggestionItemDto[]> {
  let items: SuggestionItem[];
  if (status === 'open') {
    items = await m.getRepository(SuggestionItem).find({ where: { status: In(['open', 'answered']) }, order: { id: 'DESC' } });
  } else {
    const since = from ? startOfLocalDate(from, { utcOffsetMinutes: settings.get('calendar.utcOffsetMinutes') }) : 0;
    const openings = await m.getRepository(SuggestionOpening).findBy({ openedAt: MoreThanOrEqual(since) });
    items = openings.length ? await m.getRepository(SuggestionItem).find({ where: { openingId: In(openings.map((o) => o.id)) }, order: { id: 'DESC' } }) : [];
  }
  return itemDtos(m, items);
}

/**
 * The Monday meeting: the openings of the week starting on `weekDay` (default: this week's opening day), every item
 * of earlier weeks not yet closed, and the active boxes not opened that week.
 */
export async function meetingSummary(m: EntityManager, settings: Settings, now: number, weekDay?: string): Promise<SuggestionSummaryDto> {
  const s = boxSchedule(settings);
  const day = weekDay ?? openingDayOf(now, s);
  const start = startOfLocalDate(day, s);
  const end = startOfLocalDate(addDays(day, 7), s);
  const openings = await m.getRepository(SuggestionOpening).find({ where: { openedAt: MoreThanOrEqual(start) }, order: { openedAt: 'ASC', id: 'ASC' } });
  const inWeek = openings.filter((o) => o.openedAt < end);
  const earlierOpenings = await m.getRepository(SuggestionOpening).findBy({ openedAt: LessThan(start) });
  const carried = earlierOpenings.length
    ? await m.getRepository(SuggestionItem).find({ where: { openingId: In(earlierOpenings.map((o) => o.id)), status: In(['open', 'answered']) }, order: { id: 'ASC' } })
    : [];
  const boxes = await m.getRepository(SuggestionBox).find({ where: { active: true }, order: { sortOrder: 'ASC', id: 'ASC' } });
  const opened = new Set(inWeek.map((o) => o.boxId));
  return {
    weekDay: day,
    generatedAt: now,
    openings: await openingDtos(m, inWeek),
    carriedOver: await itemDtos(m, carried),
    boxesNotOpened: boxes.filter((b) => !opened.has(b.id)).map((b) => ({ id: b.id, name: b.name })),
  };
}
