import { resolve } from 'node:path';
import type { CounterProtocol } from '../../../shared/bagCounter';
import { startSimProcess, type SimProcess } from '../../io/testing';

export { socatAvailable, startPtyPair, waitFor, type PtyPair } from '../../io/testing';

/**
 * Test helpers for the bag counter driver (vitest and Playwright): the counter simulator (scripts/counter-sim.mjs)
 * on one end of a socat pty pair (`startPtyPair` from src/main/io/testing.ts); the driver / host reads the other.
 *
 *   const pty = await startPtyPair();
 *   const sim = await startCounterSimulator({ port: pty.simPort, bagsPerMinute: 600 });
 *   … dispatch.counterPort = pty.hostPort (or `--bag-counter-port`) …
 *   await sim.send('garbage 6 mixed'); await waitFor(() => sim.output().includes('sim: P1 done 40'));
 */
export interface CounterSimulatorOptions {
  port: string;
  protocol?: CounterProtocol;
  /** Bags a minute per armed channel (default 60). */
  bagsPerMinute?: number;
  /** asciiLine: every channel's count is reported again this often (ms, default 1000). */
  reportMs?: number;
  script?: string;
}

export type CounterSimulator = SimProcess;

export async function startCounterSimulator(opts: CounterSimulatorOptions): Promise<CounterSimulator> {
  const script = opts.script ?? resolve(process.cwd(), 'scripts', 'counter-sim.mjs');
  const args = ['--port', opts.port, '--protocol', opts.protocol ?? 'asciiLine', '--rate', String(opts.bagsPerMinute ?? 60), '--report-ms', String(opts.reportMs ?? 1000)];
  return startSimProcess(script, args, 'counter-sim');
}
