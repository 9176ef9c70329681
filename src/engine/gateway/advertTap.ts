/**
 * Makes VRRP advertisements visible like LACPDUs and BPDUs: a `vrrpAdvert` event for every link an
 * advertisement is put on. Frames are immutable byte arrays relayed without copying, so the frame
 * a VRRP router sends is the same object on every link a bridge floods it to; the router marks it
 * here and the network tap recognises it. Installed only in labs with VRRP groups.
 */
import type { FrameTap } from '../device/network';
import type { Network } from '../device/network';
import { peerOf } from '../device/types';
import type { EventSink } from '../events';
import { usToMs } from '../scheduler';

interface AdvertInfo {
  group: string;
  device: string;
}

/** Offsets in an untagged frame: Ethernet 14 + IPv4 20, then VRRP (RFC 5798 §5.2). */
const VRRP_AT = 34;

export class AdvertTap {
  private readonly sent = new WeakMap<Uint8Array, AdvertInfo>();

  constructor(
    private readonly network: Network,
    private readonly emit: EventSink,
  ) {}

  /** Remembers an advertisement frame a VRRP router is about to send. */
  mark(frame: Uint8Array, group: string, device: string): void {
    this.sent.set(frame, { group, device });
  }

  readonly tap: FrameTap = (link, from, timeUs, frame) => {
    const info = this.sent.get(frame);
    if (!info) return;
    const to = peerOf(from);
    if (!to) return;
    this.emit({
      t: usToMs(timeUs),
      type: 'vrrpAdvert',
      link: link.id,
      from: { device: from.device.id, port: from.id },
      to: { device: to.device.id, port: to.id },
      arrive: usToMs(this.network.arrivalUs(link, frame.length)),
      frame: link.framesSent,
      group: info.group,
      device: info.device,
      vrid: frame[VRRP_AT + 1] ?? 0,
      priority: frame[VRRP_AT + 2] ?? 0,
      advertIntervalCs: (((frame[VRRP_AT + 4] ?? 0) & 0x0f) << 8) | (frame[VRRP_AT + 5] ?? 0),
    });
  };
}
