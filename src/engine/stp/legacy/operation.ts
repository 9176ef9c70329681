/**
 * Operation of the legacy protocol, 802.1D-1998 8.7 (what each received BPDU and each timer
 * expiry does) and the management operations that enable and disable ports, 8.8.
 */
import type { ConfigBpdu } from '../../codecs/bpdu';
import { bpduTimeToMs } from '../../codecs/bpdu';
import { bridgeKey } from '../priorityVector';
import { msUs } from '../timers';
import type { LegacyPort } from './legacyPort';
import type { LegacyBridgeState } from './procedures';
import {
  acknowledgeTopologyChange,
  becomeDesignatedPort,
  configBpduGeneration,
  configurationUpdate,
  isDesignatedPort,
  isRootBridge,
  portStateSelection,
  recordConfigInformation,
  recordConfigTimeoutValues,
  topologyChangeAcknowledged,
  topologyChangeDetection,
  transmitConfig,
  transmitTcn,
} from './procedures';

/**
 * 8.7.1 — does the received information supersede the port's: better root, cost or designated bridge — or the same
 * designated bridge and port (a refresh). Worse news from the current designated bridge does NOT
 * supersede: it is believed only after the Message Age Timer expires (the 50-second story).
 */
function supersedes(b: LegacyBridgeState, p: LegacyPort, bpdu: ConfigBpdu): boolean {
  const root = bridgeKey(bpdu.rootId);
  if (root !== p.designatedRoot) return root < p.designatedRoot;
  if (bpdu.rootPathCost !== p.designatedCost) return bpdu.rootPathCost < p.designatedCost;
  const bridge = bridgeKey(bpdu.bridgeId);
  if (bridge !== p.designatedBridge) return bridge < p.designatedBridge;
  if (bridge !== b.bridgeId) return true;
  return bpdu.portId.raw <= p.designatedPort;
}

/** The bridge has just become the root (8.7.4, 8.8.3): its own timers, a TC, hellos. */
function becomeRootBridge(b: LegacyBridgeState): void {
  b.maxAgeMs = b.bridgeMaxAgeMs;
  b.helloTimeMs = b.bridgeHelloTimeMs;
  b.forwardDelayMs = b.bridgeForwardDelayMs;
  topologyChangeDetection(b);
  b.tcnTimer.stop();
  configBpduGeneration(b);
  b.helloTimer.start(msUs(b.bridgeHelloTimeMs));
}

/** 8.7.1 Received Configuration BPDU. */
export function receivedConfigBpdu(b: LegacyBridgeState, p: LegacyPort, bpdu: ConfigBpdu): void {
  if (p.state === 'disabled') return;
  if (!supersedes(b, p, bpdu)) {
    // A designated port answers inferior information at once (8.7.1 b: Reply).
    if (isDesignatedPort(b, p)) transmitConfig(b, p);
    return;
  }
  const wasRoot = isRootBridge(b);
  recordConfigInformation(b, p, bpdu, { messageAgeMs: bpduTimeToMs(bpdu.messageAge) });
  configurationUpdate(b);
  portStateSelection(b);
  if (wasRoot && !isRootBridge(b)) {
    b.helloTimer.stop();
    if (b.topologyChangeDetected) {
      b.topologyChangeTimer.stop();
      transmitTcn(b);
      b.tcnTimer.start(msUs(b.bridgeHelloTimeMs));
    }
  }
  if (p === b.rootPort) {
    const times = { maxAgeMs: bpduTimeToMs(bpdu.maxAge), helloTimeMs: bpduTimeToMs(bpdu.helloTime), forwardDelayMs: bpduTimeToMs(bpdu.forwardDelay) };
    recordConfigTimeoutValues(b, times, bpdu.flags.topologyChange);
    configBpduGeneration(b);
    if (bpdu.flags.topologyChangeAck) topologyChangeAcknowledged(b);
  }
}

/** 8.7.2 Received Topology Change Notification BPDU: a designated port takes and acknowledges it. */
export function receivedTcnBpdu(b: LegacyBridgeState, p: LegacyPort): void {
  if (p.state === 'disabled' || !isDesignatedPort(b, p)) return;
  topologyChangeDetection(b);
  acknowledgeTopologyChange(b, p);
}

/** 8.7.3 Hello Timer Expiry (the root's periodic Configuration BPDUs). */
export function helloTimerExpiry(b: LegacyBridgeState): void {
  configBpduGeneration(b);
  b.helloTimer.start(msUs(b.bridgeHelloTimeMs));
}

