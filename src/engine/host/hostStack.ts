/**
 * A host's network stack, as much as the chapter needs: an IPv4 address and a default gateway
 * (RFC 1122 §3.3.1: a destination off the host's subnet is sent to the gateway's MAC; without a
 * usable gateway the host reaches only its own subnet), ARP with a cache (RFC 826, with Linux's
 * arp_accept=0 rule for gratuitous ARP), UDP flows, ICMP echo (it answers pings, RFC 792) and
 * the hooks the reachability probes use. Its NICs: a bond (a LAG on the host, Linux mode 802.3ad)
 * or its first port with carrier. Frames are real bytes; datagrams are tracked by the FlowTracker.
 */
import type { ResolvedFlow } from '../../model';
import type { ArpPacket } from '../codecs/arp';
import { decodeArpFrame, encodeArpFrame, isGratuitous } from '../codecs/arp';
import { BROADCAST_MAC } from '../codecs/mac';
import type { IcmpEcho } from '../codecs/icmp';
import { decodeIcmp, encodeIcmpEchoFrame, ICMP_ECHO_REPLY, ICMP_ECHO_REQUEST, IP_PROTO_ICMP } from '../codecs/icmp';
import { decodeIpv4Frame, encodeUdpFrame, IP_PROTO_UDP } from '../codecs/ipv4';
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

/** What a reachability prober hears back (probe/prober.ts). */
export interface ProbeListener {
  /** An ARP reply from `ip` at `mac` reached this host. */
  arpFrom(ip: string, mac: string): void;
  /** An ICMP Echo Reply from `src` with this identifier and sequence number arrived. */
  echoReply(src: string, id: number, seq: number): void;
}

export class HostStack implements ProtocolHandler {
  private readonly arp = new Map<string, Neighbour>();
  /** Packets waiting for a next hop's MAC, by next-hop address: each is sent once the MAC is known. */
  private readonly waiting = new Map<string, ((mac: string) => void)[]>();
  private readonly asked = new Map<string, number>();
  private readonly timers = new Map<string, { cancel(): void }>();
  private datagramId = 0;
  /** The prober of this host, if reachability probes run. */
  probeListener: ProbeListener | null = null;

  constructor(
    readonly device: SimDevice,
    private readonly network: Network,
    private readonly emit: EventSink,
    private readonly tracker: FlowTracker,
    private readonly flows: readonly ResolvedFlow[],
    private readonly peers: ReadonlyMap<string, string>,
  ) {}

  /** The host's IPv4 address, if it has one. */
  get ipAddress(): string | undefined {
    return this.ip?.address;
  }

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

  /**
   * Where a packet to `dst` goes first (RFC 1122 §3.3.1.1): the destination itself on the host's
   * subnet, else the gateway when one is set in that subnet; null when the host cannot reach it.
   */
  nextHop(dst: string): string | null {
    const me = this.ip;
    if (!me) return null;
    if (sameSubnet(me.address, dst, me.prefix)) return dst;
    const gw = this.device.config.gateway;
    return gw !== null && sameSubnet(me.address, gw, me.prefix) ? gw : null;
  }

  /**
   * Sends to next hop `hop` now when its MAC is known; otherwise queues (up to ARP_QUEUE) and asks.
   * Returns true when it went out now.
   */
  private viaNeighbour(hop: string, send: (mac: string) => void): boolean {
    const neighbour = this.arp.get(hop);
    if (neighbour && this.network.scheduler.now - neighbour.seenUs <= ARP_VALID_US) {
      send(neighbour.mac);
      return true;
    }
    const queue = this.waiting.get(hop) ?? [];
    if (queue.length < ARP_QUEUE) queue.push(send);
    this.waiting.set(hop, queue);
    this.request(hop);
    return false;
  }

  private sendFlow(flow: ResolvedFlow): void {
    const dst = this.peers.get(flow.to);
    const hop = dst === undefined ? null : this.nextHop(dst);
    if (dst === undefined || hop === null || this.device.isFailed) {
      this.tracker.sent(flow, null);
      return;
    }
    if (!this.viaNeighbour(hop, (mac) => this.sendDatagram(flow, dst, mac))) this.tracker.sent(flow, null);
  }

  /**
   * A probe's ICMP Echo to `dst` (like `ping`): through the gateway when off-subnet. False when the
   * host has no route to it (no address, no usable gateway) or is down.
   */
  sendEcho(dst: string, echo: Omit<IcmpEcho, 'type'>): boolean {
    const me = this.ip;
    const hop = this.nextHop(dst);
    if (!me || hop === null || this.device.isFailed) return false;
    this.viaNeighbour(hop, (mac) => this.transmit(encodeIcmpEchoFrame(this.mac, mac, { src: me.address, dst, id: ++this.datagramId }, { ...echo, type: ICMP_ECHO_REQUEST })));
    return true;
  }

  /**
   * A probe's ARP request for `ip` (like iputils `arping`): broadcast, or unicast to `dstMac` once
   * an answer was heard. Userspace arping is not paced like the kernel's resolution.
   */
  sendArpProbe(ip: string, dstMac: string = BROADCAST_MAC): boolean {
    const me = this.ip;
    if (!me || this.device.isFailed) return false;
    return this.transmit(encodeArpFrame(this.mac, dstMac, { op: 1, senderMac: this.mac, senderIp: me.address, targetMac: '00:00:00:00:00:00', targetIp: ip }));
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
    if (forMe && arp.op === 2) this.probeListener?.arpFrom(arp.senderIp, arp.senderMac);
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
    for (const send of queue) send(mac);
  }

  private receiveIp(frame: Uint8Array): void {
    const me = this.ip;
    if (!me) return;
    let d;
    try {
      d = decodeIpv4Frame(frame);
    } catch {
      return;
    }
    if (d.ip.dst !== me.address || (d.dst !== this.mac && d.dst !== BROADCAST_MAC)) return;
    if (d.ip.protocol === IP_PROTO_UDP) this.tracker.delivered(frame);
    else if (d.ip.protocol === IP_PROTO_ICMP) this.receiveIcmp(d.ip.src, d.body);
  }

  /** RFC 792: answer an Echo (through the next hop towards its sender), report an Echo Reply to the prober. */
  private receiveIcmp(src: string, body: Uint8Array): void {
    const me = this.ip;
    let icmp;
    try {
      icmp = decodeIcmp(body);
    } catch {
      return;
    }
    const echo = icmp.echo;
    if (!me || !echo) return;
    if (echo.type === ICMP_ECHO_REPLY) {
      this.probeListener?.echoReply(src, echo.id, echo.seq);
      return;
    }
    const hop = this.nextHop(src);
    if (hop === null) return;
    const reply: IcmpEcho = { ...echo, type: ICMP_ECHO_REPLY };
    this.viaNeighbour(hop, (mac) => this.transmit(encodeIcmpEchoFrame(this.mac, mac, { src: me.address, dst: src, id: ++this.datagramId }, reply)));
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
