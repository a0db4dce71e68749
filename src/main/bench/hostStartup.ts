import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';

export interface HostFigures {
  /** From spawning the process to the first API answer. */
  startMs: number;
  /** Resident memory of the host process after it answered a board query and a customer search. */
  rssMb: number;
}

/** Starts the built headless host on the database and measures its first answer and its memory (Linux /proc). */
export async function measureHostStartup(headlessBundle: string, dataDir: string): Promise<HostFigures> {
  const started = performance.now();
  const child = spawn(process.execPath, [headlessBundle, '--port', '0', '--data-dir', dataDir], { stdio: ['ignore', 'pipe', 'pipe'] });
  try {
    const url = await new Promise<string>((resolve, reject) => {
      let out = '';
      const timer = setTimeout(() => reject(new Error(`the host did not start: ${out}`)), 60_000);
      child.stdout.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        const m = /on (http:\/\/[^/\s]+)\//.exec(out);
        if (m) {
          clearTimeout(timer);
          resolve(m[1]);
        }
      });
      child.stderr.on('data', (chunk: Buffer) => (out += chunk.toString()));
      child.on('exit', (code) => reject(new Error(`the host exited (${code}): ${out}`)));
    });
    const post = async (method: string, input: unknown) => {
      const res = await fetch(`${url}/api/${method}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(input) });
      if (!res.ok) throw new Error(`${method}: HTTP ${res.status}`);
      return res.json();
    };
    await post('system.getInstallation', {});
    const startMs = performance.now() - started;
    await post('gate.getBoard', {});
    const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
    const rssKb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
    return { startMs, rssMb: Math.round(rssKb / 1024) };
  } finally {
    if (child.exitCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
  }
}
