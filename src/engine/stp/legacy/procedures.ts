/**
 * The elements of procedure of legacy STP, 802.1D-1998 8.6 (the same procedures as 802.1D-1990
 * clause 4.6 and the Linux bridge's br_stp.c): transmitting and recording configuration
 * information, root and designated port selection, port state selection and topology-change
 * detection. Each function is one clause.
 */
import type { Bpdu, ConfigBpdu } from '../../codecs/bpdu';
import { makePortId, msToBpduTime, portIdFromRaw } from '../../codecs/bpdu';
import type { Scheduler } from '../../scheduler';
import type { Timer } from '../../scheduler';
import type { BridgeKey } from '../priorityVector';
import { bridgeIdOf, bridgeKey } from '../priorityVector';
import { HOLD_TIME, MESSAGE_AGE_INCREMENT, msUs } from '../timers';
import type { LegacyPort } from './legacyPort';

/** The bridge parameters (8.5.3) and timers (8.5.4) the procedures read and write. */
export interface LegacyBridgeState {
  readonly scheduler: Scheduler;
  readonly ports: readonly LegacyPort[];
  readonly bridgeId: BridgeKey;
  designatedRoot: BridgeKey;
  rootPathCost: number;
  rootPort: LegacyPort | null;
  /** Max Age, Hello Time, Forward Delay in use: the root's (8.5.3), ms. */
  maxAgeMs: number;
  helloTimeMs: number;
  forwardDelayMs: number;
  /** This bridge's own values, used when it is the root (8.5.3), ms. */
  readonly bridgeMaxAgeMs: number;
  readonly bridgeHelloTimeMs: number;
  readonly bridgeForwardDelayMs: number;
  topologyChangeDetected: boolean;
  readonly topologyChange: boolean;
  readonly helloTimer: Timer;
  readonly tcnTimer: Timer;
  readonly topologyChangeTimer: Timer;
  /** Sets the Topology Change flag (8.5.3); while set, the filtering database ages entries after Forward Delay. */
  setTopologyChange(isOn: boolean): void;
  send(p: LegacyPort, bpdu: Bpdu): void;
}

export function isRootBridge(b: LegacyBridgeState): boolean {
  return b.designatedRoot === b.bridgeId;
}

export function isDesignatedPort(b: LegacyBridgeState, p: LegacyPort): boolean {
  return p.designatedBridge === b.bridgeId && p.designatedPort === p.portId;
}

/** The Message Age Timer of a port now, ms: the recorded Message Age plus the time since. */
function messageAgeNow(b: LegacyBridgeState, p: LegacyPort): number {
  return p.messageAgeMs + (b.scheduler.now - p.recordedAtUs) / 1000;
}

/** 8.6.1 Transmit Configuration BPDU (held back while the Hold Timer runs: Configuration Pending). */
export function transmitConfig(b: LegacyBridgeState, p: LegacyPort): void {
  if (p.holdTimer.isRunning) {
    p.configPending = true;
    return;
  }
  // 8.6.1: the root sends Message Age 0; others the root port's Message Age Timer plus the increment.
  const messageAgeMs = isRootBridge(b) || !b.rootPort ? 0 : messageAgeNow(b, b.rootPort) + MESSAGE_AGE_INCREMENT / 1000;
  if (messageAgeMs >= b.maxAgeMs) return;
  const raw = portIdFromRaw(p.portId);
  const bpdu: ConfigBpdu = {
    kind: 'config',
    version: 0,
    flags: { topologyChange: b.topologyChange, topologyChangeAck: p.topologyChangeAck },
    rootId: bridgeIdOf(b.designatedRoot),
    rootPathCost: b.rootPathCost,
    bridgeId: bridgeIdOf(b.bridgeId),
    portId: makePortId(raw.priority, raw.number),
    messageAge: msToBpduTime(messageAgeMs),
    maxAge: msToBpduTime(b.maxAgeMs),
    helloTime: msToBpduTime(b.helloTimeMs),
    forwardDelay: msToBpduTime(b.forwardDelayMs),
  };
  b.send(p, bpdu);
  p.topologyChangeAck = false;
  p.configPending = false;
  p.holdTimer.start(HOLD_TIME);
}

/** 8.6.2 Record Configuration Information; the Message Age Timer starts at the received age. */
export function recordConfigInformation(b: LegacyBridgeState, p: LegacyPort, bpdu: ConfigBpdu, ages: { messageAgeMs: number }): void {
  p.designatedRoot = bridgeKey(bpdu.rootId);
  p.designatedCost = bpdu.rootPathCost;
  p.designatedBridge = bridgeKey(bpdu.bridgeId);
  p.designatedPort = bpdu.portId.raw;
  p.messageAgeMs = ages.messageAgeMs;
  p.recordedAtUs = b.scheduler.now;
  p.messageAgeTimer.start(Math.max(0, msUs(b.maxAgeMs - ages.messageAgeMs)));
}

/** 8.6.3 Record Configuration Timeout Values: the root's timers and Topology Change flag. */
export function recordConfigTimeoutValues(b: LegacyBridgeState, times: { maxAgeMs: number; helloTimeMs: number; forwardDelayMs: number }, topologyChange: boolean): void {
  b.maxAgeMs = times.maxAgeMs;
  b.helloTimeMs = times.helloTimeMs;
  b.forwardDelayMs = times.forwardDelayMs;
  b.setTopologyChange(topologyChange);
}

