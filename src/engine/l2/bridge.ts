/**
 * A switch's data plane (802.1D-2004 §7 relay): learn the source MAC on the ingress bridge port,
 * forward known unicast to its port, flood unknown unicast and group addresses to every other
 * forwarding bridge port. A LAG is one bridge port; its member is chosen by the frame hash.
 * Control frames (LACP, BPDUs) never reach it: their protocols consume them first.
 */
import type { Network } from '../device/network';
import type { L3Service, StpRapidAgeing, StpService } from '../device/services';
import type { ProtocolHandler, SimDevice, SimPort } from '../device/types';
import type { BridgePortId } from './bridgePorts';
import { activeBridgePorts, egressMembers, ingressPort } from './bridgePorts';
import type { HashPolicy } from './hash';
import { pickMember } from './hash';
import { MacTable, isGroupMac, macKeyAt } from './macTable';

/** Reserved 01-80-C2-00-00-0x addresses are never relayed (802.1D-2004 §7.12.6). */
function isReservedGroup(frame: Uint8Array): boolean {
  return frame[0] === 0x01 && frame[1] === 0x80 && frame[2] === 0xc2 && frame[3] === 0 && frame[4] === 0 && ((frame[5] ?? 0) & 0xf0) === 0;
}

/** Most frames one switch relays per virtual millisecond (5,000 frames/s): the storm bound. */
export const STORM_FRAMES_PER_MS = 5;
/** Frames a switch holds for the next millisecond once over the bound. */
export const STORM_BACKLOG = 32;

export class L2Bridge implements ProtocolHandler {
  private budgetWindow = -1;
  private relayed = 0;
  private backlog = 0;
  readonly macs = new MacTable();
  /** The spanning tree whose topology-change flushes this bridge follows. */
  private stp: StpService | undefined;

  constructor(
    readonly device: SimDevice,
    private readonly network: Network,
    private readonly hashPolicy: HashPolicy = 'layer2+3',
  ) {
    this.followStp();
  }

  /** Subscribes to the switch's spanning tree (DeviceServices.stp) once it is there. */
  private followStp(): StpService | undefined {
    const stp = this.device.services.stp;
    if (stp && stp !== this.stp) {
      this.stp = stp;
      stp.subscribeFlush((bp, rapid) => this.stpFlush(bp, rapid));
    }
    return stp;
  }

  /** Topology change: RSTP removes entries now (802.1D-2004 17.19.7), STP ages them after Forward Delay (802.1D-1998). */
  private stpFlush(bp: string | undefined, rapid: StpRapidAgeing | undefined): void {
    if (!rapid) this.macs.flush(bp);
    else this.macs.rapidAgeing(bp, rapid.ageingMs * 1000, this.network.scheduler.now, rapid.forMs * 1000);
  }

  /** A port forwards unless spanning tree says otherwise (802.1D-2004 clause 7: only Forwarding ports relay). */
  private isForwarding(bp: BridgePortId): boolean {
    return this.stp === undefined || this.stp.portState(bp) === 'forwarding';
  }

  onFrame(port: SimPort, frame: Uint8Array): boolean {
    if (this.device.isFailed || isReservedGroup(frame)) return true;
    const ingress = ingressPort(this.device, port);
    if (ingress === null) return true;
    if (this.overBudget()) {
      this.defer(port, frame);
      return true;
    }
    // A Discarding port neither learns nor relays; a Learning port learns only (802.1D-2004 clause 7 port states).
    const ingressState = this.followStp()?.portState(ingress) ?? 'forwarding';
    if (ingressState === 'discarding') return true;
    const now = this.network.scheduler.now;
    const src = macKeyAt(frame, 6);
    if (!isGroupMac(frame, 6)) {
      const mclag = this.device.services.mclag;
      this.macs.learn(src, mclag ? mclag.learnedPort(src, ingress) : ingress, now);
      if (ingress.startsWith('l:')) mclag?.learned(src, ingress);
    }
    if (ingressState === 'learning') return true;
    const l3 = this.device.services.l3;
    if (l3 && this.toLocalStack(l3, frame)) return true;
    const known = isGroupMac(frame, 0) ? undefined : this.macs.lookup(macKeyAt(frame, 0), now);
    if (known !== undefined) {
      if (known !== ingress && this.mayEgress(ingress, known) && this.isForwarding(known) && !this.transmit(known, frame)) this.flood(ingress, frame);
      return true;
    }
    this.flood(ingress, frame);
    return true;
  }

