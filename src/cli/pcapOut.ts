/**
 * `--pcap LINK=FILE`: records every frame a link carries into a classic libpcap file, stamped
 * with virtual time (µs from epoch 0), and writes the files when the run ends.
 */
import type { Simulation } from '../engine';
import { PcapWriter } from '../engine/codecs';
import type { PcapRequest } from './args';
import { CliInputError } from './errors';

/** Writes a file; the CLI passes node:fs writeFileSync, tests keep the bytes in memory. */
export type WriteFile = (path: string, data: Uint8Array) => void;

export class PcapCapture {
  private readonly writers = new Map<string, PcapWriter>();

  /** Checks the link ids and starts recording; throws CliInputError for unknown links. */
  constructor(
    sim: Simulation,
    private readonly requests: readonly PcapRequest[],
  ) {
    const links = sim.topology.links.map((l) => l.id);
    const known = new Set(links);
    const errors: string[] = [];
    for (const r of requests) {
      if (known.has(r.link)) this.writers.set(r.link, this.writers.get(r.link) ?? new PcapWriter());
      else errors.push(`--pcap ${r.link}=${r.file}: no link "${r.link}" in this lab (links: ${shortList(links)})`);
    }
    if (errors.length > 0) throw new CliInputError(errors);
    if (this.writers.size === 0) return;
    sim.onFrame((link, _from, timeUs, frame) => {
      this.writers.get(link.id)?.add({ timeUs, data: frame });
    });
  }

  /** Writes every requested file; throws CliInputError naming each file that failed. */
  write(writeFile: WriteFile): void {
    const errors: string[] = [];
    for (const r of this.requests) {
      const writer = this.writers.get(r.link);
      if (!writer) continue;
      try {
        writeFile(r.file, writer.toBytes());
      } catch (err) {
        errors.push(`--pcap ${r.link}=${r.file}: cannot write the file: ${describeFsError(err)}`);
      }
    }
    if (errors.length > 0) throw new CliInputError(errors);
  }
}

function shortList(items: readonly string[]): string {
  if (items.length === 0) return 'none';
  return items.length <= 12 ? items.join(', ') : `${items.slice(0, 12).join(', ')}, … ${items.length - 12} more`;
}

const FS_CODES: Record<string, string> = {
  ENOENT: 'no such file or directory',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EISDIR: 'it is a directory',
  ENOTDIR: 'a part of the path is not a directory',
  EROFS: 'read-only file system',
  ENOSPC: 'no space left on the device',
};

/** A node:fs error as a short phrase (`ENOENT` → "no such file or directory"). */
export function describeFsError(err: unknown): string {
  const code = typeof err === 'object' && err !== null && 'code' in err ? String(err.code) : '';
  if (code in FS_CODES) return FS_CODES[code] ?? code;
  return err instanceof Error ? err.message : String(err);
}
