/**
 * Spanning-tree settings: a switch's mode, bridge priority and timers (802.1D-2004 §17.13–17.14),
 * and a bridge port's cost, priority and edge flag. A LAG is one bridge port, so its members take
 * no settings of their own.
 */
import type { Device, DeviceStp, Lag, Port, PortStp, Topology } from '../schema';
import type { EditError, EditResult } from './result';
import { EditErrorKey, accept, checkChoice, checkInt, refuse, without } from './result';

/** 802.1D-2004 Table 17-2: bridge priority steps of 4096, port priority steps of 16. */
export const BRIDGE_PRIORITY_STEP = 4096;
export const PORT_PRIORITY_STEP = 16;
/** 802.1D-2004 Table 17-1 defaults (s). */
export const DEFAULT_HELLO_S = 2;
export const DEFAULT_MAX_AGE_S = 20;
export const DEFAULT_FORWARD_DELAY_S = 15;
export const STP_MODES = ['off', 'stp', 'rstp'] as const;
/** Ranges of the schema (802.1D-1998 Table 8-3 allows Hello Time up to 10 s). */
export const STP_LIMITS = {
  priority: { min: 0, max: 61440 },
  helloS: { min: 1, max: 10 },
  maxAgeS: { min: 6, max: 40 },
  forwardDelayS: { min: 4, max: 30 },
  cost: { min: 1, max: 200_000_000 },
  portPriority: { min: 0, max: 240 },
} as const;

type Nullable<T> = { [K in keyof T]?: T[K] | null | undefined };
/** Settable bridge fields; null resets one to its default (mode off removes the settings). */
export type StpPatch = Nullable<DeviceStp>;
/** Settable bridge-port fields; null resets one to its default. */
export type PortStpPatch = Nullable<PortStp>;

/** The timers a bridge would run with, defaults filled in. */
export interface StpTimers {
  helloS: number;
  maxAgeS: number;
  forwardDelayS: number;
}

/** 802.1D-2004 §17.14: 2 × (Forward Delay − 1) ≥ Max Age ≥ 2 × (Hello Time + 1); undefined when met. */
export function stpTimersError(t: StpTimers): EditError | undefined {
  const max = 2 * (t.forwardDelayS - 1);
  const min = 2 * (t.helloS + 1);
  if (t.maxAgeS > max) return { key: EditErrorKey.stpMaxAgeHigh, params: { maxAge: t.maxAgeS, forwardDelay: t.forwardDelayS, max } };
  if (t.maxAgeS < min) return { key: EditErrorKey.stpMaxAgeLow, params: { maxAge: t.maxAgeS, hello: t.helloS, min } };
  return undefined;
}

/** A switch's timers with defaults filled in. */
export function stpTimers(stp: DeviceStp | undefined): StpTimers {
  return { helloS: stp?.helloS ?? DEFAULT_HELLO_S, maxAgeS: stp?.maxAgeS ?? DEFAULT_MAX_AGE_S, forwardDelayS: stp?.forwardDelayS ?? DEFAULT_FORWARD_DELAY_S };
}

function checkStep(field: string, value: number, step: number, min: number, max: number): EditError | undefined {
  return checkInt(field, value, min, max) ?? (value % step === 0 ? undefined : { key: EditErrorKey.step, params: { field, step } });
}

function checkStpField(key: keyof DeviceStp, value: unknown): EditError | undefined {
  if (key === 'mode') return checkChoice('mode', value, STP_MODES);
  if (key === 'priority') return checkStep('priority', value as number, BRIDGE_PRIORITY_STEP, STP_LIMITS.priority.min, STP_LIMITS.priority.max);
  const limits = STP_LIMITS[key];
  return checkInt(key, value as number, limits.min, limits.max);
}

/** A bridge: spanning tree runs on switches (and routers bridging); hosts and the Internet cloud are not bridges. */
function isBridge(device: Device): boolean {
  return device.type === 'switch' || device.type === 'router';
}

