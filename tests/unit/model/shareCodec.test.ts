import { readFileSync, readdirSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Topology } from '../../../src/model';
import { validateTopology } from '../../../src/model';
import { MAX_SHARE_FRAGMENT_CHARS, decodeShare, encodeShare, fragmentFromHash, shareUrl } from '../../../src/model/shareCodec';

const EXAMPLES = readdirSync('examples')
  .filter((f) => f.endsWith('.json'))
  .map((f) => {
    const r = validateTopology(JSON.parse(readFileSync(`examples/${f}`, 'utf8')));
    if (!r.ok) throw new Error(`${f} must be valid`);
    return [f, r.topology] as const;
  });
const LAB = (EXAMPLES.find(([f]) => f === 'lacp-lab.json') as readonly [string, Topology])[1];

describe('when a lab is shared', () => {
  it.each(EXAMPLES)('round-trips %s exactly', (_file, doc) => {
    const fragment = encodeShare(doc);
    expect(fragment.startsWith('v1.')).toBe(true);
    expect(fragment).toMatch(/^v1\.[A-Za-z0-9+\-$]+$/);
    expect(decodeShare(fragment)).toEqual({ ok: true, topology: doc });
  });

  it('builds a URL from the page address and reads it back from the hash', () => {
    const url = shareUrl('https://lab.example/topolab/?x=1#lab=old', LAB);
    expect(url.startsWith('https://lab.example/topolab/?x=1#lab=v1.')).toBe(true);
    const hash = new URL(url).hash;
    const fragment = fragmentFromHash(hash);
    expect(fragment).toBe(encodeShare(LAB));
    expect(decodeShare(fragment ?? '')).toEqual({ ok: true, topology: LAB });
  });

  it('finds the lab among other hash parameters, and null without one', () => {
    expect(fragmentFromHash('#lang=ko&lab=v1.abc')).toBe('v1.abc');
    expect(fragmentFromHash('lab=v1.x')).toBe('v1.x');
    expect(fragmentFromHash('#lesson=3')).toBeNull();
    expect(fragmentFromHash('')).toBeNull();
  });

  it('survives a chat app percent-encoding the fragment', () => {
    const fragment = encodeShare(LAB).replace(/\$/g, '%24').replace(/\+/g, '%2B');
    expect(decodeShare(fragment).ok).toBe(true);
  });
});

describe('when a share link is damaged', () => {
  it('refuses an over-long fragment before decompressing it', () => {
    const long = `v1.${'A'.repeat(MAX_SHARE_FRAGMENT_CHARS)}`;
    expect(decodeShare(long)).toEqual({ ok: false, error: { key: 'errors.share.tooLong', params: { max: 65536, length: long.length } } });
  });

  it('names an unknown version', () => {
    expect(decodeShare(`v9.${encodeShare(LAB).slice(3)}`)).toEqual({ ok: false, error: { key: 'errors.share.version', params: { version: 'v9' } } });
  });

  it.each([
    ['empty', ''],
    ['no prefix', 'hello'],
    ['prefix only', 'v1.'],
    ['not lz data', 'v1.!!!!'],
    ['bad percent escape', 'v1.%E0%A4%A'],
  ])('calls %s corrupt', (_name, fragment) => {
    expect(decodeShare(fragment)).toEqual({ ok: false, error: { key: 'errors.share.corrupt' } });
  });

  it('calls a truncated link corrupt or invalid, never a crash', () => {
    const fragment = encodeShare(LAB);
    for (let cut = 3; cut < fragment.length - 1; cut += 7) {
      const r = decodeShare(fragment.slice(0, cut));
      expect(r.ok).toBe(false);
      if (!r.ok) expect(['errors.share.corrupt', 'errors.share.invalid']).toContain(r.error.key);
    }
  });

  it('decodes a link missing only its last character to the same lab or refuses it', () => {
    // lz-string's last character carries only the end marker's padding bits.
    const r = decodeShare(encodeShare(LAB).slice(0, -1));
    if (r.ok) expect(r.topology).toEqual(LAB);
    else expect(['errors.share.corrupt', 'errors.share.invalid']).toContain(r.error.key);
  });

  it('reports the first schema issue of a link that decodes to a bad lab', () => {
    const bad = { ...LAB, links: [{ id: 'l1', a: { device: 'core1', port: 'eth1' }, b: { device: 'nope', port: 'eth1' } }] };
    expect(decodeShare(encodeShare(bad))).toEqual({
      ok: false,
      error: { key: 'errors.share.invalid', params: { detail: 'links[0].b.device: no device "nope"' } },
    });
  });

  it('never crashes on a one-character change anywhere (property)', () => {
    const fragment = encodeShare(LAB);
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+-$%.';
    fc.assert(
      fc.property(fc.integer({ min: 0, max: fragment.length - 1 }), fc.constantFrom(...alphabet), (at, ch) => {
        const changed = fragment.slice(0, at) + ch + fragment.slice(at + 1);
        const r = decodeShare(changed);
        if (r.ok) expect(validateTopology(r.topology).ok).toBe(true);
        else expect(['errors.share.corrupt', 'errors.share.invalid', 'errors.share.version']).toContain(r.error.key);
      }),
      { numRuns: 500 },
    );
  });
});
