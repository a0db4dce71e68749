import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

/** Proves the import-layering rules bite: each snippet is linted as if it lived in the named file. */
describe('import layering (eslint)', () => {
  const eslint = new ESLint({ cwd: process.cwd() });
  const errorsFor = async (filePath: string, code: string) => {
    const [result] = await eslint.lintText(code, { filePath });
    return result.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
  };

  it.each([
    ['src/main/sales/__violation.ts', "import { app } from 'electron';\nexport const x = app;\n"],
    ['src/shared/__violation.ts', "import { ipcRenderer } from 'electron';\nexport const x = ipcRenderer;\n"],
    ['renderer/src/__violation.ts', "import { ipcRenderer } from 'electron';\nexport const x = ipcRenderer;\n"],
  ])('refuses electron in %s', async (file, code) => {
    const errors = await errorsFor(file, code);
    expect(errors.join('\n')).toMatch(/Only electron\/ and src\/preload may import electron/);
  });

  it('refuses node and the core in the renderer, and node in the shared contract', async () => {
    expect(await errorsFor('renderer/src/__violation.ts', "import { readFileSync } from 'node:fs';\nexport const x = readFileSync;\n")).not.toHaveLength(0);
    expect(await errorsFor('renderer/src/__violation.ts', "import { createCore } from '../../src/main/core';\nexport const x = createCore;\n")).not.toHaveLength(0);
    expect(await errorsFor('src/shared/__violation.ts', "import { join } from 'node:path';\nexport const x = join;\n")).not.toHaveLength(0);
  });

  it('allows electron in electron/ and src/preload, and src/shared in the renderer', async () => {
    expect(await errorsFor('electron/__ok.ts', "import { app } from 'electron';\nexport const x = app;\n")).toHaveLength(0);
    expect(await errorsFor('src/preload/__ok.ts', "import { contextBridge } from 'electron';\nexport const x = contextBridge;\n")).toHaveLength(0);
    expect(await errorsFor('renderer/src/__ok.ts', "import { ROLES } from '../../src/shared/roles';\nexport const x = ROLES;\n")).toHaveLength(0);
  });
});
