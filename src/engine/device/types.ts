/**
 * Runtime objects of the simulated network: devices, ports and links. Protocols reach the
 * network only through these narrow shapes (style.md §5: cross-protocol needs go through
 * `engine/device/`).
 */
import type { ResolvedDevice } from '../../model';
import type { DeviceServices } from './services';

/** A protocol running on a device: it gets frames and carrier changes of the device's ports. */
export interface ProtocolHandler {
  /** A frame arrived on `port`; return true when it was consumed. */
  onFrame(port: SimPort, frame: Uint8Array, etherType: number, payload: Uint8Array): boolean;
  /** The port's carrier (MAC_Operational) changed. */
  onCarrier(port: SimPort, isUp: boolean): void;
  /** The device was powered off (true) or on again (false): reset to BEGIN when it comes back. */
  onPower(isOn: boolean): void;
  /** The device's control plane stopped (muted) or resumed speaking; links stay up. */
  onMute(isMuted: boolean): void;
}

export interface SimPort {
  readonly device: SimDevice;
  readonly id: string;
  readonly number: number;
  readonly mac: string;
  readonly duplex: 'full' | 'half';
  /** Configured speed in Mb/s. */
  readonly speedMbps: number;
  /** A routed port (it has an IP address): never a bridge port; the device's IP stack takes its frames. */
  readonly isRouted: boolean;
  /** The link on this port, if wired. */
  link: SimLink | null;
  /** Port administratively failed by a fault. */
  isFailed: boolean;
  /** Port shut by a protocol of its own device (MC-LAG secondary suspension, err-disable). */
  isSuspended: boolean;
  /** Carrier: the link is up at both ends. */
  isUp: boolean;
}

export interface SimLink {
  readonly id: string;
  readonly a: SimPort;
  readonly b: SimPort;
  readonly delayUs: number;
  /** Operational speed: the lower of the two ports' speeds (auto-negotiation). */
  readonly speedMbps: number;
  isFailed: boolean;
  isUp: boolean;
  /** Bumped at every state change, so frames in flight over a flapped link are lost. */
  generation: number;
  /** Frames sent so far (the pcap frame number of the next one is framesSent + 1). */
  framesSent: number;
  /** When each direction's transmitter finishes the data frames it has queued, virtual µs (txQueue.ts). */
  txFreeAB: number;
  txFreeBA: number;
}

export interface SimDevice {
  readonly id: string;
  /**
   * The device's settings. A live edit that changes what the engine builds from (liveEdit.ts
   * `deviceKey`) rebuilds the device; other changes (a name, a gateway, routes) replace this.
   */
  config: ResolvedDevice;
  readonly ports: ReadonlyMap<string, SimPort>;
  isFailed: boolean;
  isMuted: boolean;
  readonly protocols: ProtocolHandler[];
  /** What the device's protocols offer each other (link aggregation, spanning tree…). */
  readonly services: DeviceServices;
}

/** The peer port at the other end of a port's link. */
export function peerOf(port: SimPort): SimPort | null {
  const link = port.link;
  if (!link) return null;
  return link.a === port ? link.b : link.a;
}

/** The port's operational speed: the link's negotiated speed, or its own when unwired. */
export function operSpeedMbps(port: SimPort): number {
  return port.link ? port.link.speedMbps : port.speedMbps;
}
