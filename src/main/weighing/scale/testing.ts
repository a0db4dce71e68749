import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/**
 * Test helpers for the scale driver (vitest and Playwright): a socat pseudo-terminal pair and the indicator
 * simulator (scripts/scale-sim.mjs) writing to one end. The host / driver reads the other end.
 *
 *   const pty = await startPtyPair();                       // pty.hostPort ↔ pty.simPort
 *   const sim = await startSimulator({ port: pty.simPort, weight: 32_140 });
 *   … settings weighing.scalePort = pty.hostPort (or `--scale-port`) …
 *   await sim.send('jitter 32140 80'); await pty.stop(); await pty.restart(); …
 *   await sim.stop(); await pty.stop(); pty.cleanup();
 */

export function socatAvailable(): boolean {
  return spawnSync('socat', ['-V'], { stdio: 'ignore' }).status === 0;
}

/** Polls `condition` every `everyMs` until it returns a truthy value (returned) or `timeoutMs` passes (throws). */
export async function waitFor<T>(condition: () => T | Promise<T>, timeoutMs = 5000, what = 'condition', everyMs = 25): Promise<NonNullable<T>> {
  const until = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await condition();
      if (value) return value as NonNullable<T>;
      last = value;
    } catch (err) {
      last = err;
    }
    if (Date.now() > until) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what} (last: ${String(last)})`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((r) => child.once('exit', () => r()));
}

export interface PtyPair {
  dir: string;
  /** The end the host's driver opens. */
  hostPort: string;
  /** The end the simulator writes to. */
  simPort: string;
  /** Kills socat: both ends close (the "cable pull"); its links are removed. */
  stop(): Promise<void>;
  /** Starts socat again on the same link paths (the cable is plugged back in). */
  restart(): Promise<void>;
  /** Stops socat and removes the folder. */
  cleanup(): Promise<void>;
}

/** Starts `socat pty,raw,echo=0,link=<dir>/A pty,raw,echo=0,link=<dir>/B` and waits for both links. */
export async function startPtyPair(dir = mkdtempSync(join(tmpdir(), 'dd-scale-'))): Promise<PtyPair> {
  const hostPort = join(dir, 'A');
  const simPort = join(dir, 'B');
  let child: ChildProcess | null = null;
  const start = async () => {
    rmSync(hostPort, { force: true });
    rmSync(simPort, { force: true });
    const c = spawn('socat', [`pty,raw,echo=0,link=${hostPort}`, `pty,raw,echo=0,link=${simPort}`], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    c.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
    child = c;
    await waitFor(() => (c.exitCode !== null ? Promise.reject(new Error(`socat exited: ${stderr}`)) : existsSync(hostPort) && existsSync(simPort)), 15_000, 'the socat pty links');
  };
  const stop = async () => {
    const c = child;
    child = null;
    if (!c) return;
    c.kill('SIGTERM');
    await exited(c);
    rmSync(hostPort, { force: true });
    rmSync(simPort, { force: true });
  };
  await start();
  return {
    dir,
    hostPort,
    simPort,
    stop,
    restart: async () => {
      await stop();
      await start();
    },
    cleanup: async () => {
      await stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

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
  const args = [script, '--port', opts.port, '--format', opts.format ?? 'xk3190a9', '--unit', opts.unit ?? 'kg', '--decimals', String(opts.decimals ?? 0), '--rate', String(opts.rate ?? 10), '--weight', String(opts.weight ?? 0)];
  const child = spawn(process.execPath, args, { stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' } });
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (out += d.toString()));
  await waitFor(() => (child.exitCode !== null ? Promise.reject(new Error(`scale-sim exited: ${out}`)) : out.includes('sim: ')), 15_000, 'the simulator to start');
  return {
    async send(command: string) {
      const mark = out.length;
      child.stdin.write(`${command}\n`);
      await waitFor(
        () => {
          const reply = out.slice(mark);
          if (reply.includes(`error `)) throw new Error(`scale-sim: ${reply.trim()}`);
          return reply.includes(`ok ${command.trim()}`);
        },
        10_000,
        `the simulator to take "${command}"`,
      );
    },
    output: () => out,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited(child);
    },
  };
}
