/**
 * A host's network stack, as much as the chapter needs: an IPv4 address, ARP with a cache
 * (RFC 826, with Linux's arp_accept=0 rule for gratuitous ARP), and UDP flows to other hosts of
 * its subnet. Its NICs: a bond (a LAG on the host, Linux mode 802.3ad) or its first port with
 * carrier. Frames are real bytes; the datagram itself is tracked by the FlowTracker.
 */
import type { ResolvedFlow } from '../../model';
import type { ArpPacket } from '../codecs/arp';
import { decodeArpFrame, encodeArpFrame, isGratuitous } from '../codecs/arp';
import { BROADCAST_MAC } from '../codecs/mac';
import { decodeUdpFrame, encodeUdpFrame } from '../codecs/ipv4';
import { sameSubnet } from '../codecs/ipv4addr';
import type { Network } from '../device/network';
import type { ProtocolHandler, SimDevice, SimPort } from '../device/types';
import type { EventSink } from '../events';
import { pickMember } from '../l2/hash';
import { msToUs, usToMs } from '../scheduler';
import type { FlowTracker } from './flowTracker';

/** How long a learned neighbour is trusted before it is asked again (Linux: reachable 15–45 s, then stale). */
export const ARP_VALID_US = 60_000_000;
/** At most one ARP request per neighbour per second (Linux mcast_solicit pacing). */
export const ARP_RETRY_US = 1_000_000;
/** Datagrams kept while waiting for an ARP answer (Linux unres_qlen_bytes, simplified to a count). */
export const ARP_QUEUE = 3;

interface Neighbour {
  mac: string;
  seenUs: number;
}

export class HostStack implements ProtocolHandler {
  private readonly arp = new Map<string, Neighbour>();
  private readonly waiting = new Map<string, ResolvedFlow[]>();
  private readonly asked = new Map<string, number>();
  private readonly timers = new Map<string, { cancel(): void }>();
  private datagramId = 0;

  constructor(
    readonly device: SimDevice,
    private readonly network: Network,
    private readonly emit: EventSink,
    private readonly tracker: FlowTracker,
    private readonly flows: readonly ResolvedFlow[],
    private readonly peers: ReadonlyMap<string, string>,
  ) {}

  private get ip(): { address: string; prefix: number } | null {
    return this.device.config.ip;
  }

  private get mac(): string {
    return this.device.config.mac;
  }

  /** Starts the flows this host sends (periodic, from each flow's startMs). */
  start(): void {
    for (const flow of this.flows) {
      const period = msToUs(1000 / flow.pps);
      const tick = () => {
        this.sendFlow(flow);
        this.timers.set(flow.id, this.network.scheduler.after(period, tick));
      };
      this.timers.set(flow.id, this.network.scheduler.at(msToUs(flow.startMs), tick));
    }
  }

  /** The port a frame leaves on: a distributing bond member by hash, else a port with carrier. */
  private egress(frame: Uint8Array): SimPort | undefined {
    const lag = this.device.services.lag;
    let single: SimPort | undefined;
    for (const port of this.device.ports.values()) {
      const agg = lag?.portAggregation(port) ?? null;
      if (agg?.role === 'aggregated' && lag) {
        const members = lag.distributing(agg.lag);
        if (members.length > 0) return members[pickMember(frame, 'layer2', members.length)];
      } else if (port.isUp && single === undefined && (agg === null || agg.role === 'individual')) {
        single = port;
      }
    }
    return single;
  }

  private transmit(frame: Uint8Array): boolean {
    if (this.device.isFailed) return false;
    const bond = this.device.services.bond;
    if (bond) {
      let sent = false;
      for (const port of bond.egress(frame)) sent = this.network.send(port, frame) > 0 || sent;
      return sent;
    }
    const port = this.egress(frame);
    return port !== undefined && this.network.send(port, frame) > 0;
  }

