/**
 * The IP stack of a router, an L3 switch or an upstream (RFC 1812 basics): ARP on each interface
 * (answering for its addresses and, while a first-hop protocol says so, for virtual ones), packets
 * for the device itself (ICMP echo → echo reply, RFC 792; flow datagrams to an upstream), and
 * forwarding: TTL decrement (a packet whose TTL runs out is discarded with an ICMP Time Exceeded,
 * RFC 1812 §5.3.1), longest-prefix route lookup, next-hop resolution, new Ethernet header.
 *
 * Frames reach it on routed ports directly and, on a switch, through the bridge for the SVI
 * (`L3Service`: the switch's own MAC, active virtual MACs, and copies of group-addressed frames).
 */
import { decodeArpFrame, encodeArpFrame, isGratuitous } from '../codecs/arp';
import { ETHERTYPE_ARP, ETHERTYPE_IPV4 } from '../codecs/ethernet';
import type { IcmpMessage } from '../codecs/icmp';
import { decodeIcmp, encodeIcmpEcho, encodeIcmpTimeExceeded, ICMP_ECHO_REPLY, ICMP_ECHO_REQUEST, IP_PROTO_ICMP } from '../codecs/icmp';
import type { Ipv4Header, Ipv4Send } from '../codecs/ipv4';
import { decodeIpv4Frame, encodeIpv4Frame, forwardIpv4Frame, IP_PROTO_UDP } from '../codecs/ipv4';
import { sameSubnet } from '../codecs/ipv4addr';
import type { Network } from '../device/network';
import type { L3Service } from '../device/services';
import type { ProtocolHandler, SimDevice, SimPort } from '../device/types';
import type { EventSink } from '../events';
import type { FlowTracker } from '../host/flowTracker';
import { isGroupMac, macKeyAt } from '../l2/macTable';
import type { IpInterface } from './interfaces';
import { interfacesOf, interfaceUp } from './interfaces';
import { Neighbours } from './neighbours';
import { lookupRoute } from './routing';

/** IP protocol number of VRRP (RFC 5798 §5.1.1.4): handed to the first-hop listeners. */
const IP_PROTO_VRRP = 112;

/** No ICMP error is sent about an ICMP error (RFC 1812 §4.3.2.7); echoes are not errors. */
function isIcmpError(frame: Uint8Array, ip: Ipv4Header): boolean {
  if (ip.protocol !== IP_PROTO_ICMP) return false;
  const type = frame[14 + ((frame[14] ?? 0) & 0x0f) * 4] ?? 0;
  return type !== ICMP_ECHO_REQUEST && type !== ICMP_ECHO_REPLY;
}

/**
 * An address the device holds besides its interfaces' own: a VRRP virtual IP (RFC 5798) or an
 * anycast gateway (RFC 9135 §4). The first-hop module owning it says, at any moment, what the data
 * plane may do with it.
 */
export interface VirtualAddress {
  readonly iface: IpInterface;
  readonly ip: string;
  readonly mac: string;
  readonly macKey: number;
  /** Answer ARP requests for `ip` with `mac` (VRRP Master; anycast: always). */
  answersArp(): boolean;
  /** Take frames sent to `mac` and route them (VRRP Master, or Backup in active-active; anycast: always). */
  takesFrames(): boolean;
  /** Accept packets addressed to `ip` (VRRP owner or Accept_Mode; anycast: always). */
  acceptsPackets(): boolean;
}

/** What the stack needs from the simulation. */
export interface IpStackContext {
  network: Network;
  emit: EventSink;
  /** Follows flow datagrams across routers (absent in labs without hosts). */
  tracker: FlowTracker | null;
  /** The switch's bridge, through which the SVI sends. */
  bridge: { inject(frame: Uint8Array): void } | undefined;
}

/** Interface state changes, for first-hop protocols (VRRP interface down / up). */
export type InterfaceListener = (iface: IpInterface, isUp: boolean) => void;
/** A group-addressed VRRP frame arrived on an interface. */
export type VrrpListener = (iface: IpInterface, frame: Uint8Array) => void;

export class IpStack implements ProtocolHandler, L3Service {
  readonly interfaces: IpInterface[];
  private readonly byPort = new Map<string, IpInterface>();
  private readonly svi: IpInterface | undefined;
  private readonly virtuals: VirtualAddress[] = [];
  readonly neighbours: Neighbours;
  private readonly ifUp = new Map<IpInterface, boolean>();
  private readonly ifListeners: InterfaceListener[] = [];
  private readonly vrrpListeners: VrrpListener[] = [];
  private ipId = 0;

