/** Shared helpers of the edit tests: unwrap results, load examples. */
import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import type { Topology } from '../../../src/model';
import { validateTopology } from '../../../src/model';
import type { EditError, EditResult } from '../../../src/model/edits';

/** Unwraps a successful edit (checking it validates), failing the test with the refusal otherwise. */
export function ok<T extends object>(r: EditResult<T>): Topology {
  if (!r.ok) throw new Error(`refused: ${r.error.key} ${JSON.stringify(r.error.params)}`);
  expect(validateTopology(r.doc).ok).toBe(true);
  return r.doc;
}

/** The refusal of an edit that must be refused. */
export function refused(r: EditResult<object>): EditError {
  if (r.ok) throw new Error('expected a refusal');
  return r.error;
}

/** An example lab, validated. */
export function example(name: string): Topology {
  const r = validateTopology(JSON.parse(readFileSync(`examples/${name}.json`, 'utf8')));
  if (!r.ok) throw new Error(`examples/${name}.json must be valid`);
  return r.topology;
}
