// `node scripts/runBuilt.mjs <bundle> [options]`: builds the app if the bundles are missing or older than the sources,
// then runs out/main/<bundle>.js under plain Node: `headless` (npm run serve: the same core serving the renderer and
// the API over HTTP), `simulate` (npm run simulate: plant days through the contract) or `bench` (npm run bench).
import { spawnSync, spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const [name, ...args] = process.argv.slice(2);
if (!['headless', 'simulate', 'bench'].includes(name)) {
  console.error('Usage: node scripts/runBuilt.mjs headless|simulate|bench [options]');
  process.exit(2);
}
const bundle = join(root, `out/main/${name}.js`);
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
const child = spawn(process.execPath, [bundle, ...args], { cwd: process.cwd(), stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
