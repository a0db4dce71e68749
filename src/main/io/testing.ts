import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Test helpers for the serial device drivers (vitest and Playwright): a socat pseudo-terminal pair (the "cable") and
 * a simulator script run as a child process that takes commands on stdin and acknowledges them with "ok <command>".
 * Used by the scale (weighing/scale/testing.ts) and the bag counter (dispatch/counter/testing.ts).
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
export async function startPtyPair(dir = mkdtempSync(join(tmpdir(), 'dd-serial-'))): Promise<PtyPair> {
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

export interface SimProcess {
  /** Sends a command and waits for its acknowledgement ("ok <command>"). */
  send(command: string): Promise<void>;
  output(): string;
  stop(): Promise<void>;
}

/** Runs `node <script> <args>` and waits for its first "sim: " line. */
export async function startSimProcess(script: string, args: string[], label: string): Promise<SimProcess> {
  const child = spawn(process.execPath, [script, ...args], { stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' } });
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (out += d.toString()));
  await waitFor(() => (child.exitCode !== null ? Promise.reject(new Error(`${label} exited: ${out}`)) : out.includes('sim: ')), 15_000, `${label} to start`);
  return {
    async send(command: string) {
      const mark = out.length;
      child.stdin.write(`${command}\n`);
      await waitFor(
        () => {
          const reply = out.slice(mark);
          if (reply.includes(`error `)) throw new Error(`${label}: ${reply.trim()}`);
          return reply.includes(`ok ${command.trim()}`);
        },
        10_000,
        `${label} to take "${command}"`,
      );
    },
    output: () => out,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited(child);
    },
  };
}
