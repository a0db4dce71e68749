import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ExitCandidateDto, ExitCheckDto, SealLedgerRowDto } from '../../shared/contract/gate';
import type { SessionDto } from '../../shared/dto';
import { EventLogEntry } from '../events/eventLog.entity';
import { TruckJourney } from '../journey/truckJourney.entity';
import { ExitCheck } from './gate.entities';
import { gateFixture, type GateFixture } from './gateFixture';
import { verifySeals } from './sealVerification';

describe('verifySeals', () => {
  const recorded = [
    { position: '顶盖1', sealNumber: 'FS-0001' },
    { position: '出料口', sealNumber: 'FS-0002' },
  ];
  it('match: every recorded seal read back at its position', () => {
    expect(verifySeals(recorded, [...recorded].reverse())).toEqual({ verdict: 'match', differences: [] });
  });
  it('mismatch: a different number, or a seal where none was recorded', () => {
    expect(verifySeals(recorded, [recorded[0]!, { position: '出料口', sealNumber: 'FS-0099' }])).toEqual({
      verdict: 'mismatch',
      differences: [{ position: '出料口', recorded: 'FS-0002', presented: 'FS-0099' }],
    });
    expect(verifySeals(recorded, [...recorded, { position: '顶盖2', sealNumber: 'FS-0003' }]).verdict).toBe('mismatch');
  });
  it('missing: a recorded seal not read, or nothing recorded at all', () => {
    expect(verifySeals(recorded, [recorded[0]!])).toEqual({ verdict: 'missing', differences: [{ position: '出料口', recorded: 'FS-0002', presented: null }] });
    expect(verifySeals([], [recorded[0]!]).verdict).toBe('missing');
    expect(verifySeals([], []).verdict).toBe('missing');
  });
});

