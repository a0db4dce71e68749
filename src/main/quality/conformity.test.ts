import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BatchDto, ConformityCandidateDto, ConformityCertificateDto } from '../../shared/contract/quality';
import type { CaptureResultDto } from '../../shared/contract/weighing';
import type { SessionDto } from '../../shared/dto';
import { EventLogEntry } from '../events/eventLog.entity';
import { weighingFixture, type WeighingFixture } from '../weighing/weighingFixture';
import { ConformityCertificate } from './quality.entities';

describe('certificates of conformity (合格证) against the weighing ticket', () => {
  let x: WeighingFixture;
  let qc: SessionDto;
  let batch: BatchDto;

  /** A bagged truck through tare (15 t), loading (600 bags) and gross (45.02 t): a completed ticket. */
  async function weighedTruck(): Promise<{ journeyId: number; ticket: string; journeyNumber: string }> {
    const truck = await x.releasedTruck();
    const tare = await x.weigh('weighing.captureTare', truck.id, 15_000);
    await x.moveTo(truck.id, ['loading', 'loaded'], 600);
    const gross = await x.weigh('weighing.captureGross', truck.id, 45_020);
    expect(gross).toMatchObject<Partial<CaptureResultDto>>({ outcome: 'weighed' });
    return { journeyId: truck.id, ticket: tare.ticket!.number, journeyNumber: gross.journey.number };
  }

  beforeEach(async () => {
    x = await weighingFixture();
    qc = await x.core.signInAs('quality_clerk', 'Q001');
    batch = await x.core.ok<BatchDto>('quality.createBatch', { batchNumber: 'P1-261120-01', productId: x.ids.bagged, productionDate: '2026-11-20' }, qc.token);
  });
  afterEach(() => x.core.dispose());

  it('issues one per completed ticket with batch, product and net from the ticket; found by ticket or gate pass; re-print keeps the number', async () => {
    const t = await weighedTruck();
    const found = await x.core.ok<ConformityCandidateDto>('quality.findTicket', { code: t.journeyNumber.toLowerCase() }, qc.token);
    expect(found).toMatchObject({ ticketNumber: t.ticket, netKg: 30_020, grade: 'P.O 42.5', packaging: 'bagged', existing: null });
    const cc = await x.core.ok<ConformityCertificateDto>('quality.issueConformity', { code: t.ticket, batchId: batch.id }, qc.token);
    expect(cc).toMatchObject({ number: 'CC-2026-000001', ticketNumber: t.ticket, batchNumber: 'P1-261120-01', netKg: 30_020, customerName: '测试建材公司', printCount: 1 });
    const ev = await x.core.db.read((m) => m.getRepository(EventLogEntry).findOneByOrFail({ type: 'quality.conformityIssued' }));
    expect(ev.payload).toMatchObject({ number: cc.number, ticketNumber: t.ticket, netKg: 30_020, batchNumber: 'P1-261120-01' });

    // re-issue refused (naming the certificate), re-print allowed with the same number
    expect(await x.refused('quality.issueConformity', { code: t.journeyNumber, batchId: batch.id }, qc.token)).toMatchObject({
      code: 'RULE_VIOLATION',
      message: 'errors.conformityAlreadyIssued',
      params: { number: cc.number, ticket: t.ticket },
    });
    expect(await x.core.ok<ConformityCertificateDto>('quality.reprintConformity', { id: cc.id }, qc.token)).toMatchObject({ number: cc.number, printCount: 2 });
    expect((await x.core.ok<ConformityCandidateDto>('quality.findTicket', { code: t.ticket }, qc.token)).existing).toMatchObject({ number: cc.number, printCount: 2 });
    expect(await x.core.db.read((m) => m.count(ConformityCertificate))).toBe(1);
  });

  it('refused, writing nothing: a ticket not yet gross-weighed, an unknown code, a batch of another product, the weighbridge role', async () => {
    const truck = await x.releasedTruck();
    const tare = await x.weigh('weighing.captureTare', truck.id, 15_000);
    expect(await x.refused('quality.issueConformity', { code: tare.ticket!.number, batchId: batch.id }, qc.token)).toMatchObject({ message: 'errors.conformityTicketNotDone' });
    expect(await x.refused('quality.findTicket', { code: 'WT-2026-999999' }, qc.token)).toMatchObject({ code: 'NOT_FOUND', message: 'errors.conformityTicketNotFound' });
    const waiting = await x.releasedTruck();
    const journeyNumber = (await x.journey(waiting.id)).number;
    expect(await x.refused('quality.findTicket', { code: journeyNumber }, qc.token)).toMatchObject({ message: 'errors.conformityTicketNotDone', params: { number: journeyNumber, status: 'released' } });
    const t = await weighedTruck();
    const bulkBatch = await x.core.ok<BatchDto>('quality.createBatch', { batchNumber: 'S1-261120-01', productId: x.ids.bulk, productionDate: '2026-11-20' }, qc.token);
    expect(await x.refused('quality.issueConformity', { code: t.ticket, batchId: bulkBatch.id }, qc.token)).toMatchObject({ message: 'errors.batchOfOtherProduct' });
    expect(await x.refused('quality.issueConformity', { code: t.ticket, batchId: batch.id })).toMatchObject({ code: 'FORBIDDEN' });
    expect(await x.refused('quality.issueConformity', { code: '', batchId: batch.id }, qc.token)).toMatchObject({ code: 'VALIDATION' });
    expect(await x.core.db.read((m) => m.count(ConformityCertificate))).toBe(0);
  });
});
