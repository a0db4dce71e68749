import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { SerialScale, type SerialScaleConfig } from './serialScale';
import { socatAvailable, startPtyPair, startSimulator, waitFor, type PtyPair, type Simulator } from './testing';

/**
 * Acceptance: the driver against a REAL pseudo-terminal pair (socat) fed by the simulator (scripts/scale-sim.mjs).
 * Skipped only when socat is not installed (CI installs it).
 */
const hasSocat = socatAvailable();
if (!hasSocat) console.warn('[scale] socat is not installed: the serial driver acceptance tests are SKIPPED (apt-get install socat)');

const baseConfig = (port: string): SerialScaleConfig => ({
  port,
  baudRate: 9600,
  parity: 'none',
  dataBits: 8,
  stopBits: 1,
  format: 'xk3190a9',
  weightUnit: 'kg',
  stableCount: 5,
  stableToleranceKg: 20,
  settleMs: 600,
});

describe.skipIf(!hasSocat)('SerialScale on a socat pty pair fed by the simulator', () => {
  let pty: PtyPair;
  let sim: Simulator | null = null;
  let scale: SerialScale | null = null;
  const logs: string[] = [];

  beforeAll(async () => {
    pty = await startPtyPair();
  });
  afterEach(async () => {
    await scale?.close();
    await sim?.stop();
    scale = null;
    sim = null;
  });
  afterAll(async () => {
    await pty?.cleanup();
  });

  const open = (config: Partial<SerialScaleConfig> = {}) => {
    scale = new SerialScale({ ...baseConfig(pty.hostPort), ...config }, { reconnectMs: 200, staleMs: 1000, log: (l) => logs.push(l) });
    return scale;
  };

  it('XK3190-A9: stable weight detected; jitter refused; garbage rejected with a reason and not taken; silence is not stable', async () => {
    const s = open();
    sim = await startSimulator({ port: pty.simPort, weight: 32_140, rate: 20 });
    expect(s.stableWeight()).toBeNull();
    await waitFor(() => s.snapshot().status === 'connected', 10_000, 'connected');
    const stable = await waitFor(() => s.stableWeight(), 10_000, 'a stable weight');
    expect(stable.kg).toBe(32_140);
    expect(s.snapshot()).toMatchObject({ status: 'connected', kg: 32_140, stable: true, message: null, format: 'xk3190a9' });

    // Unstable: ±60 kg every frame (tolerance 20 kg) → never stable.
    await sim.send('jitter 15000 60');
    await waitFor(() => s.snapshot().kg === 15_060 || s.snapshot().kg === 14_940, 10_000, 'jittering readings');
    expect(s.stableWeight()).toBeNull();
    await new Promise((r) => setTimeout(r, 800)); // longer than the settle time: still refused
    expect(s.stableWeight()).toBeNull();
    expect(s.snapshot().stable).toBe(false);

    // Back to steady, then garbage frames: rejected with reasons, the weight stays the last good one.
    await sim.send('hold 20000');
    await waitFor(() => s.stableWeight()?.kg === 20_000, 10_000, 'stable 20 000');
    await sim.send('stop');
    await sim.send('garbage 8 mixed');
    await sim.send('start');
    await waitFor(() => (s.snapshot().rejects ?? []).length >= 4, 10_000, 'rejected frames');
    const snap = s.snapshot();
    const reasons = new Set((snap.rejects ?? []).map((r) => r.reason));
    expect(reasons).toEqual(new Set(['badChecksum', 'badLength', 'notDigits', 'noise']));
    expect(snap.rejectCounts?.badChecksum).toBeGreaterThanOrEqual(1);
    expect(snap.message).toMatch(/^scale\.reject\./);
    expect(snap.kg).toBe(20_000); // nothing from the garbage was taken
    expect(logs.some((l) => l.includes('frame rejected (badChecksum)'))).toBe(true);

    // Silence: the reading goes stale, no stable weight.
    await sim.send('stop');
    await waitFor(() => s.snapshot().message === 'scale.noData', 10_000, 'no data');
    expect(s.stableWeight()).toBeNull();
  });

  it('ST,GS lines in tonnes: the indicator flag "US" is never stable; "ST" lines settle', async () => {
    const s = open({ format: 'stgs', weightUnit: 'kg' });
    sim = await startSimulator({ port: pty.simPort, format: 'stgs', unit: 't', decimals: 2, weight: 41_230, rate: 20 });
    expect((await waitFor(() => s.stableWeight(), 10_000, 'a stable weight')).kg).toBe(41_230);
    await sim.send('ramp 10000 600');
    await waitFor(() => s.snapshot().kg !== 41_230 && !s.snapshot().stable, 10_000, 'moving');
    expect(s.stableWeight()).toBeNull();
    expect((await waitFor(() => s.stableWeight(), 10_000, 'stable after the ramp')).kg).toBe(10_000);
  });

  it('cable pull: socat killed → disconnected; socat back → reconnects and reads again', async () => {
    const s = open();
    const changes: string[] = [];
    s.onChange((snap) => changes.push(snap.status));
    sim = await startSimulator({ port: pty.simPort, weight: 18_000, rate: 20 });
    await waitFor(() => s.stableWeight()?.kg === 18_000, 10_000, 'stable 18 000');

    await pty.stop();
    await waitFor(() => s.snapshot().status === 'disconnected', 10_000, 'disconnected');
    expect(s.snapshot().message).toMatch(/^scale\.(cableDisconnected|portNotFound)$/);
    expect(s.stableWeight()).toBeNull();
    // while the port is gone the driver keeps retrying (and says why)
    await waitFor(() => s.snapshot().message === 'scale.portNotFound', 10_000, 'retrying on a missing port');

    await pty.restart();
    await sim.send('hold 18500'); // the simulator reopens its end by itself
    await waitFor(() => s.snapshot().status === 'connected', 10_000, 'reconnected');
    expect((await waitFor(() => (s.stableWeight()?.kg === 18_500 ? s.stableWeight() : null), 10_000, 'readings again')).kg).toBe(18_500);
    expect(changes).toEqual(expect.arrayContaining(['connected', 'disconnected']));
    expect(changes.lastIndexOf('connected')).toBeGreaterThan(changes.indexOf('disconnected'));
  });

  it('a port that does not exist: disconnected with the reason, no crash, close() stops the retries', async () => {
    const s = open({ port: `${pty.dir}/missing` });
    await waitFor(() => s.snapshot().status === 'disconnected', 10_000, 'disconnected');
    expect(s.snapshot()).toMatchObject({ message: 'scale.portNotFound', kg: null, stable: false });
    await s.close();
  });
});
