/**
 * Bridge identifiers and priority vectors (802.1D-2004 17.5–17.6; 802.1D-1998 8.5.1, 8.6.8–8.6.9).
 * A Bridge Identifier is kept as a 16-hex-digit key — priority field then MAC — so that comparing
 * two keys as strings compares the identifiers as the 64-bit numbers the standard orders
 * ("lower is better"). Port Identifiers are their 16-bit wire value.
 */
import type { BridgeId } from '../codecs/bpdu';

/** 16 hex digits: 4 for the priority field, 12 for the MAC. */
export type BridgeKey = string;

/** The key of a Bridge Identifier (priority field as on the wire, 9.2.5). */
export function bridgeKey(id: BridgeId): BridgeKey {
  return id.priority.toString(16).padStart(4, '0') + id.mac.replace(/[:-]/g, '').toLowerCase();
}

/** Back from a key to the codec's Bridge Identifier. */
export function bridgeIdOf(key: BridgeKey): BridgeId {
  const hex = key.slice(4);
  const mac = [0, 2, 4, 6, 8, 10].map((i) => hex.slice(i, i + 2)).join(':');
  return { priority: parseInt(key.slice(0, 4), 16), mac };
}

/** `32768,02:9c:49:57:27:00`: how events and logs write a Bridge Identifier. */
export function bridgeText(key: BridgeKey): string {
  const id = bridgeIdOf(key);
  return `${id.priority},${id.mac}`;
}

/** The MAC part of a key (Bridge Address, 17.21.8 compares it alone). */
export function bridgeAddress(key: BridgeKey): string {
  return key.slice(4);
}

/** Port number: the low 12 bits of a Port Identifier (9.2.7). */
export function portNumber(portId: number): number {
  return portId & 0x0fff;
}

/**
 * A spanning-tree priority vector {RootBridgeID : RootPathCost : DesignatedBridgeID :
 * DesignatedPortID} (17.5); the fifth component, the receiving port's id, is compared separately.
 */
export interface PriorityVector {
  root: BridgeKey;
  cost: number;
  bridge: BridgeKey;
  port: number;
}

/** Negative when `a` is better (lower) than `b`, 0 when the same, positive when worse (17.6). */
export function compareVectors(a: PriorityVector, b: PriorityVector): number {
  if (a.root !== b.root) return a.root < b.root ? -1 : 1;
  if (a.cost !== b.cost) return a.cost - b.cost;
  if (a.bridge !== b.bridge) return a.bridge < b.bridge ? -1 : 1;
  return a.port - b.port;
}

/** `a` is the same as or better than `b` (17.6). */
export function betterOrSame(a: PriorityVector, b: PriorityVector): boolean {
  return compareVectors(a, b) <= 0;
}

export function sameVector(a: PriorityVector, b: PriorityVector): boolean {
  return compareVectors(a, b) === 0;
}

/** The timer values a priority vector travels with (17.19 portTimes), in ms. */
export interface Times {
  messageAge: number;
  maxAge: number;
  forwardDelay: number;
  helloTime: number;
}

export function sameTimes(a: Times, b: Times): boolean {
  return a.messageAge === b.messageAge && a.maxAge === b.maxAge && a.forwardDelay === b.forwardDelay && a.helloTime === b.helloTime;
}
