// docs/IMPORT.md documents the import's column mapping: every column with its aliases and whether it is
// required. This keeps the page in step with functions/src/domain/catalogue/columns.ts.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AGENCY_COLUMNS, OFFICER_COLUMNS, PROCEDURE_COLUMNS } from '../../functions/src/domain/catalogue/index.js';
import { ROOT } from './emulator-env.js';

const doc = readFileSync(join(ROOT, 'docs', 'IMPORT.md'), 'utf8');

describe('docs/IMPORT.md', () => {
  it.each([...PROCEDURE_COLUMNS, ...AGENCY_COLUMNS, ...OFFICER_COLUMNS].map((c) => [c.header, c] as const))('documents "%s" with its aliases', (header, spec) => {
    const line = doc.split('\n').find((l) => l.startsWith(`| ${header} |`));
    expect(line, header).toBeDefined();
    for (const alias of spec.aliases) expect(line).toContain(alias);
    expect(line).toContain(spec.required ? '| yes |' : '| no |');
  });
});