  private sendFlow(flow: ResolvedFlow): void {
    const me = this.ip;
    const dst = this.peers.get(flow.to);
    if (!me || dst === undefined || !sameSubnet(me.address, dst, me.prefix) || this.device.isFailed) {
      this.tracker.sent(flow, null);
      return;
    }
    const neighbour = this.arp.get(dst);
    const now = this.network.scheduler.now;
    if (!neighbour || now - neighbour.seenUs > ARP_VALID_US) {
      const queue = this.waiting.get(dst) ?? [];
      if (queue.length < ARP_QUEUE) queue.push(flow);
      this.waiting.set(dst, queue);
      this.tracker.sent(flow, null);
      this.request(dst);
      return;
    }
    this.sendDatagram(flow, dst, neighbour.mac);
  }

  private sendDatagram(flow: ResolvedFlow, dstIp: string, dstMac: string): void {
    const me = this.ip;
    if (!me) return;
    const frame = encodeUdpFrame(this.mac, dstMac, { src: me.address, dst: dstIp, id: ++this.datagramId }, { srcPort: flow.srcPort, dstPort: flow.dstPort }, flow.sizeBytes);
    this.tracker.sent(flow, frame);
    this.transmit(frame);
  }

  private request(ip: string): void {
    const me = this.ip;
    const now = this.network.scheduler.now;
    if (!me || now - (this.asked.get(ip) ?? -Infinity) < ARP_RETRY_US) return;
    this.asked.set(ip, now);
    this.transmit(encodeArpFrame(this.mac, BROADCAST_MAC, { op: 1, senderMac: this.mac, senderIp: me.address, targetMac: '00:00:00:00:00:00', targetIp: ip }));
  }

  onFrame(port: SimPort, frame: Uint8Array, etherType: number): boolean {
    if (this.device.isFailed || this.device.services.bond?.accepts(port) === false) return true;
    if (etherType === 0x0806) this.receiveArp(frame);
    else if (etherType === 0x0800) this.receiveIp(frame);
    return true;
  }

  private receiveArp(frame: Uint8Array): void {
    let arp: ArpPacket;
    try {
      arp = decodeArpFrame(frame).arp;
    } catch {
      return;
    }
    const me = this.ip;
    const forMe = me !== null && arp.targetIp === me.address && !isGratuitous(arp);
    // RFC 826 merge: update a known sender even from a request; add it only if the packet is for us
    // (Linux arp_accept=0: a gratuitous ARP never creates an entry).
    if (this.arp.has(arp.senderIp) || forMe) this.learn(arp.senderIp, arp.senderMac, isGratuitous(arp));
    if (forMe && arp.op === 1 && me) {
      this.transmit(encodeArpFrame(this.mac, arp.senderMac, { op: 2, senderMac: this.mac, senderIp: me.address, targetMac: arp.senderMac, targetIp: arp.senderIp }));
    }
  }

  private learn(ip: string, mac: string, gratuitous: boolean): void {
    const known = this.arp.get(ip);
    this.arp.set(ip, { mac, seenUs: this.network.scheduler.now });
    if (known?.mac !== mac) this.emit({ t: usToMs(this.network.scheduler.now), type: 'arp', device: this.device.id, ip, mac, gratuitous });
    const queue = this.waiting.get(ip);
    if (!queue) return;
    this.waiting.delete(ip);
    for (const flow of queue) this.sendDatagram(flow, ip, mac);
  }

  private receiveIp(frame: Uint8Array): void {
    const me = this.ip;
    if (!me) return;
    try {
      const d = decodeUdpFrame(frame);
      if (d.ip.dst === me.address && (d.dst === this.mac || d.dst === BROADCAST_MAC)) this.tracker.delivered(frame);
    } catch {
      // Not a datagram for this stack.
    }
  }

  onCarrier(): void {}

  /** Power off or on: the caches start empty (the flows keep their timers but send nothing while off). */
  onPower(): void {
    this.arp.clear();
    this.waiting.clear();
    this.asked.clear();
  }

  onMute(): void {}

  /** Stops the flows (the host is being removed). */
  destroy(): void {
    for (const t of this.timers.values()) t.cancel();
    this.timers.clear();
  }
}
