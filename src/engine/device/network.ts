/**
 * The wired network: devices, ports and links built from a resolved topology; frame delivery
 * with propagation and serialisation delay, and each port's transmit buffer (txQueue.ts);
 * carrier (link up/down) and fault injection.
 * Protocols attach to devices as `ProtocolHandler`s.
 */
import type { ResolvedDevice, ResolvedLink, ResolvedTopology } from '../../model';
import type { EventSink, FaultAction, FaultTargetKind } from '../events';
import type { Scheduler, VirtualUs } from '../scheduler';
import { ScheduledEvent, msToUs, usToMs } from '../scheduler';
import { isControlFrame, queuedStartUs, serialisationUs } from './txQueue';
import type { SimDevice, SimLink, SimPort } from './types';
import { peerOf } from './types';

/** Called for every frame a link carries, at the time it is put on the wire. */
export type FrameTap = (link: SimLink, from: SimPort, timeUs: VirtualUs, frame: Uint8Array) => void;

/** A resolved fault target. */
export type FaultTarget =
  | { kind: 'device'; device: SimDevice }
  | { kind: 'link'; link: SimLink }
  | { kind: 'port'; port: SimPort };

/** A frame on the wire; lost if the link changes state before it arrives. */
class FrameInFlight extends ScheduledEvent {
  private readonly generation: number;

  constructor(
    private readonly network: Network,
    private readonly link: SimLink,
    private readonly to: SimPort,
    private readonly frame: Uint8Array,
  ) {
    super();
    this.generation = link.generation;
  }

  run(): void {
    if (this.link.generation === this.generation && this.link.isUp) this.network.deliver(this.to, this.frame);
  }
}

export class Network {
  readonly devices = new Map<string, SimDevice>();
  readonly links = new Map<string, SimLink>();
  private readonly taps: FrameTap[] = [];
  private readonly dropTaps: FrameTap[] = [];
  private readonly linkListeners: ((link: SimLink) => void)[] = [];
  private readonly faultListeners: ((target: string, kind: FaultTargetKind, action: FaultAction) => void)[] = [];

  constructor(
    readonly scheduler: Scheduler,
    topology: ResolvedTopology,
    private readonly emit: EventSink,
  ) {
    for (const cfg of topology.devices) this.addDevice(cfg);
    for (const cfg of topology.links) this.addLink(cfg);
  }

  /** Adds a device (powered, its ports unwired). */
  addDevice(cfg: ResolvedDevice): SimDevice {
    const ports = new Map<string, SimPort>();
    const device: SimDevice = { id: cfg.id, config: cfg, ports, isFailed: false, isMuted: false, protocols: [], services: {} };
    for (const p of cfg.ports) {
      ports.set(p.id, { device, id: p.id, number: p.number, mac: p.mac, duplex: p.duplex, speedMbps: p.speedMbps, isRouted: p.ip !== null, link: null, isFailed: false, isSuspended: false, isUp: false });
    }
    this.devices.set(cfg.id, device);
    return device;
  }

  /** Removes a device; its links must have been removed first. */
  removeDevice(id: string): void {
    this.devices.delete(id);
  }

  /** Wires a link; call `refresh` to bring it up. */
  addLink(cfg: ResolvedLink): SimLink {
    const a = this.port(cfg.a.device, cfg.a.port);
    const b = this.port(cfg.b.device, cfg.b.port);
    const speedMbps = cfg.speedMbps ?? Math.min(a.speedMbps, b.speedMbps);
    const link: SimLink = { id: cfg.id, a, b, delayUs: msToUs(cfg.delayMs), speedMbps, isFailed: false, isUp: false, generation: 0, framesSent: 0, txFreeAB: 0, txFreeBA: 0 };
    a.link = link;
    b.link = link;
    this.links.set(cfg.id, link);
    return link;
  }

  /** Unplugs a link: it goes down (the ends see carrier loss), then disappears. */
  removeLink(id: string): void {
    const link = this.links.get(id);
    if (!link) return;
    link.isFailed = true;
    this.updateLink(link);
    link.a.link = null;
    link.b.link = null;
    this.links.delete(id);
  }

  /** Recomputes a link's state now (after it was added). */
  refresh(link: SimLink): void {
    this.updateLink(link);
  }

  /** Looks up a port; throws on an unknown one (the document was validated). */
  port(deviceId: string, portId: string): SimPort {
    const port = this.devices.get(deviceId)?.ports.get(portId);
    if (!port) throw new Error(`unknown port ${deviceId}:${portId}`);
    return port;
  }

  /** Registers a tap that sees every frame put on any link. */
  addTap(tap: FrameTap): void {
    this.taps.push(tap);
  }

  /** Registers a tap that sees every data frame a full transmit queue drops (txQueue.ts). */
  addDropTap(tap: FrameTap): void {
    this.dropTaps.push(tap);
  }

  /** Calls `listener` after every change of any link's state (tracked objects, probes' fault bookkeeping). */
  onLinkChange(listener: (link: SimLink) => void): () => void {
    this.linkListeners.push(listener);
    return () => {
      const i = this.linkListeners.indexOf(listener);
      if (i >= 0) this.linkListeners.splice(i, 1);
    };
  }

  /** Calls `listener` as each fault is applied, before its effects (probes name an outage's cause). */
  onFault(listener: (target: string, kind: FaultTargetKind, action: FaultAction) => void): () => void {
    this.faultListeners.push(listener);
    return () => {
      const i = this.faultListeners.indexOf(listener);
      if (i >= 0) this.faultListeners.splice(i, 1);
    };
  }

  /** Brings up every link whose ends are alive (at start). */
  start(): void {
    for (const link of this.links.values()) this.updateLink(link);
  }