  constructor(
    readonly device: SimDevice,
    private readonly ctx: IpStackContext,
  ) {
    this.interfaces = interfacesOf(device);
    for (const i of this.interfaces) if (i.port) this.byPort.set(i.port.id, i);
    this.svi = this.interfaces.find((i) => i.kind === 'svi');
    this.neighbours = new Neighbours(device.id, ctx.network.scheduler, ctx.emit, (iface, frame) => this.sendOn(iface, frame));
    if (this.svi) device.services.l3 = this;
    for (const i of this.interfaces) this.ifUp.set(i, interfaceUp(device, i));
  }

  /** Leaves the device (live edit): the SVI stops taking frames. */
  destroy(): void {
    if (this.device.services.l3 === this) delete this.device.services.l3;
    this.virtuals.length = 0;
  }

  // ---- for first-hop protocols -------------------------------------------------------------

  /** The interface named `name` (a port id or `svi`). */
  interface(name: string): IpInterface | undefined {
    return this.interfaces.find((i) => i.name === name);
  }

  addVirtual(v: VirtualAddress): void {
    this.virtuals.push(v);
  }

  onInterface(listener: InterfaceListener): void {
    this.ifListeners.push(listener);
  }

  onVrrp(listener: VrrpListener): void {
    this.vrrpListeners.push(listener);
  }

  isUp(iface: IpInterface): boolean {
    return this.ifUp.get(iface) === true;
  }

  /** Puts a frame out of an interface: the routed port, or the bridge for the SVI. */
  sendOn(iface: IpInterface, frame: Uint8Array): void {
    if (this.device.isFailed) return;
    if (iface.port) this.ctx.network.send(iface.port, frame);
    else if (iface.kind === 'svi') this.ctx.bridge?.inject(frame);
  }

  // ---- receive ----------------------------------------------------------------------------

  onFrame(port: SimPort, frame: Uint8Array, etherType: number): boolean {
    if (this.device.isFailed) return true;
    const iface = this.byPort.get(port.id);
    if (iface) this.handle(iface, frame, etherType);
    // A router's or upstream's ports without an address carry nothing; a switch's go to the bridge.
    return iface !== undefined || this.device.config.type !== 'switch';
  }

  /** L3Service: the SVI's MAC, or a virtual MAC whose owner takes frames now. */
  isLocalMac(mac: number): boolean {
    return mac === this.svi?.macKey || this.takesVirtual(this.svi, mac);
  }

  /** L3Service: a frame for the switch came through the bridge. */
  receive(frame: Uint8Array): void {
    if (this.svi && !this.device.isFailed) this.handle(this.svi, frame, ((frame[12] ?? 0) << 8) | (frame[13] ?? 0));
  }

  private takesVirtual(iface: IpInterface | undefined, mac: number): boolean {
    for (const v of this.virtuals) if (v.iface === iface && v.macKey === mac && v.takesFrames()) return true;
    return false;
  }

  private handle(iface: IpInterface, frame: Uint8Array, etherType: number): void {
    const isGroup = isGroupMac(frame, 0);
    const dst = macKeyAt(frame, 0);
    if (!isGroup && dst !== iface.macKey && !this.takesVirtual(iface, dst)) return;
    if (etherType === ETHERTYPE_ARP) this.receiveArp(iface, frame);
    else if (etherType === ETHERTYPE_IPV4) this.receiveIpv4(iface, frame, isGroup);
  }

  /** The MAC this device answers ARP for `ip` with on `iface`: its own, or an active virtual one. */
  private arpAnswer(iface: IpInterface, ip: string): string | undefined {
    if (ip === iface.address) return iface.mac;
    for (const v of this.virtuals) if (v.iface === iface && v.ip === ip && v.answersArp()) return v.mac;
    return undefined;
  }

  private receiveArp(iface: IpInterface, frame: Uint8Array): void {
    let arp;
    try {
      arp = decodeArpFrame(frame).arp;
    } catch {
      return;
    }
    if (!sameSubnet(arp.senderIp, iface.address, iface.prefix)) return;
    const answer = this.arpAnswer(iface, arp.targetIp);
    const gratuitous = isGratuitous(arp);
    this.neighbours.merge(iface, arp.senderIp, arp.senderMac, answer !== undefined && !gratuitous, gratuitous);
    if (answer === undefined || gratuitous || arp.op !== 1) return;
    // RFC 826 reply; for a virtual IP the virtual MAC is both the Ethernet source and the SHA (RFC 5798 §7.3, §8.1.2).
    this.sendOn(iface, encodeArpFrame(answer, arp.senderMac, { op: 2, senderMac: answer, senderIp: arp.targetIp, targetMac: arp.senderMac, targetIp: arp.senderIp }));
  }