/** 8.7.4 Message Age Timer Expiry: the information aged out; the port claims the LAN. */
export function messageAgeTimerExpiry(b: LegacyBridgeState, p: LegacyPort): void {
  if (p.state === 'disabled') return;
  const wasRoot = isRootBridge(b);
  becomeDesignatedPort(b, p);
  configurationUpdate(b);
  portStateSelection(b);
  if (isRootBridge(b) && !wasRoot) becomeRootBridge(b);
}

/** 8.7.5 Forward Delay Timer Expiry: Listening → Learning → Forwarding. */
export function forwardDelayTimerExpiry(b: LegacyBridgeState, p: LegacyPort): void {
  if (p.state === 'listening') {
    p.state = 'learning';
    p.forwardDelayTimer.start(msUs(b.forwardDelayMs));
  } else if (p.state === 'learning') {
    p.state = 'forwarding';
    // A port that starts forwarding on a bridge that is designated somewhere is a topology change.
    if (p.changeDetectionEnabled && b.ports.some((q) => q.state !== 'disabled' && isDesignatedPort(b, q))) topologyChangeDetection(b);
  }
}

/** 8.7.6 Topology Change Notification Timer Expiry: repeat the TCN until acknowledged. */
export function tcnTimerExpiry(b: LegacyBridgeState): void {
  transmitTcn(b);
  b.tcnTimer.start(msUs(b.bridgeHelloTimeMs));
}

/** 8.7.7 Topology Change Timer Expiry (root): Max Age + Forward Delay are over. */
export function topologyChangeTimerExpiry(b: LegacyBridgeState): void {
  b.topologyChangeDetected = false;
  b.setTopologyChange(false);
}

/** 8.7.8 Hold Timer Expiry: send the Configuration BPDU that waited. */
export function holdTimerExpiry(b: LegacyBridgeState, p: LegacyPort): void {
  if (p.configPending) transmitConfig(b, p);
}

/** 8.8.1 Initialisation: this bridge is root; every port that is up starts Blocking → Listening. */
export function initialisation(b: LegacyBridgeState, enabled: (p: LegacyPort) => boolean): void {
  b.designatedRoot = b.bridgeId;
  b.rootPathCost = 0;
  b.rootPort = null;
  b.maxAgeMs = b.bridgeMaxAgeMs;
  b.helloTimeMs = b.bridgeHelloTimeMs;
  b.forwardDelayMs = b.bridgeForwardDelayMs;
  b.topologyChangeDetected = false;
  b.setTopologyChange(false);
  b.tcnTimer.stop();
  b.topologyChangeTimer.stop();
  for (const p of b.ports) {
    if (enabled(p)) initializePort(b, p);
    else disableState(b, p);
  }
  portStateSelection(b);
  configBpduGeneration(b);
  b.helloTimer.start(msUs(b.bridgeHelloTimeMs));
}

/** 8.8.2 Initialize Port: designated for its LAN, Blocking. */
function initializePort(b: LegacyBridgeState, p: LegacyPort): void {
  becomeDesignatedPort(b, p);
  p.state = 'blocking';
  p.topologyChangeAck = false;
  p.configPending = false;
  p.operEdge = p.adminEdge;
  p.changeDetectionEnabled = !p.operEdge;
  p.stopTimers();
}

function disableState(b: LegacyBridgeState, p: LegacyPort): void {
  becomeDesignatedPort(b, p);
  p.state = 'disabled';
  p.topologyChangeAck = false;
  p.configPending = false;
  p.stopTimers();
}

/** 8.8.2 Enable Port. */
export function enablePort(b: LegacyBridgeState, p: LegacyPort): void {
  initializePort(b, p);
  portStateSelection(b);
}

/** 8.8.3 Disable Port. */
export function disablePort(b: LegacyBridgeState, p: LegacyPort): void {
  const wasRoot = isRootBridge(b);
  disableState(b, p);
  configurationUpdate(b);
  portStateSelection(b);
  if (isRootBridge(b) && !wasRoot) becomeRootBridge(b);
}

/** 8.8.6 Set Path Cost: root and designated ports are selected again (the root stays the root). */
export function setPathCost(b: LegacyBridgeState, p: LegacyPort, cost: number): void {
  p.pathCost = cost;
  configurationUpdate(b);
  portStateSelection(b);
}
