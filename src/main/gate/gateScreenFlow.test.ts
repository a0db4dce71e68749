import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ExitCandidateDto, ExitCheckDto, GateOverviewDto, SealLedgerRowDto } from '../../shared/contract/gate';
import type { SessionDto } from '../../shared/dto';
import { gateFixture, type GateFixture } from './gateFixture';

/**
 * The exit panel's flow on the gate screen, call by call as the renderer makes them (the weighing and loading
 * windows are not there yet, so the journey is moved through the machine directly): find by plate → positions only,
 * a refused check is committed and shows on the reloaded candidate and the overview, a passing check puts the truck
 * in `awaitingExit` until it is let out; the seal ledger follows each step.
 */
describe('gate screen: exit panel flow', () => {
  let f: GateFixture;
  let dispatcher: SessionDto;
  beforeEach(async () => {
    f = await gateFixture();
    dispatcher = await f.core.signInAs('dispatch_clerk', 'P001');
  });
  afterEach(() => f.core.dispose());

  const day = '2026-11-23';
  const overview = () => f.core.ok<GateOverviewDto>('gate.getOverview', {}, f.gatekeeper.token);
  const ledger = (verdict?: string) => f.core.ok<SealLedgerRowDto[]>('gate.listSealLedger', { from: day, to: day, ...(verdict ? { verdict } : {}) }, f.gatekeeper.token);

  it('blocked, shown with its differences, then passed, awaiting exit, let out', async () => {
    const t = await f.register({ product: 'bulk' });
    await f.moveTo(t.id, ['released', 'tare_weighed', 'loading', 'loaded']);
    await f.core.ok('dispatch.recordSeals', { journeyId: t.id, seals: [{ position: '顶盖1', sealNumber: 'FS-1001' }, { position: '出料口', sealNumber: 'FS-1002' }] }, dispatcher.token);
    expect((await ledger('unchecked')).map((r) => r.sealNumber)).toEqual(['FS-1001', 'FS-1002']);
    // Not weighed yet: the panel shows the status and offers no check.
    const early = await f.core.ok<ExitCandidateDto>('gate.findForExit', { code: t.plate }, f.gatekeeper.token);
    expect(early.journey.status).toBe('sealed');
    await f.moveTo(t.id, ['gross_weighed']);

    // Scanned by journey number (lower case, as a scanner may send it): positions, never numbers.
    const number = early.journey.number;
    const candidate = await f.core.ok<ExitCandidateDto>('gate.findForExit', { code: ` ${number.toLowerCase()} ` }, f.gatekeeper.token);
    expect(candidate).toMatchObject({ sealPositions: ['顶盖1', '出料口'], lastCheck: null });
    expect(JSON.stringify(candidate)).not.toMatch(/FS-100/);

    // One seal read wrong: refused, but recorded; the reloaded candidate carries the check with its difference.
    const refused = await f.refused('gate.checkExit', { journeyId: t.id, documentsChecked: true, seals: [{ position: '顶盖1', sealNumber: 'fs-1001' }, { position: '出料口', sealNumber: 'FS-1999' }] });
    expect(refused).toMatchObject({ code: 'RULE_VIOLATION', message: 'errors.exitSealsMismatch', params: { plate: t.plate, count: 1 } });
    const reloaded = await f.core.ok<ExitCandidateDto>('gate.findForExit', { code: t.plate }, f.gatekeeper.token);
    expect(reloaded.lastCheck).toMatchObject({ passed: false, verdict: 'mismatch', differences: [{ position: '出料口', recorded: 'FS-1002', presented: 'FS-1999' }] });
    const blocked = await overview();
    expect(blocked.blockedExits.map((b) => b.truckPlate)).toEqual([t.plate]);
    expect(blocked.awaitingExit).toEqual([]);
    expect((await ledger('mismatch')).map((r) => [r.position, r.presentedNumber])).toEqual([
      ['顶盖1', 'FS-1001'],
      ['出料口', 'FS-1999'],
    ]);

    // Documents must be ticked: refused before anything is recorded.
    const unticked = await f.refused('gate.checkExit', { journeyId: t.id, documentsChecked: false, seals: [] });
    expect(unticked.code).toBe('VALIDATION');

    // Read again correctly: passes, the alert is gone and the truck waits to be let out.
    const passed = await f.core.ok<ExitCheckDto>('gate.checkExit', { journeyId: t.id, documentsChecked: true, seals: [{ position: '顶盖1', sealNumber: 'FS-1001' }, { position: '出料口', sealNumber: 'FS-1002' }] }, f.gatekeeper.token);
    expect(passed).toMatchObject({ passed: true, verdict: 'match' });
    const waiting = await overview();
    expect(waiting.blockedExits).toEqual([]);
    expect(waiting.awaitingExit.map((j) => j.truckPlate)).toEqual([t.plate]);
    // The ledger keeps the first reading at the exit (the mismatch is the fact on record).
    expect((await ledger('mismatch')).length).toBe(2);

    await f.core.ok('gate.confirmExit', { journeyId: t.id }, f.gatekeeper.token);
    const after = await overview();
    expect(after.awaitingExit).toEqual([]);
    expect(after.today.out).toBe(1);
  });

  it('a bagged truck needs no seals: documents checked is enough', async () => {
    const t = await f.register({ product: 'bagged' });
    await f.moveTo(t.id, ['released', 'tare_weighed', 'loading', 'loaded', 'gross_weighed']);
    const candidate = await f.core.ok<ExitCandidateDto>('gate.findForExit', { code: t.plate }, f.gatekeeper.token);
    expect(candidate.sealPositions).toEqual([]);
    const check = await f.core.ok<ExitCheckDto>('gate.checkExit', { journeyId: t.id, documentsChecked: true, seals: [] }, f.gatekeeper.token);
    expect(check).toMatchObject({ passed: true, verdict: 'not_required' });
    expect((await overview()).awaitingExit.map((j) => j.truckPlate)).toEqual([t.plate]);
  });
});
