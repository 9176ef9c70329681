import { CodecError } from '../../../../src/engine/codecs/errors';

/** Runs `fn` and returns the CodecError it throws; fails the test if it throws nothing or something else. */
export function codecErrorOf(fn: () => unknown): CodecError {
  try {
    fn();
  } catch (e) {
    if (e instanceof CodecError) return e;
    throw new Error(`expected a CodecError, got ${String(e)}`);
  }
  throw new Error('expected a CodecError, nothing was thrown');
}

/** Hex string of a byte array, no separators. */
export function hex(bytes: Uint8Array): string {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** Bytes from a hex string; whitespace is ignored. */
export function fromHex(s: string): Uint8Array {
  const clean = s.replace(/\s+/g, '');
  const out = new Uint8Array(clean.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(clean.slice(i * 2, i * 2 + 2), 16);
  return out;
}

/**
 * A view of `bytes` whose every index read outside 0..length-1 throws, so a decoder that reads out of
 * bounds (which plain Uint8Array silently answers with undefined) fails the test. subarray() views
 * stay checked; other methods run on the underlying array.
 */
export function strictBytes(bytes: Uint8Array): Uint8Array {
  return new Proxy(bytes, {
    get(target, prop) {
      if (typeof prop === 'string' && /^-?\d+$/.test(prop)) {
        const i = Number(prop);
        if (i < 0 || i >= target.length) throw new RangeError(`out-of-bounds read at index ${i} of ${target.length}`);
        return target[i];
      }
      if (prop === 'subarray') return (begin?: number, end?: number) => strictBytes(target.subarray(begin, end));
      const v: unknown = Reflect.get(target, prop, target);
      return typeof v === 'function' ? (v as (...args: unknown[]) => unknown).bind(target) : v;
    },
  });
}
