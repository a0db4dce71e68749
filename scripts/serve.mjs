// `npm run serve -- [options]`: builds the app if the bundles are missing or older than the sources, then runs the
// headless host (the same core under plain Node, serving the renderer and the API over HTTP).
import { spawnSync, spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const bundle = join(root, 'out/main/headless.js');
const page = join(root, 'out/renderer/index.html');

function newestMtime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

const sources = ['src', 'renderer', 'electron'].map((d) => join(root, d)).filter(existsSync);
const built = existsSync(bundle) && existsSync(page) ? Math.min(statSync(bundle).mtimeMs, statSync(page).mtimeMs) : 0;
if (!built || Math.max(...sources.map(newestMtime)) > built) {
  console.log('Building (electron-vite build)…');
  const r = spawnSync('npx', ['electron-vite', 'build'], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
const child = spawn(process.execPath, [bundle, ...process.argv.slice(2)], { cwd: process.cwd(), stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