  private receiveIpv4(iface: IpInterface, frame: Uint8Array, isGroup: boolean): void {
    let ip: Ipv4Header;
    let body: Uint8Array;
    try {
      ({ ip, body } = decodeIpv4Frame(frame));
    } catch {
      return;
    }
    if (ip.protocol === IP_PROTO_VRRP) {
      if (isGroup) for (const l of this.vrrpListeners) l(iface, frame);
      return;
    }
    if (isGroup) return;
    if (this.isLocalAddress(ip.dst)) this.deliverLocal(ip, body, frame);
    // A virtual IP this device does not accept packets for is discarded, never routed (RFC 5798 §6.4.3).
    else if (!this.virtuals.some((v) => v.ip === ip.dst)) this.forward(frame, ip);
  }

  /** Weak host model (RFC 1122 §3.3.4.2): any interface's address, and virtual IPs accepted now. */
  private isLocalAddress(ip: string): boolean {
    for (const i of this.interfaces) if (i.address === ip) return true;
    for (const v of this.virtuals) if (v.ip === ip && v.acceptsPackets()) return true;
    return false;
  }

  private deliverLocal(ip: Ipv4Header, body: Uint8Array, frame: Uint8Array): void {
    if (ip.protocol === IP_PROTO_UDP) {
      this.ctx.tracker?.delivered(frame);
      return;
    }
    if (ip.protocol !== IP_PROTO_ICMP) return;
    let icmp: IcmpMessage;
    try {
      icmp = decodeIcmp(body);
    } catch {
      return;
    }
    // RFC 792: an Echo is answered with an Echo Reply carrying the same identifier, sequence and data.
    if (icmp.echo?.type !== ICMP_ECHO_REQUEST) return;
    const reply = encodeIcmpEcho({ ...icmp.echo, type: ICMP_ECHO_REPLY });
    this.originate({ src: ip.dst, dst: ip.src, protocol: IP_PROTO_ICMP }, reply);
  }

  // ---- forward and originate --------------------------------------------------------------

  private isUpNow = (iface: IpInterface): boolean => this.ifUp.get(iface) === true;

  /** RFC 1812 §5.3.1 TTL, §5.2.4 route lookup, then the next hop's MAC and a new Ethernet header. */
  private forward(frame: Uint8Array, ip: Ipv4Header): void {
    if (ip.ttl <= 1) {
      if (!isIcmpError(frame, ip)) this.timeExceeded(frame, ip);
      return;
    }
    const route = lookupRoute(ip.dst, this.interfaces, this.device.config.routes, this.isUpNow);
    if (!route) return;
    this.neighbours.resolve(route.iface, route.nextHop, (mac) => {
      const out = forwardIpv4Frame(frame, route.iface.mac, mac);
      this.ctx.tracker?.relay(frame, out);
      return out;
    });
  }

  /** RFC 792 Time Exceeded back to the sender, from the interface facing it. */
  private timeExceeded(frame: Uint8Array, ip: Ipv4Header): void {
    const back = lookupRoute(ip.src, this.interfaces, this.device.config.routes, this.isUpNow);
    if (!back) return;
    this.originate({ src: back.iface.address, dst: ip.src, protocol: IP_PROTO_ICMP }, encodeIcmpTimeExceeded(frame.subarray(14, 14 + ip.totalLength)));
  }

  /** Sends a packet this device originates (echo replies, Time Exceeded). */
  originate(ip: Omit<Ipv4Send, 'ttl' | 'id'>, body: Uint8Array): void {
    const route = lookupRoute(ip.dst, this.interfaces, this.device.config.routes, this.isUpNow);
    if (!route) return;
    const id = ++this.ipId;
    this.neighbours.resolve(route.iface, route.nextHop, (mac) => encodeIpv4Frame(route.iface.mac, mac, { ...ip, id }, body));
  }

  // ---- carrier and power ------------------------------------------------------------------

  private refreshInterfaces(): void {
    for (const iface of this.interfaces) {
      const isUp = interfaceUp(this.device, iface);
      if (this.ifUp.get(iface) === isUp) continue;
      this.ifUp.set(iface, isUp);
      if (!isUp) this.neighbours.flush(iface);
      for (const l of this.ifListeners) l(iface, isUp);
    }
  }

  onCarrier(): void {
    this.refreshInterfaces();
  }

  /** Power off: caches empty, every interface down. Power on: interfaces follow their carrier. */
  onPower(isOn: boolean): void {
    if (!isOn) this.neighbours.flush();
    this.refreshInterfaces();
  }

  onMute(): void {}
}