describe('exit check at the gate', () => {
  let f: GateFixture;
  let dispatcher: SessionDto;
  beforeEach(async () => {
    f = await gateFixture();
    dispatcher = await f.core.signInAs('dispatch_clerk', 'P001');
  });
  afterEach(() => f.core.dispose());

  const seals = [
    { position: '顶盖1', sealNumber: 'fs-0001' },
    { position: '出料口', sealNumber: 'FS-0002' },
  ];
  async function weighedBulkTruck() {
    const t = await f.register({ product: 'bulk' });
    await f.moveTo(t.id, ['released', 'tare_weighed', 'loading', 'loaded']);
    await f.core.ok('dispatch.recordSeals', { journeyId: t.id, seals }, dispatcher.token);
    await f.moveTo(t.id, ['gross_weighed']);
    return t;
  }
  const status = async (id: number) => (await f.core.db.read((m) => m.getRepository(TruckJourney).findOneByOrFail({ id }))).status;

  it('matching seals pass; the truck is let out and its slip closes', async () => {
    const t = await weighedBulkTruck();
    const candidate = await f.core.ok<ExitCandidateDto>('gate.findForExit', { code: t.plate }, f.gatekeeper.token);
    expect(candidate.sealPositions).toEqual(['顶盖1', '出料口']);
    expect(JSON.stringify(candidate)).not.toContain('FS-0001'); // the gate reads the numbers, it is not told them
    const check = await f.core.ok<ExitCheckDto>('gate.checkExit', { journeyId: t.id, documentsChecked: true, seals: [{ position: '出料口', sealNumber: 'FS-0002' }, { position: '顶盖1', sealNumber: 'FS-0001' }] }, f.gatekeeper.token);
    expect(check).toMatchObject({ verdict: 'match', passed: true, differences: [] });
    expect(await status(t.id)).toBe('exit_checked');
    await f.core.ok('gate.confirmExit', { journeyId: t.id }, f.gatekeeper.token);
    expect(await status(t.id)).toBe('out');
    const ledger = await f.core.ok<SealLedgerRowDto[]>('gate.listSealLedger', { from: '2026-11-23', to: '2026-11-23' }, f.gatekeeper.token);
    expect(ledger.map((r) => [r.position, r.sealNumber, r.exitVerdict, r.presentedNumber])).toEqual([
      ['顶盖1', 'FS-0001', 'match', 'FS-0001'],
      ['出料口', 'FS-0002', 'match', 'FS-0002'],
    ]);
  });

  it('a mismatch blocks the exit, keeps the check and raises the alert; a later matching check passes', async () => {
    const t = await weighedBulkTruck();
    const r = await f.core.dispatch('gate.checkExit', { journeyId: t.id, documentsChecked: true, seals: [{ position: '顶盖1', sealNumber: 'FS-0001' }, { position: '出料口', sealNumber: 'FS-7777' }] }, f.gatekeeper.token);
    expect(r).toMatchObject({ ok: false, error: { code: 'RULE_VIOLATION', message: 'errors.exitSealsMismatch', params: { plate: t.plate, count: 1 } } });
    expect(await status(t.id)).toBe('gross_weighed');
    expect(await f.core.db.read((m) => m.getRepository(ExitCheck).findBy({ journeyId: t.id }))).toEqual([expect.objectContaining({ verdict: 'mismatch', passed: false })]);
    const alert = await f.core.db.read((m) => m.getRepository(EventLogEntry).findOneByOrFail({ type: 'gate.exitBlocked' }));
    expect(alert.payload).toMatchObject({ verdict: 'mismatch', differences: [{ position: '出料口', recorded: 'FS-0002', presented: 'FS-7777' }] });
    const overview = await f.core.ok<{ blockedExits: ExitCheckDto[]; today: { exitsBlocked: number } }>('gate.getOverview', {}, f.gatekeeper.token);
    expect(overview.blockedExits).toEqual([expect.objectContaining({ truckPlate: t.plate, verdict: 'mismatch' })]);
    expect(overview.today.exitsBlocked).toBe(1);
    expect(await f.refused('gate.confirmExit', { journeyId: t.id })).toMatchObject({ message: 'errors.exitNotChecked' });
    const ledger = await f.core.ok<SealLedgerRowDto[]>('gate.listSealLedger', { from: '2026-11-23', to: '2026-11-23', verdict: 'mismatch' }, f.gatekeeper.token);
    expect(ledger).toHaveLength(2);
    expect(ledger.find((x) => x.position === '出料口')?.presentedNumber).toBe('FS-7777');

    await f.core.ok('gate.checkExit', { journeyId: t.id, documentsChecked: true, seals }, f.gatekeeper.token);
    expect(await status(t.id)).toBe('exit_checked');
  });

  it('a missing seal blocks the exit', async () => {
    const t = await weighedBulkTruck();
    const r = await f.core.dispatch('gate.checkExit', { journeyId: t.id, documentsChecked: true, seals: [seals[0]] }, f.gatekeeper.token);
    expect(r).toMatchObject({ ok: false, error: { message: 'errors.exitSealsMissing' } });
    expect(await status(t.id)).toBe('gross_weighed');
  });

  it('bagged trucks need no seals; unweighed trucks and unchecked documents are refused without writing', async () => {
    const bagged = await f.register();
    await f.moveTo(bagged.id, ['released', 'tare_weighed', 'loading', 'loaded']);
    expect(await f.refused('gate.checkExit', { journeyId: bagged.id, documentsChecked: true })).toMatchObject({ message: 'errors.exitNotWeighed' });
    await f.moveTo(bagged.id, ['gross_weighed']);
    expect(await f.refused('gate.checkExit', { journeyId: bagged.id, documentsChecked: false })).toMatchObject({ code: 'VALIDATION' });
    expect(await f.refused('gate.checkExit', { journeyId: bagged.id, documentsChecked: true, seals: [seals[0], seals[0]] })).toMatchObject({ code: 'VALIDATION' });
    expect(await f.core.db.read((m) => m.count(ExitCheck))).toBe(0);
    const journey = await f.core.db.read((m) => m.getRepository(TruckJourney).findOneByOrFail({ id: bagged.id }));
    const check = await f.core.ok<ExitCheckDto>('gate.checkExit', { journeyId: bagged.id, documentsChecked: true }, f.gatekeeper.token);
    expect(check).toMatchObject({ verdict: 'not_required', passed: true });
    expect((await f.core.ok<ExitCandidateDto>('gate.findForExit', { code: journey.number.toLowerCase() }, f.gatekeeper.token)).journey.status).toBe('exit_checked');
    expect(await f.refused('gate.findForExit', { code: 'TJ-2026-999999' })).toMatchObject({ code: 'NOT_FOUND', message: 'errors.exitTruckNotFound' });
  });

  it('seals only for bulk trucks, only once loaded, and need at least one', async () => {
    const bagged = await f.register();
    await f.moveTo(bagged.id, ['released', 'tare_weighed', 'loading', 'loaded']);
    expect(await f.refused('dispatch.recordSeals', { journeyId: bagged.id, seals }, dispatcher.token)).toMatchObject({ message: 'errors.sealsOnlyBulk' });
    const bulk = await f.register({ product: 'bulk' });
    expect(await f.refused('dispatch.recordSeals', { journeyId: bulk.id, seals }, dispatcher.token)).toMatchObject({ message: 'errors.journeyMoveRefused' });
    expect(await f.refused('dispatch.recordSeals', { journeyId: bulk.id, seals: [] }, dispatcher.token)).toMatchObject({ code: 'VALIDATION' });
    expect(await f.refused('dispatch.recordSeals', { journeyId: bulk.id, seals }, f.gatekeeper.token)).toMatchObject({ code: 'FORBIDDEN' });
  });
});
