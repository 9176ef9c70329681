/**
 * The filtering database of a bridge (802.1D-2004 §7.8–7.9): source MAC → the bridge port it was
 * last seen on, aged out after Ageing Time (300 s default, §7.9.2). MACs are kept as 48-bit
 * numbers read straight from the frame bytes, so the hot path allocates nothing.
 */

/** 802.1D-2004 §7.9.2 Ageing Time default: 300 s, in µs. */
export const AGEING_TIME_US = 300_000_000;

/** The 48-bit MAC at `offset` of a frame as a number (exact: below 2^53). */
export function macKeyAt(frame: Uint8Array, offset: number): number {
  const hi = ((frame[offset] ?? 0) << 8) | (frame[offset + 1] ?? 0);
  const lo = (((frame[offset + 2] ?? 0) << 24) | ((frame[offset + 3] ?? 0) << 16) | ((frame[offset + 4] ?? 0) << 8) | (frame[offset + 5] ?? 0)) >>> 0;
  return hi * 4294967296 + lo;
}

/** True for group (multicast / broadcast) destination addresses: I/G bit set. */
export function isGroupMac(frame: Uint8Array, offset: number): boolean {
  return ((frame[offset] ?? 0) & 1) === 1;
}

interface Entry {
  port: string;
  seenUs: number;
}

/**
 * A period of rapid ageing (802.1D-1998: while a topology change is signalled, entries age
 * after Forward Delay): an entry not refreshed for `ageingUs` at any time in [fromUs, untilUs] is gone.
 */
interface RapidWindow {
  ageingUs: number;
  fromUs: number;
  untilUs: number;
}

export class MacTable {
  private readonly entries = new Map<number, Entry>();
  /** Rapid ageing of every port, and of single ports. */
  private rapidAll: RapidWindow | null = null;
  private readonly rapidPorts = new Map<string, RapidWindow>();

  constructor(private readonly ageingUs = AGEING_TIME_US) {}

  /** Learns (or refreshes) `mac` on `port`; returns the port it moved from, if it moved. */
  learn(mac: number, port: string, nowUs: number): string | undefined {
    const e = this.entries.get(mac);
    if (!e) {
      this.entries.set(mac, { port, seenUs: nowUs });
      return undefined;
    }
    const from = e.port;
    e.port = port;
    e.seenUs = nowUs;
    return from === port ? undefined : from;
  }

  /** The port a MAC was learned on, or undefined (unknown or aged out). */
  lookup(mac: number, nowUs: number): string | undefined {
    const e = this.entries.get(mac);
    if (!e) return undefined;
    if (nowUs - e.seenUs > this.ageingUs || this.isRapidlyAged(e, nowUs)) {
      this.entries.delete(mac);
      return undefined;
    }
    return e.port;
  }

  private isRapidlyAged(e: Entry, nowUs: number): boolean {
    if (this.rapidAll === null && this.rapidPorts.size === 0) return false;
    for (const w of [this.rapidAll, this.rapidPorts.get(e.port)]) {
      if (!w) continue;
      const end = Math.min(nowUs, w.untilUs);
      if (end >= w.fromUs && end - e.seenUs > w.ageingUs) return true;
    }
    return false;
  }

  /**
   * Starts (or, with `forUs` 0, ends) rapid ageing of `port`'s entries, or of every entry when
   * `port` is undefined (STP topology change, 802.1D-1998). Entries the previous period
   * aged are removed first.
   */
  rapidAgeing(port: string | undefined, ageingUs: number, nowUs: number, forUs: number): void {
    for (const [mac, e] of this.entries) if (this.isRapidlyAged(e, nowUs)) this.entries.delete(mac);
    const w = forUs > 0 ? { ageingUs, fromUs: nowUs, untilUs: nowUs + forUs } : null;
    if (port === undefined) this.rapidAll = w;
    else if (w) this.rapidPorts.set(port, w);
    else this.rapidPorts.delete(port);
  }

  /** Forgets every entry on `port` (port down, topology change); all entries without a port. */
  flush(port?: string): void {
    if (port === undefined) {
      this.entries.clear();
      return;
    }
    for (const [mac, e] of this.entries) if (e.port === port) this.entries.delete(mac);
  }

  get size(): number {
    return this.entries.size;
  }

  /** Entries as [mac, port] pairs, for inspection; given the time, only those still valid then. */
  dump(nowUs?: number): [number, string][] {
    const live = [...this.entries].filter(([, e]) => nowUs === undefined || (nowUs - e.seenUs <= this.ageingUs && !this.isRapidlyAged(e, nowUs)));
    return live.map(([mac, e]) => [mac, e.port]);
  }
}
