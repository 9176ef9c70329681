/**
 * Summarises a V8 `.cpuprofile` (from `node --cpu-prof`): the functions with the most self time
 * and the most total (inclusive) time, each as ms and % of the sampled time.
 *
 *   BENCH_ONLY=ring BENCH_SECONDS=30 node --cpu-prof --cpu-prof-dir=/tmp/prof --import tsx bench/run.ts
 *   npx tsx bench/cpuProfile.ts /tmp/prof/CPU.*.cpuprofile [--top 25] [--filter src/engine]
 *
 * With several files (node writes one per thread; the tsx loader thread's is tiny) the biggest
 * one is read. `--filter` keeps only functions whose file path contains the text (total time).
 * `--callees NAME` also lists where the total time of functions named NAME goes.
 *
 * tsx compiles each file to one line, so a tsx profile names functions and files but not lines
 * (anonymous functions are told apart by their column, `(anonymous)@1234`). For source lines,
 * profile an esbuild bundle with a source map; the `.map` beside the bundle is read:
 *
 *   npx esbuild bench/run.ts --bundle --platform=node --format=esm --sourcemap --keep-names --outfile=/tmp/prof/bundle/run.mjs
 *   BENCH_ONLY=ring node --expose-gc --cpu-prof --cpu-prof-dir=/tmp/prof /tmp/prof/bundle/run.mjs
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
  columnNumber: number;
}
interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** A decoded source map: per generated line, segments [column, source, line] sorted by column. */
interface SourceMap {
  sources: string[];
  lines: [number, number, number][][];
}

/** Decodes the `mappings` of a v3 source map (base64 VLQ). */
function readSourceMap(path: string): SourceMap {
  const raw = JSON.parse(readFileSync(path, 'utf8')) as { sources: string[]; mappings: string };
  const sources = raw.sources.map((s) => relative(process.cwd(), resolve(dirname(path), s)));
  const lines: [number, number, number][][] = [];
  let src = 0;
  let line = 0;
  for (const text of raw.mappings.split(';')) {
    const segs: [number, number, number][] = [];
    let col = 0;
    for (const seg of text.split(',')) {
      if (seg === '') continue;
      const fields: number[] = [];
      let value = 0;
      let shift = 0;
      for (const ch of seg) {
        const digit = B64.indexOf(ch);
        value += (digit & 31) << shift;
        if (digit & 32) shift += 5;
        else {
          fields.push(value & 1 ? -(value >>> 1) : value >>> 1);
          value = 0;
          shift = 0;
        }
      }
      col += fields[0] ?? 0;
      if (fields.length >= 4) {
        src += fields[1] ?? 0;
        line += fields[2] ?? 0;
        segs.push([col, src, line]);
      }
    }
    lines.push(segs);
  }
  return { sources, lines };
}

const maps = new Map<string, SourceMap | null>();

function sourceMapOf(file: string): SourceMap | null {
  let map = maps.get(file);
  if (map === undefined) {
    map = existsSync(`${file}.map`) ? readSourceMap(`${file}.map`) : null;
    maps.set(file, map);
  }
  return map;
}

/** `name file:line` — the original source line when the script has a source map beside it. */
function where(cf: CallFrame): string {
  const name = cf.functionName || '(anonymous)';
  if (!cf.url.startsWith('file://')) return `${name} ${cf.url}`.trim();
  const file = fileURLToPath(cf.url);
  const map = sourceMapOf(file);
  const segs = map?.lines[cf.lineNumber];
  if (map && segs) {
    let best: [number, number, number] | undefined;
    for (const s of segs) if (s[0] <= cf.columnNumber) best = s;
    if (best) return `${name} ${map.sources[best[1]] ?? '?'}:${best[2] + 1}`;
  }
  const rel = relative(process.cwd(), file);
  if (cf.lineNumber > 0) return `${name} ${rel}:${cf.lineNumber + 1}`;
  // tsx output is one line per file: the column tells anonymous functions apart.
  return cf.functionName ? `${name} ${rel}` : `${name}@${cf.columnNumber} ${rel}`;
}

function summarise(path: string, top: number, filter: string | undefined, callees: string | undefined): void {
  const profile = JSON.parse(readFileSync(path, 'utf8')) as Profile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const selfUs = new Map<number, number>();
  profile.samples.forEach((id, i) => selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  const totalUs = profile.endTime - profile.startTime;
  const keys = new Map(profile.nodes.map((n) => [n.id, where(n.callFrame)]));
  const self = new Map<string, number>();
  const inclusive = new Map<string, number>();
  const below = new Map<string, number>();
  const add = (m: Map<string, number>, k: string, us: number) => m.set(k, (m.get(k) ?? 0) + us);
  for (const [id, us] of selfUs) {
    add(self, keys.get(id) ?? '?', us);
    const seen = new Set<string>();
    let child: number | undefined;
    let isCalleeSeen = false;
    for (let at: number | undefined = id; at !== undefined; child = at, at = parent.get(at)) {
      const k = keys.get(at) ?? '?';
      if (!isCalleeSeen && callees !== undefined && byId.get(at)?.callFrame.functionName === callees) {
        isCalleeSeen = true;
        add(below, child === undefined ? '(self)' : (keys.get(child) ?? '?'), us);
      }
      if (seen.has(k)) continue;
      seen.add(k);
      add(inclusive, k, us);
    }
  }
  const table = (title: string, rows: Map<string, number>, keep: (k: string) => boolean) => {
    console.log(`\n${title}`);
    const sorted = [...rows].filter(([k]) => keep(k)).sort((a, b) => b[1] - a[1]).slice(0, top);
    for (const [k, us] of sorted) console.log(`${(us / 1000).toFixed(0).padStart(7)} ms ${((100 * us) / totalUs).toFixed(1).padStart(5)}%  ${k}`);
  };
  console.log(`${path}: ${(totalUs / 1e6).toFixed(2)} s sampled, ${profile.samples.length.toLocaleString('en')} samples`);
  table(`top ${top} by self time`, self, () => true);
  table(`top ${top} by total time${filter ? ` (files containing "${filter}")` : ''}`, inclusive, (k) => filter === undefined || k.includes(filter));
  if (callees !== undefined) table(`where the time of ${callees} goes (direct callees, inlined ones count as self)`, below, () => true);
}

const args = process.argv.slice(2);
const flag = (name: string) => {
  const i = args.indexOf(name);
  if (i < 0) return undefined;
  const value = args[i + 1];
  args.splice(i, 2);
  return value;
};
const top = Number(flag('--top') ?? 25);
const filter = flag('--filter');
const callees = flag('--callees');
if (args.length === 0) {
  console.error('usage: tsx bench/cpuProfile.ts FILE.cpuprofile… [--top N] [--filter TEXT] [--callees NAME]');
  process.exit(2);
}
const biggest = [...args].sort((a, b) => statSync(b).size - statSync(a).size)[0] as string;
summarise(biggest, top, filter, callees);