  /**
   * An L3 switch's own frames (its SVI MAC, an active virtual MAC) go up to its IP stack and no
   * further; group-addressed frames go up as a copy and are flooded as usual. Returns true when
   * the frame was consumed.
   */
  private toLocalStack(l3: L3Service, frame: Uint8Array): boolean {
    if (isGroupMac(frame, 0)) {
      l3.receive(frame);
      return false;
    }
    if (!l3.isLocalMac(macKeyAt(frame, 0))) return false;
    l3.receive(frame);
    return true;
  }

  /**
   * The switch's IP stack sends a frame through its SVI: to the bridge port its destination was
   * learned on, else flooded to every forwarding bridge port.
   */
  inject(frame: Uint8Array): void {
    if (this.device.isFailed) return;
    const known = isGroupMac(frame, 0) ? undefined : this.macs.lookup(macKeyAt(frame, 0), this.network.scheduler.now);
    if (known !== undefined && this.isForwarding(known) && this.transmit(known, frame)) return;
    this.flood('', frame);
  }

  /**
   * MC-LAG loop prevention (Arista MLAG / Cisco vPC): a frame that came over the peer-link is not
   * sent out of an MC-LAG port the other peer serves — that peer already delivered it.
   */
  private mayEgress(ingress: BridgePortId, egress: BridgePortId): boolean {
    const mclag = this.device.services.mclag;
    return !mclag || ingress !== mclag.peerLinkPort || !mclag.peerServes(egress);
  }

  /**
   * Storm bound: a loop with no spanning tree multiplies broadcasts forever. A real switch queues
   * what exceeds its capacity and drops the rest; here each switch relays at most
   * STORM_FRAMES_PER_MS frames per virtual millisecond, queues up to STORM_BACKLOG more for the
   * next millisecond and drops the rest. A storm then shows as links saturated for as long as the
   * loop lasts (traffic events), while the lab stays responsive. Lab flows send far less.
   */
  private overBudget(): boolean {
    const window = Math.floor(this.network.scheduler.now / 1000);
    if (window !== this.budgetWindow) {
      this.budgetWindow = window;
      this.relayed = 0;
    }
    return ++this.relayed > STORM_FRAMES_PER_MS;
  }

  private defer(port: SimPort, frame: Uint8Array): void {
    if (this.backlog >= STORM_BACKLOG) return;
    this.backlog++;
    this.network.scheduler.at((this.budgetWindow + 1) * 1000, () => {
      this.backlog--;
      this.onFrame(port, frame);
    });
  }

  /** MC-LAG MAC sync: the other peer learned `mac` on `bp`. */
  installSynced(mac: number, bp: BridgePortId): void {
    this.macs.learn(mac, bp, this.network.scheduler.now);
  }

  /** Sends on a bridge port; false when it has no usable member any more (the entry is stale). */
  private transmit(bp: BridgePortId, frame: Uint8Array): boolean {
    const members = egressMembers(this.device, bp);
    const port = members[pickMember(frame, this.hashPolicy, members.length)];
    if (!port) {
      this.macs.flush(bp);
      return false;
    }
    this.network.send(port, frame);
    return true;
  }

  private flood(ingress: BridgePortId, frame: Uint8Array): void {
    for (const bp of activeBridgePorts(this.device)) if (bp !== ingress && this.mayEgress(ingress, bp) && this.isForwarding(bp)) this.transmit(bp, frame);
  }

  onCarrier(port: SimPort, isUp: boolean): void {
    // 802.1D-2004 §7.9: entries on a port that goes down are removed.
    if (!isUp) this.macs.flush(`p:${port.id}`);
  }

  onPower(): void {
    this.macs.flush();
  }

  onMute(): void {
    // The data plane keeps forwarding while the control plane is hung.
  }
}
