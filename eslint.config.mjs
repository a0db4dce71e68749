// Lint with import layering (as VS Code and Signal do): which folder may import what is enforced here, not in review.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

const electronBan = {
  name: 'electron',
  message: 'Only electron/ and src/preload may import electron: the core must run under plain Node (headless host, tests).',
};
const nodeBuiltins = ['fs', 'path', 'os', 'child_process', 'crypto', 'http', 'net', 'url', 'util', 'stream', 'events', 'worker_threads'];

/** `no-restricted-imports` for one layer. */
const restrict = (paths, patterns = []) => ({ 'no-restricted-imports': ['error', { paths, patterns }] });

export default tseslint.config(
  { ignores: ['out/**', 'out-*/**', 'dist/**', 'release/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  {
    files: ['scripts/**/*.mjs', '*.config.*', 'eslint.config.mjs'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly', __dirname: 'readonly' } },
  },
  {
    // The domain core: never electron, never the renderer.
    files: ['src/main/**/*.ts'],
    rules: restrict([electronBan], [
      { group: ['**/renderer/**', '**/electron/**', '**/preload/**'], message: 'src/main may import src/shared, node and its own modules only.' },
    ]),
  },
  {
    // The contract: pure TypeScript shared by main and renderer.
    files: ['src/shared/**/*.ts'],
    rules: restrict(
      [electronBan, ...nodeBuiltins.map((name) => ({ name, message: 'src/shared must not use node: it runs in the renderer too.' }))],
      [
        { group: ['node:*'], message: 'src/shared must not use node: it runs in the renderer too.' },
        { group: ['**/main/**', '**/renderer/**', '**/electron/**', '**/preload/**', 'typeorm', 'sqlite3', 'pg'], message: 'src/shared imports nothing of the other layers.' },
      ],
    ),
  },
  {
    // The UI: only src/shared and browser packages.
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      // The compiler-oriented rules of react-hooks 7 flag ordinary effect patterns; keep the classic two.
      'react-hooks/set-state-in-effect': 'off',
      'react-hooks/refs': 'off',
      'react-hooks/purity': 'off',
      'react-hooks/immutability': 'off',
      ...restrict(
        [electronBan, ...nodeBuiltins.map((name) => ({ name, message: 'The renderer runs in a browser sandbox: no node modules.' }))],
        [
          { group: ['node:*'], message: 'The renderer runs in a browser sandbox: no node modules.' },
          { group: ['**/src/main/**', '**/electron/**', '**/preload/**', 'typeorm', 'sqlite3', 'pg'], message: 'The renderer may import src/shared only.' },
        ],
      ),
    },
  },
  {
    // The preload bridges electron and the contract; it must not pull in the core.
    files: ['src/preload/**/*.ts'],
    rules: restrict([], [{ group: ['**/src/main/**', '**/main/**', '**/renderer/**', 'typeorm', 'sqlite3', 'pg'], message: 'The preload may import electron and src/shared only.' }]),
  },
);