/** 8.6.4 Configuration BPDU Generation: on every designated port. */
export function configBpduGeneration(b: LegacyBridgeState): void {
  for (const p of b.ports) if (p.state !== 'disabled' && isDesignatedPort(b, p)) transmitConfig(b, p);
}

/** 8.6.6 Transmit Topology Change Notification BPDU, on the root port. */
export function transmitTcn(b: LegacyBridgeState): void {
  if (b.rootPort) b.send(b.rootPort, { kind: 'tcn', version: 0 });
}

/** True when `p` offers a better path to the root than `than` (8.6.8 conditions). */
function betterRootPort(b: LegacyBridgeState, p: LegacyPort, than: LegacyPort | null): boolean {
  if (p.state === 'disabled' || isDesignatedPort(b, p) || p.designatedRoot >= b.bridgeId) return false;
  if (!than) return true;
  if (p.designatedRoot !== than.designatedRoot) return p.designatedRoot < than.designatedRoot;
  const cost = p.designatedCost + p.pathCost;
  const thanCost = than.designatedCost + than.pathCost;
  if (cost !== thanCost) return cost < thanCost;
  if (p.designatedBridge !== than.designatedBridge) return p.designatedBridge < than.designatedBridge;
  if (p.designatedPort !== than.designatedPort) return p.designatedPort < than.designatedPort;
  return p.portId < than.portId;
}

/** 8.6.8 Root Selection. */
export function rootSelection(b: LegacyBridgeState): void {
  let root: LegacyPort | null = null;
  for (const p of b.ports) if (betterRootPort(b, p, root)) root = p;
  b.rootPort = root;
  b.designatedRoot = root ? root.designatedRoot : b.bridgeId;
  b.rootPathCost = root ? root.designatedCost + root.pathCost : 0;
}

/** 8.6.10 Become Designated Port. */
export function becomeDesignatedPort(b: LegacyBridgeState, p: LegacyPort): void {
  p.designatedRoot = b.designatedRoot;
  p.designatedCost = b.rootPathCost;
  p.designatedBridge = b.bridgeId;
  p.designatedPort = p.portId;
}

/** 8.6.9 Designated Port Selection: the conditions under which this bridge serves the LAN. */
function shouldBecomeDesignated(b: LegacyBridgeState, p: LegacyPort): boolean {
  if (isDesignatedPort(b, p) || p.designatedRoot !== b.designatedRoot) return true;
  if (b.rootPathCost !== p.designatedCost) return b.rootPathCost < p.designatedCost;
  if (b.bridgeId !== p.designatedBridge) return b.bridgeId < p.designatedBridge;
  return p.portId < p.designatedPort;
}

/** 8.6.7 Configuration Update: 8.6.8 then 8.6.9. */
export function configurationUpdate(b: LegacyBridgeState): void {
  rootSelection(b);
  for (const p of b.ports) if (p.state !== 'disabled' && shouldBecomeDesignated(b, p)) becomeDesignatedPort(b, p);
}

/** 8.6.14 Topology Change Detection: the root starts a topology change, others notify it. */
export function topologyChangeDetection(b: LegacyBridgeState): void {
  if (isRootBridge(b)) {
    b.setTopologyChange(true);
    b.topologyChangeTimer.start(msUs(b.bridgeMaxAgeMs + b.bridgeForwardDelayMs));
  } else if (!b.topologyChangeDetected) {
    transmitTcn(b);
    b.tcnTimer.start(msUs(b.bridgeHelloTimeMs));
  }
  b.topologyChangeDetected = true;
}

/** 8.6.15 Topology Change Acknowledged: the designated bridge upstream has it. */
export function topologyChangeAcknowledged(b: LegacyBridgeState): void {
  b.topologyChangeDetected = false;
  b.tcnTimer.stop();
}

/** 8.6.16 Acknowledge Topology Change (TCA in a Configuration BPDU, sent now). */
export function acknowledgeTopologyChange(b: LegacyBridgeState, p: LegacyPort): void {
  p.topologyChangeAck = true;
  transmitConfig(b, p);
}

/** 8.6.12 Make Forwarding: Blocking → Listening for Forward Delay (an edge port forwards at once). */
function makeForwarding(b: LegacyBridgeState, p: LegacyPort): void {
  if (p.state !== 'blocking') return;
  if (p.operEdge) {
    p.state = 'forwarding';
    return;
  }
  p.state = 'listening';
  p.forwardDelayTimer.start(msUs(b.forwardDelayMs));
}

/** 8.6.13 Make Blocking: leaving Learning or Forwarding is a topology change. */
function makeBlocking(b: LegacyBridgeState, p: LegacyPort): void {
  if (p.state === 'disabled' || p.state === 'blocking') return;
  if ((p.state === 'forwarding' || p.state === 'learning') && p.changeDetectionEnabled) topologyChangeDetection(b);
  p.state = 'blocking';
  p.forwardDelayTimer.stop();
}

/** 8.6.11 Port State Selection: root and designated ports go forwarding, the rest block. */
export function portStateSelection(b: LegacyBridgeState): void {
  for (const p of b.ports) {
    if (p.state === 'disabled') continue;
    if (p === b.rootPort) {
      p.configPending = false;
      p.topologyChangeAck = false;
      makeForwarding(b, p);
    } else if (isDesignatedPort(b, p)) {
      p.messageAgeTimer.stop();
      makeForwarding(b, p);
    } else {
      p.configPending = false;
      p.topologyChangeAck = false;
      makeBlocking(b, p);
    }
  }
}
