/**
 * A port's transmit buffer (one per link direction), as a byte budget: every data frame adds its
 * bytes, the buffer drains at the line rate, and a frame that would overflow TX_QUEUE_BYTES is
 * dropped (tail drop). So a link offered more than its line rate carries its line rate and drops
 * the rest, as a real port does. The simplification: a frame that fits is not delayed by the
 * frames ahead of it (the lab models the loss of an overload, not its queueing delay), so labs
 * that never fill a buffer keep their exact timings. Control frames (LACPDUs, BPDUs) do not count:
 * switches send them with strict priority.
 */

/** Bytes a transmitter queues behind the frame on the wire: a shallow switch-port buffer (about 43 full-size frames). */
export const TX_QUEUE_BYTES = 64 * 1024;

/** Bytes a frame occupies on the wire beyond its own: preamble and SFD 8, FCS 4, inter-frame gap 12. */
export const WIRE_OVERHEAD_BYTES = 24;

/** Slow Protocols (0x8809) and 802.2 LLC frames to 01-80-C2-00-00-0x (BPDUs) are control. */
export function isControlFrame(frame: Uint8Array): boolean {
  const etherType = ((frame[12] ?? 0) << 8) | (frame[13] ?? 0);
  return etherType === 0x8809 || (frame[0] === 0x01 && frame[1] === 0x80 && frame[2] === 0xc2 && frame[3] === 0 && frame[4] === 0);
}

/** How long a frame of `bytes` takes to put on a link of `speedMbps`, µs (whole µs, rounded up). */
export function serialisationUs(bytes: number, speedMbps: number): number {
  return Math.ceil(((bytes + WIRE_OVERHEAD_BYTES) * 8) / speedMbps);
}

/**
 * When the buffer's earlier frames have drained, for a data frame of `bytes` handed over at
 * `nowUs` while the buffer drains until `freeAtUs` (the frame's own bytes drain after that); null
 * when the bytes still waiting plus its own would overflow the buffer (the frame is dropped). An
 * empty buffer always takes the frame.
 */
export function queuedStartUs(nowUs: number, freeAtUs: number, bytes: number, speedMbps: number): number | null {
  const backlogUs = Math.max(0, freeAtUs - nowUs);
  if (backlogUs === 0) return nowUs;
  const waitingBytes = (backlogUs * speedMbps) / 8;
  return waitingBytes + bytes + WIRE_OVERHEAD_BYTES > TX_QUEUE_BYTES ? null : freeAtUs;
}
