/**
 * Turns spanning-tree state into events: `stp` when a port's role or state (or the root its bridge
 * believes in) changed since the last report, and `bpdu` for every BPDU put on the wire — only
 * when asked for, like `lacpdu` (the same pattern as LacpTransmitter's wantsPduEvents).
 */
import type { Bpdu } from '../codecs/bpdu';
import { bpduTimeToMs, encodeBpduFrame } from '../codecs/bpdu';
import type { Network } from '../device/network';
import type { SimPort } from '../device/types';
import { peerOf } from '../device/types';
import type { BpduEvent, EventSink, StpEvent } from '../events';
import { usToMs } from '../scheduler';
import { bridgeKey, bridgeText } from './priorityVector';
import type { PortView, RootView } from './types';

const ROLE_NAMES = ['unknown', 'alternateOrBackup', 'root', 'designated'] as const;

/** Names of the flags set in a BPDU (802.1D-2004 9.3.1, 9.3.3). */
export function bpduFlagNames(bpdu: Bpdu): string[] {
  if (bpdu.kind === 'tcn') return [];
  const f = bpdu.flags;
  const names: string[] = [];
  if (f.topologyChange) names.push('topologyChange');
  if (bpdu.kind === 'rst') {
    if (bpdu.flags.proposal) names.push('proposal');
    if (bpdu.flags.learning) names.push('learning');
    if (bpdu.flags.forwarding) names.push('forwarding');
    if (bpdu.flags.agreement) names.push('agreement');
  }
  if (f.topologyChangeAck) names.push('topologyChangeAck');
  return names;
}

/** Sends BPDU frames and, when wanted, reports them. Shared by every switch of a simulation. */
export class BpduTransmitter {
  constructor(
    private readonly network: Network,
    private readonly emit: EventSink,
    private readonly wantsBpduEvents: boolean,
  ) {}

  /** Puts `bpdu` on the wire from `member` (source MAC = the port's MAC, 802.1D-2004 7.12). */
  send(member: SimPort, bpdu: Bpdu): void {
    const frame = encodeBpduFrame(member.mac, bpdu);
    const link = member.link;
    const frameNo = this.network.send(member, frame);
    if (frameNo === 0 || !link || !this.wantsBpduEvents) return;
    const to = peerOf(member);
    if (!to) return;
    const event: BpduEvent = {
      t: usToMs(this.network.scheduler.now),
      type: 'bpdu',
      link: link.id,
      from: { device: member.device.id, port: member.id },
      to: { device: to.device.id, port: to.id },
      arrive: usToMs(this.network.arrivalUs(link, frame.length)),
      frame: frameNo,
      kind: bpdu.kind,
      flags: bpduFlagNames(bpdu),
    };
    if (bpdu.kind !== 'tcn') {
      if (bpdu.kind === 'rst') event.role = ROLE_NAMES[bpdu.flags.portRole];
      event.root = bridgeText(bridgeKey(bpdu.rootId));
      event.cost = bpdu.rootPathCost;
      event.bridge = bridgeText(bridgeKey(bpdu.bridgeId));
      event.port = bpdu.portId.raw;
      event.messageAge = bpduTimeToMs(bpdu.messageAge) / 1000;
    }
    this.emit(event);
  }
}

type Reported = Pick<StpEvent, 'role' | 'state' | 'rootBridge' | 'rootCost' | 'isRoot'>;

/** Emits `stp` events for one switch, each port only when something changed. */
export class StpReporter {
  private readonly last = new Map<string, Reported>();

  constructor(
    private readonly network: Network,
    private readonly emit: EventSink,
    private readonly device: string,
  ) {}

  /** Reports bridge port `bp` (named `port` in the event) if anything changed since last time. */
  report(bp: string, port: string, view: PortView, root: RootView): void {
    const last = this.last.get(bp);
    if (last && last.role === view.role && last.state === view.state && last.rootBridge === root.rootBridge && last.rootCost === root.rootCost && last.isRoot === root.isRoot) return;
    const next: Reported = { role: view.role, state: view.state, rootBridge: root.rootBridge, rootCost: root.rootCost, isRoot: root.isRoot };
    this.last.set(bp, next);
    this.emit({ t: usToMs(this.network.scheduler.now), type: 'stp', device: this.device, port, ...next });
  }
}
