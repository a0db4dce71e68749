import { resolve } from 'node:path';
import { startSimProcess } from '../../io/testing';

export { socatAvailable, startPtyPair, waitFor, type PtyPair } from '../../io/testing';

/**
 * Test helpers for the scale driver (vitest and Playwright): a socat pseudo-terminal pair and the indicator
 * simulator (scripts/scale-sim.mjs) writing to one end. The host / driver reads the other end. The pty pair and
 * the process handling are the shared serial test helpers (src/main/io/testing.ts).
 *
 *   const pty = await startPtyPair();                       // pty.hostPort ↔ pty.simPort
 *   const sim = await startSimulator({ port: pty.simPort, weight: 32_140 });
 *   … settings weighing.scalePort = pty.hostPort (or `--scale-port`) …
 *   await sim.send('jitter 32140 80'); await pty.stop(); await pty.restart(); …
 *   await sim.stop(); await pty.stop(); pty.cleanup();
 */

export interface SimulatorOptions {
  port: string;
  format?: 'xk3190a9' | 'stgs';
  unit?: 'kg' | 't';
  decimals?: number;
  /** Frames per second (default 10). */
  rate?: number;
  /** Initial weight, held steadily (kg). */
  weight?: number;
  /** Path to scripts/scale-sim.mjs (default: from the working directory, the repository root). */
  script?: string;
}

export interface Simulator {
  /** Sends a command (see scripts/scale-sim.mjs) and waits for its acknowledgement. */
  send(command: string): Promise<void>;
  output(): string;
  stop(): Promise<void>;
}

export async function startSimulator(opts: SimulatorOptions): Promise<Simulator> {
  const script = opts.script ?? resolve(process.cwd(), 'scripts', 'scale-sim.mjs');
  const args = ['--port', opts.port, '--format', opts.format ?? 'xk3190a9', '--unit', opts.unit ?? 'kg', '--decimals', String(opts.decimals ?? 0), '--rate', String(opts.rate ?? 10), '--weight', String(opts.weight ?? 0)];
  return startSimProcess(script, args, 'scale-sim');
}
