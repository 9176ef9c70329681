/**
 * The layer-3 part of a lab: an IP stack on every router, upstream and L3 switch (a switch with
 * an SVI or a routed port), the first-hop redundancy running on them (VRRP groups, anycast
 * gateways) and the hosts' reachability probes. Built from the document, rebuilt as a whole when
 * its layer-3 settings change (live edit); labs without layer 3 get nothing here and pay nothing
 * per frame.
 */
import type { ResolvedTopology } from '../model';
import type { Network } from './device/network';
import type { SimDevice } from './device/types';
import type { EventSink } from './events';
import type { FlowTracker } from './host/flowTracker';
import { AdvertTap } from './gateway/advertTap';
import { installAnycastGateways } from './gateway/anycast';
import { VrrpLab } from './gateway/vrrpLab';
import type { HostStack } from './host/hostStack';
import { IpStack } from './l3';
import { ProbeLab } from './probe';
import { L2Bridge } from './l2/bridge';

/** Does the device route? Routers and upstreams always; a switch with an SVI or a routed port. */
export function isL3Device(d: ResolvedTopology['devices'][number]): boolean {
  if (d.type === 'router' || d.type === 'upstream') return true;
  return d.type === 'switch' && (d.ip !== null || d.ports.some((p) => p.ip !== null));
}

/** Everything layer 3 reads from the document: when this is unchanged, a live edit keeps the stacks. */
export function layer3Key(t: ResolvedTopology): string {
  const devices = t.devices.filter((d) => isL3Device(d) || d.type === 'host').map((d) => [d.id, d.type, d.ip, d.gateway, d.routes, d.ports.map((p) => p.ip)]);
  return JSON.stringify([devices, t.vrrp, t.anycastGateways, t.probes]);
}

export interface Layer3Options {
  /** Emit a `vrrpAdvert` event per link an advertisement crosses. */
  wantsAdverts: boolean;
  /** The document as it stands (live edits replace it). */
  topology: () => ResolvedTopology;
}

export class Layer3 {
  readonly stacks = new Map<string, IpStack>();
  vrrp: VrrpLab | null = null;
  private adverts: AdvertTap | null = null;
  private isStarted = false;
  /** Reachability probes of the hosts (attached after the host stacks are built). */
  readonly probes: ProbeLab;

  constructor(
    private readonly network: Network,
    private readonly emit: EventSink,
    private readonly tracker: FlowTracker,
    private readonly options: Layer3Options,
  ) {
    this.probes = new ProbeLab(network, emit, options.topology, () => this.masters());
  }

  /** VRRP group id → the device that is Master now. */
  masters(): Map<string, string> {
    const out = new Map<string, string>();
    for (const i of this.vrrp?.instances ?? []) if (i.vr.state === 'master' && !out.has(i.group.id)) out.set(i.group.id, i.member.device);
    return out;
  }

  /** Probers for the hosts just built (host stacks are rebuilt with the hosts). */
  attachProbes(hosts: readonly HostStack[]): void {
    this.probes.attach(hosts, this.isStarted);
  }

  /** Builds the stacks and first-hop protocols for `topology` (after destroying the previous ones). */
  build(topology: ResolvedTopology): void {
    this.destroy();
    for (const cfg of topology.devices) {
      const device = this.network.devices.get(cfg.id);
      if (device && isL3Device(cfg)) this.attach(device);
    }
    installAnycastGateways(topology.anycastGateways, this.stacks);
    if (topology.vrrp.length > 0) {
      this.vrrp = new VrrpLab(topology.vrrp, { network: this.network, emit: this.emit, stacks: this.stacks, adverts: this.advertTap() });
      if (this.isStarted) this.vrrp.start();
    }
  }

  /** The advertisement tap, installed on the network the first time a lab has VRRP. */
  private advertTap(): AdvertTap | null {
    if (!this.options.wantsAdverts) return null;
    if (!this.adverts) {
      this.adverts = new AdvertTap(this.network, this.emit);
      this.network.addTap(this.adverts.tap);
    }
    return this.adverts;
  }

  /** The lab starts: first-hop protocols start up (links are up by now). */
  start(): void {
    this.isStarted = true;
    this.vrrp?.start();
    this.probes.start();
  }

  private attach(device: SimDevice): void {
    const bridge = device.protocols.find((p): p is L2Bridge => p instanceof L2Bridge);
    const stack = new IpStack(device, { network: this.network, emit: this.emit, tracker: this.tracker, bridge });
    // On a switch the stack sits before the bridge: it takes its routed ports' frames first.
    const at = bridge ? device.protocols.indexOf(bridge) : device.protocols.length;
    device.protocols.splice(at, 0, stack);
    this.stacks.set(device.id, stack);
  }

  /** Removes every stack from its device and stops the first-hop protocols. */
  destroy(): void {
    this.vrrp?.destroy();
    this.vrrp = null;
    for (const stack of this.stacks.values()) {
      stack.destroy();
      const protocols = stack.device.protocols;
      const i = protocols.indexOf(stack);
      if (i >= 0) protocols.splice(i, 1);
    }
    this.stacks.clear();
  }
}
