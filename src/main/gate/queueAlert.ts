import { IsNull, type EntityManager } from 'typeorm';
import type { QueueAlertDto } from '../../shared/contract/gate';
import { AppError } from '../../shared/errors';
import { appendEvent, type Actor } from '../events/appendEvent';
import { TruckJourney } from '../journey/truckJourney.entity';
import { staffNames } from '../transport/authorizations';
import { BoardNotice, QueueAlert } from './gate.entities';
import { postNotice } from './notices';

export async function queuedCount(m: EntityManager): Promise<number> {
  return m.getRepository(TruckJourney).countBy({ status: 'registered' });
}

export async function alertDto(m: EntityManager, a: QueueAlert): Promise<QueueAlertDto> {
  const names = await staffNames(m, [a.answeredBy]);
  return {
    id: a.id,
    raisedAt: a.raisedAt,
    queuedCount: a.queuedCount,
    threshold: a.threshold,
    answeredAt: a.answeredAt,
    answeredByName: a.answeredBy === null ? null : (names.get(a.answeredBy) ?? null),
    packingContact: a.packingContact,
    answer: a.answer,
  };
}

/** The alert the gate still has to deal with: the newest one that is unanswered or whose queue is still long. */
export async function openAlert(m: EntityManager): Promise<QueueAlertDto | null> {
  const row = await m
    .getRepository(QueueAlert)
    .createQueryBuilder('a')
    .where('a.answeredAt IS NULL OR a.closedAt IS NULL')
    .orderBy('a.id', 'DESC')
    .getOne();
  return row ? alertDto(m, row) : null;
}

/**
 * After the queue changed: more than `threshold` trucks waiting and no alert running → raise one (SPEC §3.3);
 * back to the threshold or below → the running alert ends and its board notice comes down.
 */
export async function followQueueLength(m: EntityManager, actor: Actor, threshold: number): Promise<QueueAlert | null> {
  const count = await queuedCount(m);
  const running = await m.getRepository(QueueAlert).findOne({ where: { closedAt: IsNull() }, order: { id: 'DESC' } });
  if (count > threshold && !running) {
    const alert = await m.save(
      m.create(QueueAlert, { raisedAt: actor.at, queuedCount: count, threshold, answeredAt: null, answeredBy: null, packingContact: null, answer: null, noticeId: null, closedAt: null }),
    );
    await appendEvent(m, actor, { type: 'gate.queueAlertRaised', docType: 'queue_alert', docId: alert.id, payload: { queuedCount: count, threshold } });
    return alert;
  }
  if (count <= threshold && running) {
    running.closedAt = actor.at;
    await m.save(running);
    if (running.noticeId !== null) await m.update(BoardNotice, { id: running.noticeId, clearedAt: IsNull() }, { clearedAt: actor.at, clearedBy: actor.staffId });
    await appendEvent(m, actor, { type: 'gate.queueAlertClosed', docType: 'queue_alert', docId: running.id, payload: { queuedCount: count, threshold, answered: running.answeredAt !== null } });
  }
  return null;
}

/** Records the packing section's answer and posts it on the board (as a queue notice). */
export async function answerAlert(m: EntityManager, actor: Actor, input: { alertId: number; packingContact: string; answer: string }): Promise<QueueAlertDto> {
  const alert = await m.getRepository(QueueAlert).findOneBy({ id: input.alertId });
  if (!alert) throw new AppError('NOT_FOUND', 'errors.queueAlertNotFound', { id: input.alertId });
  if (alert.answeredAt !== null) throw new AppError('RULE_VIOLATION', 'errors.queueAlertAnswered', { id: alert.id });
  const notice = alert.closedAt === null ? await postNotice(m, actor, { kind: 'queue_answer', text: input.answer }) : null;
  alert.answeredAt = actor.at;
  alert.answeredBy = actor.staffId;
  alert.packingContact = input.packingContact;
  alert.answer = input.answer;
  alert.noticeId = notice?.id ?? null;
  await m.save(alert);
  await appendEvent(m, actor, {
    type: 'gate.queueAlertAnswered',
    docType: 'queue_alert',
    docId: alert.id,
    payload: { raisedAt: alert.raisedAt, queuedCount: alert.queuedCount, packingContact: input.packingContact, answer: input.answer, noticeId: alert.noticeId },
  });
  return alertDto(m, alert);
}
