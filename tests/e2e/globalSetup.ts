import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/** The e2e suite runs against the built app; build it once if `npm run build` has not. */
export default function globalSetup(): void {
  const out = process.env.DD_OUT_DIR ?? 'out';
  if (existsSync(`${out}/main/headless.js`) && existsSync(`${out}/renderer/index.html`)) return;
  const r = spawnSync('npx', ['electron-vite', 'build', '--outDir', out], { stdio: 'inherit' });
  if (r.status !== 0) throw new Error('electron-vite build failed');
}
