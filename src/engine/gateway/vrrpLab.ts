/**
 * VRRP in the running lab: one `VirtualRouter` (src/engine/vrrp, RFC 5798) per group member,
 * wired to its device's IP stack as vrrp/README.md asks. Advertisements and gratuitous ARPs go out
 * of the member's interface as real frames (through the bridge for an SVI, so switches learn the
 * virtual MAC); received advertisements are decoded once and handed to the member on that
 * interface; the stack answers ARP for the VIP and takes frames to the virtual MAC while the
 * member says so. Interface down / up (carrier, device fail / restore) → `interfaceDown` /
 * `interfaceUp`; a tracked link or port going down / up → `trackDown` / `trackUp`.
 *
 * Active-active groups (an MC-LAG pair, vPC peer-gateway / Arista active-active VRRP): the Backup
 * too answers ARP for the VIP and routes frames sent to the virtual MAC, so whichever peer a host's
 * bond hashes a frame to routes it — nothing crosses the peer-link, and a peer's failure costs only
 * the host's member loss. The election still runs (one Master advertises).
 */
import type { ResolvedVrrpGroup, ResolvedVrrpMember } from '../../model';
import type { VrrpFrame } from '../codecs/vrrp';
import { decodeVrrpFrame, IP_PROTO_VRRP } from '../codecs/vrrp';
import type { Network } from '../device/network';
import type { EventSink } from '../events';
import type { IpInterface, IpStack } from '../l3';
import { macKey } from '../l3';
import { VirtualRouter } from '../vrrp';
import type { AdvertTap } from './advertTap';

/** One group member running. */
export interface VrrpInstance {
  readonly group: ResolvedVrrpGroup;
  readonly member: ResolvedVrrpMember;
  readonly stack: IpStack;
  readonly iface: IpInterface;
  readonly vr: VirtualRouter;
}

/** What the lab's VRRP needs from the simulation. */
export interface VrrpLabContext {
  network: Network;
  emit: EventSink;
  stacks: ReadonlyMap<string, IpStack>;
  /** Marks advertisements for `vrrpAdvert` events; null when nobody wants them. */
  adverts: AdvertTap | null;
}

function isAdvertisement(frame: Uint8Array): boolean {
  return frame[12] === 0x08 && frame[13] === 0x00 && frame[23] === IP_PROTO_VRRP;
}

export class VrrpLab {
  readonly instances: VrrpInstance[] = [];
  private unsubscribe: (() => void) | null = null;

  constructor(
    groups: readonly ResolvedVrrpGroup[],
    private readonly ctx: VrrpLabContext,
  ) {
    for (const group of groups) for (const member of group.members) this.add(group, member);
    const stacks = new Set(this.instances.map((i) => i.stack));
    for (const stack of stacks) {
      stack.onVrrp((iface, frame) => this.receive(stack, iface, frame));
      stack.onInterface((iface, isUp) => this.interfaceChanged(stack, iface, isUp));
    }
  }

  private add(group: ResolvedVrrpGroup, member: ResolvedVrrpMember): void {
    const stack = this.ctx.stacks.get(member.device);
    const iface = stack?.interface(member.iface);
    if (!stack || !iface) return;
    const device = stack.device;
    const vr: VirtualRouter = new VirtualRouter(
      this.ctx.network.scheduler,
      {
        group: group.id,
        device: member.device,
        ...(iface.kind === 'routed' ? { port: iface.name } : {}),
        vrid: group.vrid,
        priority: member.priority,
        primaryIp: iface.address,
        virtualIps: [group.vip],
        advertIntervalCs: group.advertIntervalCs,
        preempt: member.preempt,
        preemptDelayMs: member.preemptDelayMs,
        acceptMode: group.acceptMode,
        tracks: member.tracks.map((t) => ({ object: t.target, decrement: t.decrement })),
      },
      {
        // A failed device sends nothing; a muted one (control plane hung) neither advertises nor announces.
        send: (frame) => {
          if (device.isFailed || device.isMuted) return;
          if (isAdvertisement(frame)) this.ctx.adverts?.mark(frame, group.id, member.device);
          stack.sendOn(iface, frame);
        },
        emit: (e) => this.ctx.emit(e),
      },
    );
    const mac = vr.virtualMac;
    const isActiveBackup = () => group.activeActive && vr.state === 'backup';
    stack.addVirtual({
      iface,
      ip: group.vip,
      mac,
      macKey: macKey(mac),
      answersArp: () => vr.answersArpFor(group.vip) || isActiveBackup(),
      takesFrames: () => vr.forwards(mac) || isActiveBackup(),
      acceptsPackets: () => vr.acceptsFor(group.vip),
    });
    this.instances.push({ group, member, stack, iface, vr });
  }

  /** Startup (RFC 5798 §6.4.1) of every member whose interface is up; tracked objects read first. */
  start(): void {
    for (const i of this.instances) if (!i.stack.isUp(i.iface)) i.vr.interfaceDown();
    this.unsubscribe = this.ctx.network.onLinkChange(() => this.applyTracks());
    this.applyTracks();
    for (const i of this.instances) i.vr.startup();
  }

  destroy(): void {
    this.unsubscribe?.();
    for (const i of this.instances) i.vr.destroy();
  }

  /** The instances of a group (document order of its members). */
  group(id: string): VrrpInstance[] {
    return this.instances.filter((i) => i.group.id === id);
  }

  /** The member that is Master of a group now, if any. */
  master(id: string): VrrpInstance | undefined {
    return this.instances.find((i) => i.group.id === id && i.vr.state === 'master');
  }

  private receive(stack: IpStack, iface: IpInterface, frame: Uint8Array): void {
    let decoded: VrrpFrame | undefined;
    for (const i of this.instances) {
      if (i.stack !== stack || i.iface !== iface) continue;
      try {
        decoded ??= decodeVrrpFrame(frame);
      } catch {
        return; // RFC 5798 §7.1: a malformed packet is discarded.
      }
      i.vr.receiveAdvertisement(decoded);
    }
  }

  private interfaceChanged(stack: IpStack, iface: IpInterface, isUp: boolean): void {
    for (const i of this.instances) {
      if (i.stack !== stack || i.iface !== iface) continue;
      if (isUp) i.vr.interfaceUp();
      else i.vr.interfaceDown();
    }
  }

  /** Is a tracked object up? A link: its state; `device:port`: the port's carrier. */
  private objectUp(target: string): boolean {
    const resolved = this.ctx.network.resolveTarget(target);
    if (resolved?.kind === 'link') return resolved.link.isUp;
    if (resolved?.kind === 'port') return resolved.port.isUp;
    return true;
  }

  private applyTracks(): void {
    for (const i of this.instances) {
      for (const t of i.member.tracks) {
        if (this.objectUp(t.target)) i.vr.trackUp(t.target);
        else i.vr.trackDown(t.target);
      }
    }
  }
}
