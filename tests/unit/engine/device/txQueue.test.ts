/**
 * A port's transmit buffer (src/engine/device/txQueue.ts): bytes drain at the line rate; a data
 * frame that would overflow the buffer is discarded (tail drop — a bridge may discard frames when
 * a queue is full, IEEE 802.1Q 8.6.6), and control frames skip it (strict priority, 802.1Q
 * 8.6.8.1). Serialisation counts the 24 bytes of preamble + SFD, FCS and inter-frame gap.
 */
import { describe, expect, it } from 'vitest';
import { TX_QUEUE_BYTES, WIRE_OVERHEAD_BYTES, isControlFrame, queuedStartUs, serialisationUs } from '../../../../src/engine/device/txQueue';

describe('when a frame is put on the wire', () => {
  it('takes (bytes + 24) × 8 / rate µs, rounded up: 1,514 B at 10 Mb/s = 1,231 µs, at 1 Gb/s = 13 µs', () => {
    expect(WIRE_OVERHEAD_BYTES).toBe(24);
    expect(serialisationUs(1514, 10)).toBe(1231);
    expect(serialisationUs(1514, 1000)).toBe(13);
    expect(serialisationUs(64, 1000)).toBe(1);
  });
});

describe('when data frames arrive faster than the line rate', () => {
  it('an empty buffer always takes the frame', () => {
    expect(queuedStartUs(1000, 0, 1514, 10)).toBe(1000);
    expect(queuedStartUs(1000, 999, 1514, 10)).toBe(1000);
  });

  it('a busy buffer takes it behind what waits, until the bytes waiting plus its own would pass 64 KiB', () => {
    // 10 Mb/s drains 1.25 bytes per µs: 40,000 µs of backlog is 50,000 bytes waiting.
    expect(queuedStartUs(0, 40_000, 1514, 10)).toBe(40_000);
    // 52,000 µs is 65,000 bytes waiting: one more 1,514-byte frame (1,538 on the wire) does not fit.
    expect(queuedStartUs(0, 52_000, 1514, 10)).toBeNull();
    const limitUs = ((TX_QUEUE_BYTES - 1514 - WIRE_OVERHEAD_BYTES) * 8) / 10;
    expect(queuedStartUs(0, limitUs, 1514, 10)).toBe(limitUs);
    expect(queuedStartUs(0, limitUs + 1, 1514, 10)).toBeNull();
  });
});

describe('which frames count against the buffer', () => {
  const frame = (dst: number[], etherType: number) => new Uint8Array([...dst, 2, 0, 0, 0, 0, 1, etherType >> 8, etherType & 0xff, 0, 0]);
  it('LACPDUs (Slow Protocols, 0x8809) and BPDUs (to 01-80-C2-00-00-00) are control; IPv4, ARP and VRRP are data', () => {
    expect(isControlFrame(frame([0x01, 0x80, 0xc2, 0, 0, 0x02], 0x8809))).toBe(true);
    expect(isControlFrame(frame([0x01, 0x80, 0xc2, 0, 0, 0x00], 0x0026))).toBe(true);
    expect(isControlFrame(frame([0xff, 0xff, 0xff, 0xff, 0xff, 0xff], 0x0806))).toBe(false);
    expect(isControlFrame(frame([0x01, 0x00, 0x5e, 0, 0, 0x12], 0x0800))).toBe(false);
  });
});
