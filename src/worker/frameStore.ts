/**
 * Recent frames per link, kept in the worker so the packet inspector and the pcap download can
 * ask for real bytes later. Bounded per link; the engine reuses unchanged frames, so most
 * entries share one buffer.
 */
import type { SimLink, SimPort } from '../engine';

export const FRAMES_PER_LINK = 1000;

export interface StoredFrame {
  frame: number;
  timeUs: number;
  from: string;
  bytes: Uint8Array;
}

export class FrameStore {
  private readonly byLink = new Map<string, StoredFrame[]>();

  /** A tap for Simulation.onFrame. */
  readonly tap = (link: SimLink, from: SimPort, timeUs: number, bytes: Uint8Array): void => {
    let list = this.byLink.get(link.id);
    if (!list) {
      list = [];
      this.byLink.set(link.id, list);
    }
    list.push({ frame: link.framesSent, timeUs, from: `${from.device.id}:${from.id}`, bytes });
    if (list.length > FRAMES_PER_LINK * 1.5) list.splice(0, list.length - FRAMES_PER_LINK);
  };

  get(link: string, frame: number): StoredFrame | undefined {
    return this.byLink.get(link)?.find((f) => f.frame === frame);
  }

  /** The frames kept for a link, oldest first (at most FRAMES_PER_LINK). */
  all(link: string): StoredFrame[] {
    return (this.byLink.get(link) ?? []).slice(-FRAMES_PER_LINK);
  }

  clear(): void {
    this.byLink.clear();
  }
}