/**
 * Changes a switch's spanning-tree settings. Timer changes must keep 802.1D-2004 §17.14
 * (checked only when the patch touches a timer, so an imported lab stays editable). Settings that
 * end up all default with mode off are removed.
 */
export function updateStp(doc: Topology, deviceId: string, patch: StpPatch): EditResult {
  const device = doc.devices.find((d) => d.id === deviceId);
  if (!device) return refuse(EditErrorKey.unknownDevice, { device: deviceId });
  if (!isBridge(device)) return refuse(EditErrorKey.stpBridgeOnly, { device: deviceId });
  let next: DeviceStp = { mode: 'off', ...device.stp };
  for (const key of Object.keys(patch) as (keyof DeviceStp)[]) {
    const value = patch[key];
    const bad = value == null ? undefined : checkStpField(key, value);
    if (bad) return { ok: false, error: bad };
    if (key === 'mode') next = { ...next, mode: value == null ? 'off' : (value as DeviceStp['mode']) };
    else next = value == null ? without(next, key) : { ...next, [key]: value };
  }
  if ('helloS' in patch || 'maxAgeS' in patch || 'forwardDelayS' in patch) {
    const bad = stpTimersError(stpTimers(next));
    if (bad) return { ok: false, error: bad };
  }
  const isDefault = next.mode === 'off' && Object.keys(next).length === 1;
  const updated = isDefault ? without(device, 'stp') : { ...device, stp: next };
  return accept({ ...doc, devices: doc.devices.map((d) => (d === device ? updated : d)) }, {});
}

function checkPortStpField(key: keyof PortStp, value: unknown): EditError | undefined {
  if (key === 'edge') return typeof value === 'boolean' ? undefined : { key: EditErrorKey.choice, params: { field: 'edge', value: String(value) } };
  if (key === 'priority') return checkStep('priority', value as number, PORT_PRIORITY_STEP, STP_LIMITS.portPriority.min, STP_LIMITS.portPriority.max);
  return checkInt('cost', value as number, STP_LIMITS.cost.min, STP_LIMITS.cost.max);
}

function patchPortStp(stp: PortStp | undefined, patch: PortStpPatch): PortStp | EditError {
  let next: PortStp = { ...stp };
  for (const key of Object.keys(patch) as (keyof PortStp)[]) {
    const value = patch[key];
    const bad = value == null ? undefined : checkPortStpField(key, value);
    if (bad) return bad;
    next = value == null ? without(next, key) : { ...next, [key]: value };
  }
  return next;
}

function withStp<T extends Port | Lag>(item: T, stp: PortStp): T {
  return Object.keys(stp).length === 0 ? without(item, 'stp') : { ...item, stp };
}

/**
 * Changes one bridge port's spanning-tree settings: `port` is a port id or a LAG id of the switch.
 * A LAG member is refused (the LAG is the bridge port).
 */
export function updatePortStp(doc: Topology, deviceId: string, portId: string, patch: PortStpPatch): EditResult {
  const device = doc.devices.find((d) => d.id === deviceId);
  if (!device) return refuse(EditErrorKey.unknownDevice, { device: deviceId });
  if (!isBridge(device)) return refuse(EditErrorKey.stpBridgeOnly, { device: deviceId });
  const port = device.ports.find((p) => p.id === portId);
  const lag = doc.lags?.find((l) => l.device === deviceId && (port ? l.members.includes(portId) : l.id === portId));
  if (port && lag) return refuse(EditErrorKey.stpLagMember, { port: portId, lag: lag.id });
  if (!port && !lag) return refuse(EditErrorKey.unknownPort, { device: deviceId, port: portId });
  const stp = patchPortStp((port ?? lag)?.stp, patch);
  if ('key' in stp) return { ok: false, error: stp };
  if (port) {
    const ports = device.ports.map((p) => (p === port ? withStp(p, stp) : p));
    return accept({ ...doc, devices: doc.devices.map((d) => (d === device ? { ...d, ports } : d)) }, {});
  }
  return accept({ ...doc, lags: (doc.lags ?? []).map((l) => (l === lag ? withStp(l, stp) : l)) }, {});
}
