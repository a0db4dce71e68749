import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { freePort } from '../../src/main/testing/freePort';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The build the tests run against: `out` (npm run build), or another `--outDir` given as DD_OUT_DIR. */
export const OUT_DIR = process.env.DD_OUT_DIR ?? 'out';

export interface Host {
  url: string;
  dataDir: string;
  process: ChildProcess;
  output: () => string;
  stop(signal?: NodeJS.Signals): Promise<void>;
}

/** Starts the built headless host (`out/main/headless.js`) on a free port; resolves once it listens. */
export async function startHost(opts: { demo?: boolean; dataDir?: string } = {}): Promise<Host> {
  const dataDir = opts.dataDir ?? mkdtempSync(join(tmpdir(), 'dd-e2e-'));
  const port = await freePort();
  const args = [`${OUT_DIR}/main/headless.js`, '--port', String(port), '--data-dir', dataDir, ...(opts.demo ? ['--demo'] : [])];
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`host did not start:\n${out}`)), 30_000);
    const check = () => {
      if (out.includes('headless host on')) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout!.on('data', check);
    child.on('exit', (code) => reject(new Error(`host exited (${code}):\n${out}`)));
  });
  return {
    url: `http://127.0.0.1:${port}`,
    dataDir,
    process: child,
    output: () => out,
    stop: (signal = 'SIGTERM') =>
      new Promise((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill(signal);
      }),
  };
}

export async function call<T = unknown>(host: Host, method: string, input: unknown, token?: string): Promise<{ status: number; body: { ok: boolean; value?: T; error?: { code: string } } }> {
  const res = await fetch(`${host.url}/api/${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(input),
  });
  return { status: res.status, body: (await res.json()) as { ok: boolean; value?: T; error?: { code: string } } };
}