  /**
   * Puts a frame on the port's link. It arrives after serialisation (bits / rate) plus propagation
   * delay, unless the link changes state meanwhile. A data frame counts against its direction's
   * transmit buffer, which drains at the line rate, and is dropped when the buffer is full
   * (txQueue.ts). Returns the frame number on the link, or 0 when nothing was sent (no carrier,
   * or dropped).
   */
  send(from: SimPort, frame: Uint8Array): number {
    const link = from.link;
    if (!link?.isUp) return 0;
    const to = peerOf(from) as SimPort;
    const now = this.scheduler.now;
    const serialUs = serialisationUs(frame.length, link.speedMbps);
    if (!isControlFrame(frame)) {
      const isAB = from === link.a;
      const freeAt = queuedStartUs(now, isAB ? link.txFreeAB : link.txFreeBA, frame.length, link.speedMbps);
      if (freeAt === null) {
        for (const tap of this.dropTaps) tap(link, from, now, frame);
        return 0;
      }
      if (isAB) link.txFreeAB = freeAt + serialUs;
      else link.txFreeBA = freeAt + serialUs;
    }
    link.framesSent++;
    for (const tap of this.taps) tap(link, from, now, frame);
    this.scheduler.schedule(new FrameInFlight(this, link, to, frame), now + serialUs + link.delayUs);
    return link.framesSent;
  }

  /** When a frame of `bytes` put on `link` now arrives (frame + preamble, FCS and inter-frame gap). */
  arrivalUs(link: SimLink, bytes: number): VirtualUs {
    return this.scheduler.now + serialisationUs(bytes, link.speedMbps) + link.delayUs;
  }

  /** @internal A frame reached the far end of its link. */
  deliver(to: SimPort, frame: Uint8Array): void {
    const device = to.device;
    if (device.isFailed || frame.length < 14) return;
    const etherType = ((frame[12] as number) << 8) | (frame[13] as number);
    const payload = frame.subarray(14);
    for (const proto of device.protocols) {
      if (proto.onFrame(to, frame, etherType, payload)) return;
    }
  }

  /** Resolves a fault target: a device id, a link id or `device:port`. */
  resolveTarget(target: string): FaultTarget | undefined {
    const device = this.devices.get(target);
    if (device) return { kind: 'device', device };
    const link = this.links.get(target);
    if (link) return { kind: 'link', link };
    const sep = target.lastIndexOf(':');
    const port = sep > 0 ? this.devices.get(target.slice(0, sep))?.ports.get(target.slice(sep + 1)) : undefined;
    return port ? { kind: 'port', port } : undefined;
  }

  /** Applies a fault now. Mute applies to devices only (checked by the caller's validation). */
  applyFault(target: string, action: FaultAction): void {
    const resolved = this.resolveTarget(target);
    if (!resolved) throw new Error(`unknown fault target "${target}"`);
    this.emit({ t: usToMs(this.scheduler.now), type: 'fault', target, kind: resolved.kind satisfies FaultTargetKind, action });
    for (const l of this.faultListeners) l(target, resolved.kind, action);
    switch (resolved.kind) {
      case 'device':
        this.deviceFault(resolved.device, action);
        break;
      case 'link':
        if (action === 'fail' || action === 'restore') {
          resolved.link.isFailed = action === 'fail';
          this.updateLink(resolved.link);
        }
        break;
      case 'port':
        if (action === 'fail' || action === 'restore') {
          resolved.port.isFailed = action === 'fail';
          if (resolved.port.link) this.updateLink(resolved.port.link);
        }
        break;
    }
  }

  private deviceFault(device: SimDevice, action: FaultAction): void {
    if (action === 'mute' || action === 'unmute') {
      const isMuted = action === 'mute';
      if (device.isMuted === isMuted) return;
      device.isMuted = isMuted;
      for (const proto of device.protocols) proto.onMute(isMuted);
      return;
    }
    const isFailed = action === 'fail';
    if (device.isFailed === isFailed) return;
    device.isFailed = isFailed;
    if (isFailed) {
      for (const port of device.ports.values()) if (port.link) this.updateLink(port.link);
      for (const proto of device.protocols) proto.onPower(false);
    } else {
      for (const proto of device.protocols) proto.onPower(true);
      for (const port of device.ports.values()) if (port.link) this.updateLink(port.link);
    }
  }

  private endAlive(port: SimPort): boolean {
    return !port.isFailed && !port.isSuspended && !port.device.isFailed;
  }

  /**
   * A protocol takes a port down or up on its own (err-disable, MC-LAG suspension): the link
   * loses or regains carrier like a fault, but it is the device's decision, not a fault event.
   */
  setSuspended(port: SimPort, isSuspended: boolean): void {
    if (port.isSuspended === isSuspended) return;
    port.isSuspended = isSuspended;
    if (port.link) this.updateLink(port.link);
  }

  /** Recomputes a link's state from its faults and ends; emits and notifies on change. */
  private updateLink(link: SimLink): void {
    const isUp = !link.isFailed && this.endAlive(link.a) && this.endAlive(link.b);
    if (isUp === link.isUp) return;
    link.isUp = isUp;
    link.generation++;
    // Frames on the wire are lost with the carrier; the transmit buffers start empty.
    link.txFreeAB = link.txFreeBA = 0;
    this.emit({ t: usToMs(this.scheduler.now), type: 'link', link: link.id, state: isUp ? 'up' : 'down' });
    for (const port of [link.a, link.b]) {
      port.isUp = isUp;
      if (port.device.isFailed) continue;
      for (const proto of port.device.protocols) proto.onCarrier(port, isUp);
    }
    for (const l of this.linkListeners) l(link);
  }
}
