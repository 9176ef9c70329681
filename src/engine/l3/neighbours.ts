/**
 * A router's ARP cache and address resolution (RFC 826), with the same timers as the hosts'
 * (`host/hostStack.ts`): an entry is trusted for ARP_VALID_US after it was last confirmed by an
 * ARP packet, then asked again; at most one request per neighbour per ARP_RETRY_US; up to
 * ARP_QUEUE packets wait for an answer. RFC 826's merge rule with Linux's arp_accept=0: a known
 * sender is updated even by a request or a gratuitous ARP, a new one is added only by a packet
 * for us, never by a gratuitous ARP.
 */
import { encodeArpFrame, ZERO_MAC } from '../codecs/arp';
import { BROADCAST_MAC } from '../codecs/mac';
import type { EventSink } from '../events';
import { ARP_QUEUE, ARP_RETRY_US, ARP_VALID_US } from '../host/hostStack';
import type { Scheduler } from '../scheduler';
import { usToMs } from '../scheduler';
import type { IpInterface } from './interfaces';

interface Entry {
  mac: string;
  seenUs: number;
  iface: IpInterface;
}

/** A packet waiting for its next hop's MAC: built once the MAC is known. */
type Pending = (mac: string) => Uint8Array;

export class Neighbours {
  private readonly cache = new Map<string, Entry>();
  private readonly waiting = new Map<string, { iface: IpInterface; packets: Pending[] }>();
  private readonly asked = new Map<string, number>();

  constructor(
    private readonly device: string,
    private readonly scheduler: Scheduler,
    private readonly emit: EventSink,
    /** Puts a frame out of an interface. */
    private readonly sendOn: (iface: IpInterface, frame: Uint8Array) => void,
  ) {}

  /** The MAC of `ip` if a valid entry exists. */
  lookup(ip: string): string | undefined {
    const e = this.cache.get(ip);
    return e && this.scheduler.now - e.seenUs <= ARP_VALID_US ? e.mac : undefined;
  }

  /**
   * RFC 826 merge for an ARP packet received on `iface` from `ip` at `mac`: update a known sender,
   * add it only when the packet is for us (and not gratuitous, arp_accept=0); then send what waited.
   */
  merge(iface: IpInterface, ip: string, mac: string, isForUs: boolean, isGratuitous: boolean): void {
    const known = this.cache.get(ip);
    if (!known && !isForUs) return;
    this.cache.set(ip, { mac, seenUs: this.scheduler.now, iface });
    if (known?.mac !== mac) this.emit({ t: usToMs(this.scheduler.now), type: 'arp', device: this.device, ip, mac, gratuitous: isGratuitous });
    const queue = this.waiting.get(ip);
    if (!queue) return;
    this.waiting.delete(ip);
    for (const build of queue.packets) this.sendOn(queue.iface, build(mac));
  }

  /** Sends a packet to neighbour `ip` on `iface` now, or after resolving its MAC. */
  resolve(iface: IpInterface, ip: string, build: Pending): void {
    const mac = this.lookup(ip);
    if (mac !== undefined) {
      this.sendOn(iface, build(mac));
      return;
    }
    const queue = this.waiting.get(ip) ?? { iface, packets: [] };
    if (queue.packets.length < ARP_QUEUE) queue.packets.push(build);
    this.waiting.set(ip, queue);
    this.request(iface, ip);
  }

  private request(iface: IpInterface, ip: string): void {
    const now = this.scheduler.now;
    if (now - (this.asked.get(ip) ?? -Infinity) < ARP_RETRY_US) return;
    this.asked.set(ip, now);
    this.sendOn(iface, encodeArpFrame(iface.mac, BROADCAST_MAC, { op: 1, senderMac: iface.mac, senderIp: iface.address, targetMac: ZERO_MAC, targetIp: ip }));
  }

  /** Forgets what was learned on `iface` (it went down), or everything (power off). */
  flush(iface?: IpInterface): void {
    for (const [ip, e] of this.cache) if (iface === undefined || e.iface === iface) this.cache.delete(ip);
    for (const [ip, q] of this.waiting) if (iface === undefined || q.iface === iface) this.waiting.delete(ip);
    if (iface === undefined) this.asked.clear();
  }

  /** Entries valid now, for inspection: ip → mac, in learning order. */
  entries(): Map<string, string> {
    const out = new Map<string, string>();
    for (const [ip, e] of this.cache) if (this.scheduler.now - e.seenUs <= ARP_VALID_US) out.set(ip, e.mac);
    return out;
  }
}
