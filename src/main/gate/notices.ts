import { In, IsNull, type EntityManager } from 'typeorm';
import type { BoardNoticeDto, NoticeKind } from '../../shared/contract/gate';
import { AppError } from '../../shared/errors';
import { appendEvent, type Actor } from '../events/appendEvent';
import { Product } from '../sales/product.entity';
import { BoardNotice } from './gate.entities';

export interface NewNotice {
  kind: NoticeKind;
  text: string;
  productId?: number | null;
  expectedUntil?: number | null;
}

async function toDtos(m: EntityManager, rows: BoardNotice[]): Promise<BoardNoticeDto[]> {
  const ids = [...new Set(rows.map((r) => r.productId).filter((id): id is number => id !== null))];
  const products = ids.length ? await m.getRepository(Product).findBy({ id: In(ids) }) : [];
  const label = new Map(products.map((p) => [p.id, p.grade]));
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    text: r.text,
    productId: r.productId,
    lineLabel: r.productId === null ? null : (label.get(r.productId) ?? null),
    expectedUntil: r.expectedUntil,
    postedAt: r.postedAt,
  }));
}

/** Notices on the board now, newest first. */
export async function activeNotices(m: EntityManager): Promise<BoardNoticeDto[]> {
  return toDtos(m, await m.getRepository(BoardNotice).find({ where: { clearedAt: IsNull() }, order: { id: 'DESC' } }));
}

/** Posts a notice to the drivers' board (an event records who posted what). */
export async function postNotice(m: EntityManager, actor: Actor, notice: NewNotice): Promise<BoardNoticeDto> {
  if (notice.productId != null && !(await m.getRepository(Product).existsBy({ id: notice.productId }))) {
    throw new AppError('NOT_FOUND', 'errors.productNotFound', { id: notice.productId }, [{ path: 'productId', message: 'errors.productNotFound' }]);
  }
  if (notice.expectedUntil != null && notice.expectedUntil <= actor.at) {
    throw new AppError('VALIDATION', 'errors.validation', undefined, [{ path: 'expectedUntil', message: 'fields.futureTime' }]);
  }
  const row = await m.save(
    m.create(BoardNotice, {
      kind: notice.kind,
      text: notice.text,
      productId: notice.productId ?? null,
      expectedUntil: notice.expectedUntil ?? null,
      postedAt: actor.at,
      postedBy: actor.staffId,
      clearedAt: null,
      clearedBy: null,
    }),
  );
  await appendEvent(m, actor, { type: 'gate.noticePosted', docType: 'board_notice', docId: row.id, payload: { kind: row.kind, text: row.text, productId: row.productId, expectedUntil: row.expectedUntil } });
  return (await toDtos(m, [row]))[0]!;
}

/** Takes a notice off the board; refused if it is already off. */
export async function clearNotice(m: EntityManager, actor: Actor, id: number): Promise<BoardNoticeDto> {
  const row = await m.getRepository(BoardNotice).findOneBy({ id });
  if (!row) throw new AppError('NOT_FOUND', 'errors.noticeNotFound', { id });
  if (row.clearedAt !== null) throw new AppError('RULE_VIOLATION', 'errors.noticeAlreadyCleared', { id });
  row.clearedAt = actor.at;
  row.clearedBy = actor.staffId;
  await m.save(row);
  await appendEvent(m, actor, { type: 'gate.noticeCleared', docType: 'board_notice', docId: row.id, payload: { kind: row.kind } });
  return (await toDtos(m, [row]))[0]!;
}
