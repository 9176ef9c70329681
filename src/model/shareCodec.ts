/**
 * Share links (DESIGN.md §1 journey 6): the whole lab in the URL fragment, so nothing is uploaded
 * anywhere. `#lab=v1.<lz-string compressToEncodedURIComponent(JSON)>`; the format is documented
 * in `docs/share-links.md`. Decoding is defensive: a link pasted through a chat app may arrive
 * cut, re-encoded or edited by hand, and each of those gets its own i18n key.
 */
import * as lzNamespace from 'lz-string';
import type { Topology } from './schema';
import { formatIssue, validateTopology } from './validate';

/** The version prefix of the payload; a future format is `v2.`. */
export const SHARE_PREFIX = 'v1.';
/** The name of the fragment parameter: `#lab=…`. */
export const SHARE_PARAM = 'lab';
/** The longest fragment accepted (64 KiB), checked before decompressing anything. */
export const MAX_SHARE_FRAGMENT_CHARS = 64 * 1024;

/** i18n keys of share-link errors (`errors.share.*`). */
export const ShareErrorKey = {
  /** The fragment is longer than {max} characters ({length}). */
  tooLong: 'errors.share.tooLong',
  /** The link was made by a newer TopoLab: {version}. */
  version: 'errors.share.version',
  /** The link is damaged (cut short, or not a TopoLab link). */
  corrupt: 'errors.share.corrupt',
  /** The link decodes but is not a valid lab: {detail} is the first issue. */
  invalid: 'errors.share.invalid',
} as const;
export type ShareErrorKey = (typeof ShareErrorKey)[keyof typeof ShareErrorKey];

/** A decoded share link: the validated lab, or why it cannot be opened. */
export type ShareDecodeResult =
  | { ok: true; topology: Topology }
  | { ok: false; error: { key: ShareErrorKey; params?: Record<string, string | number> } };

type Lz = Pick<typeof lzNamespace, 'compressToEncodedURIComponent' | 'decompressFromEncodedURIComponent'>;

/**
 * lz-string is CommonJS without named-export hints: Node's ESM loader (tests, CLI) only exposes
 * `default`, bundlers expose the names. Take whichever is there.
 */
function lz(): Lz {
  const ns = lzNamespace as Lz & { default?: Lz };
  return typeof ns.compressToEncodedURIComponent === 'function' ? ns : (ns.default as Lz);
}

/** Encodes a lab as a fragment value: `v1.` + URI-safe lz-string of its JSON. */
export function encodeShare(doc: Topology): string {
  return SHARE_PREFIX + lz().compressToEncodedURIComponent(JSON.stringify(doc));
}

function fail(key: ShareErrorKey, params?: Record<string, string | number>): ShareDecodeResult {
  return { ok: false, error: params ? { key, params } : { key } };
}

/** Some chat apps percent-encode `$` or `+`; lz-string's alphabet never contains `%`. */
function unescape(fragment: string): string | null {
  if (!fragment.includes('%')) return fragment;
  try {
    return decodeURIComponent(fragment);
  } catch {
    return null;
  }
}

function decompress(body: string): string | null {
  try {
    return lz().decompressFromEncodedURIComponent(body);
  } catch {
    return null;
  }
}

/** Decodes the value after `#lab=`; never throws. */
export function decodeShare(fragment: string): ShareDecodeResult {
  if (fragment.length > MAX_SHARE_FRAGMENT_CHARS) return fail(ShareErrorKey.tooLong, { max: MAX_SHARE_FRAGMENT_CHARS, length: fragment.length });
  const text = unescape(fragment.trim());
  if (text === null) return fail(ShareErrorKey.corrupt);
  const version = /^(v\d+)\./.exec(text)?.[1];
  if (version !== undefined && `${version}.` !== SHARE_PREFIX) return fail(ShareErrorKey.version, { version });
  if (version === undefined) return fail(ShareErrorKey.corrupt);
  const json = decompress(text.slice(SHARE_PREFIX.length));
  if (json === null || json === '') return fail(ShareErrorKey.corrupt);
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch {
    return fail(ShareErrorKey.corrupt);
  }
  const result = validateTopology(data);
  if (result.ok) return { ok: true, topology: result.topology };
  const first = result.issues[0];
  return fail(ShareErrorKey.invalid, { detail: first ? formatIssue(first) : '(document)' });
}

/** The full share URL: the page address without its fragment, then `#lab=…`. */
export function shareUrl(baseHref: string, doc: Topology): string {
  const hash = baseHref.indexOf('#');
  const base = hash === -1 ? baseHref : baseHref.slice(0, hash);
  return `${base}#${SHARE_PARAM}=${encodeShare(doc)}`;
}

/**
 * The share payload of a location hash (`#lab=v1.…`, also among other `&`-separated
 * parameters), or null when the hash holds no lab.
 */
export function fragmentFromHash(hash: string): string | null {
  const body = hash.startsWith('#') ? hash.slice(1) : hash;
  for (const part of body.split('&')) {
    if (part.startsWith(`${SHARE_PARAM}=`)) return part.slice(SHARE_PARAM.length + 1);
  }
  return null;
}
