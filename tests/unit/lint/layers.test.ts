// Proves that the layer rules of eslint.config.js (style guide §2) actually report, so a typo in a
// glob cannot silently switch them off.
//
// The probes lint in-memory text under made-up paths (src/engine/__probe__.ts) that do not exist on
// disk. typescript-eslint's projectService refuses such files ("was not found by the project
// service"), so the probes override the TS files with `disableTypeChecked`: the parser runs
// without a program and type-aware rules are off. The layer rules are plain syntax rules, so
// nothing is lost, and the probes stay fast. Everything else (files globs, patterns, messages)
// comes from the real eslint.config.js, and `ruleFilter` keeps only the rules under test.
import { fileURLToPath } from 'node:url';

import { ESLint } from 'eslint';
import type { Linter } from 'eslint';
import tseslint from 'typescript-eslint';
import { beforeAll, describe, expect, it } from 'vitest';

const repoRoot = fileURLToPath(new URL('../../..', import.meta.url));

const LAYER_RULES = new Set([
  'no-restricted-imports',
  'no-restricted-globals',
  'no-restricted-properties',
]);

let eslint: ESLint;

beforeAll(() => {
  eslint = new ESLint({
    cwd: repoRoot,
    overrideConfig: {
      files: ['**/*.ts', '**/*.tsx'],
      ...(tseslint.configs.disableTypeChecked as Linter.Config),
    },
    ruleFilter: ({ ruleId }) => LAYER_RULES.has(ruleId),
  });
});

async function lint(filePath: string, code: string): Promise<Linter.LintMessage[]> {
  const [result] = await eslint.lintText(code, { filePath });
  if (result === undefined) throw new Error(`no lint result for ${filePath}`);
  const fatal = result.messages.filter((m) => m.fatal === true);
  expect(fatal).toEqual([]);
  return result.messages;
}

function ruleIds(messages: Linter.LintMessage[]): (string | null)[] {
  return messages.map((m) => m.ruleId);
}

describe('when linting the layer rules', { timeout: 60_000 }, () => {
  it('reports React in the engine', async () => {
    const code = "import React from 'react';\nvoid React;\n";
    const messages = await lint('src/engine/__probe__.ts', code);
    expect(ruleIds(messages)).toEqual(['no-restricted-imports']);
  });

  it('reports Math.random() in the engine, with the determinism message', async () => {
    const messages = await lint('src/engine/__probe__.ts', 'export const x = Math.random();\n');
    expect(ruleIds(messages)).toEqual(['no-restricted-properties']);
    expect(messages[0]?.message).toContain('the engine is deterministic');
  });

  it('reports Date.now() in the engine, with the determinism message', async () => {
    const messages = await lint('src/engine/__probe__.ts', 'export const t = Date.now();\n');
    expect(ruleIds(messages)).toEqual(['no-restricted-globals']);
    expect(messages[0]?.message).toContain('the engine is deterministic');
  });

  it('reports an import of the UI from the model', async () => {
    const messages = await lint('src/model/__probe__.ts', "export { x } from '../ui/x';\n");
    expect(ruleIds(messages)).toEqual(['no-restricted-imports']);
  });

  it('accepts zod and relative model files in the model', async () => {
    const code = [
      "import { z } from 'zod';",
      "import { a } from './defaults';",
      'export const s = z.string().default(a);',
    ].join('\n');
    const messages = await lint('src/model/__probe__.ts', code);
    expect(ruleIds(messages)).not.toContain('no-restricted-imports');
  });

  it('accepts only type imports from the engine in the store', async () => {
    const typeOnly = "import type { LabEvent } from '../engine/events';\nexport type E = LabEvent;";
    expect(await lint('src/store/__probe__.ts', typeOnly)).toEqual([]);
    const value = "import { createSimulation } from '../engine/simulation';\nvoid createSimulation";
    const messages = await lint('src/store/__probe__.ts', value);
    expect(ruleIds(messages)).toEqual(['no-restricted-imports']);
  });
});
