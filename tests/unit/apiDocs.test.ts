import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { METHOD_NAMES } from '../../src/shared/contract';
import { apiMarkdown } from '../../src/main/rpc/apiMarkdown';

const FILE = 'docs/api.md';

describe('docs/api.md', () => {
  it('is the listing generated from the contract (run `npm run docs:api` after changing it)', () => {
    const generated = apiMarkdown();
    if (process.env.UPDATE_API_DOCS) writeFileSync(FILE, generated);
    expect(existsSync(FILE)).toBe(true);
    expect(readFileSync(FILE, 'utf8')).toBe(generated);
    for (const name of METHOD_NAMES) expect(generated).toContain(`\`${name}\``);
  });
});
