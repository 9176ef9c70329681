import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runToEvents } from '../../../src/engine';
import { example } from '../../helpers/testLab';

const names = readdirSync(new URL('../../../examples/', import.meta.url)).filter((f) => f.endsWith('.json')).map((f) => f.replace(/\.json$/, ''));

describe('when an example runs twice', () => {
  it.each(names)('%s yields a byte-identical event stream (DESIGN.md §5 determinism)', (name) => {
    const once = runToEvents(example(name), 120_000).map((e) => JSON.stringify(e)).join('\n');
    const twice = runToEvents(example(name), 120_000).map((e) => JSON.stringify(e)).join('\n');
    expect(once.length).toBeGreaterThan(0);
    expect(twice).toBe(once);
  });

  it.each(names)('%s emits events in non-decreasing time order (DESIGN.md §4)', (name) => {
    const events = runToEvents(example(name), 120_000);
    for (let i = 1; i < events.length; i++) expect((events[i]?.t as number) >= (events[i - 1]?.t as number)).toBe(true);
  });
});
