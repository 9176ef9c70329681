/** Edits of flows: UDP datagrams a host sends to another host, to watch the path they take. */
import type { Flow, Topology } from '../schema';
import { upstreamAddress } from '../validateL3';
import type { EditError, EditResult } from './result';
import { EditErrorKey, accept, checkInt, checkNumber, firstFreeId, refuse, without } from './result';

/** Schema ranges of a flow's settings. */
export const FLOW_LIMITS = {
  pps: { min: 0.1, max: 1000 },
  sizeBytes: { min: 0, max: 1472 },
  srcPort: { min: 1, max: 65535 },
  dstPort: { min: 1, max: 65535 },
} as const;

type FlowSettings = Omit<Flow, 'id' | 'from' | 'to'>;
/** Settable flow fields; null resets one to its default. */
export type FlowPatch = { [K in keyof FlowSettings]?: FlowSettings[K] | null | undefined };

/** Why `id` cannot send (or receive, `isTo`) a flow: missing, not a host (an upstream may receive), or no address. */
function endpointError(doc: Topology, id: string, isTo = false): EditError | undefined {
  const device = doc.devices.find((d) => d.id === id);
  if (!device) return { key: EditErrorKey.unknownDevice, params: { device: id } };
  if (isTo && device.type === 'upstream') return upstreamAddress(device) === undefined ? { key: EditErrorKey.flowNeedsIp, params: { device: id } } : undefined;
  if (device.type !== 'host') return { key: EditErrorKey.flowHostOnly, params: { device: id } };
  return device.ip === undefined ? { key: EditErrorKey.flowNeedsIp, params: { device: id } } : undefined;
}

function checkFlowField(key: keyof FlowSettings, value: number): EditError | undefined {
  if (key === 'startMs') return checkNumber('startMs', value, 0);
  if (key === 'pps') return checkNumber('pps', value, FLOW_LIMITS.pps.min, FLOW_LIMITS.pps.max);
  const limits = FLOW_LIMITS[key];
  return checkInt(key, value, limits.min, limits.max);
}

function applyPatch(flow: Flow, patch: FlowPatch): Flow | EditError {
  let next: Flow = { ...flow };
  for (const key of Object.keys(patch) as (keyof FlowSettings)[]) {
    const value = patch[key];
    const bad = value == null ? undefined : checkFlowField(key, value);
    if (bad) return bad;
    next = value == null ? without(next, key) : { ...next, [key]: value };
  }
  return next;
}

/**
 * Adds a flow `f1, f2…` from a host to another host or to an upstream (the internet); both need an
 * address. Settings not given take their defaults (10 datagrams/s, 64 bytes, from time 0). A flow
 * off the sender's subnet goes through its gateway; without one it is lost (the inspector warns),
 * which is worth seeing.
 */
export function addFlow(doc: Topology, from: string, to: string, settings: FlowPatch = {}): EditResult<{ id: string }> {
  const bad = endpointError(doc, from) ?? endpointError(doc, to, true);
  if (bad) return { ok: false, error: bad };
  if (from === to) return refuse(EditErrorKey.flowSelf, { device: from });
  const id = firstFreeId('f', new Set((doc.flows ?? []).map((f) => f.id)));
  const flow = applyPatch({ id, from, to }, settings);
  if ('key' in flow) return { ok: false, error: flow };
  return accept({ ...doc, flows: [...(doc.flows ?? []), flow] }, { id });
}

/** Changes a flow's rate, size, ports or start time. */
export function updateFlow(doc: Topology, id: string, patch: FlowPatch): EditResult {
  const flow = doc.flows?.find((f) => f.id === id);
  if (!flow) return refuse(EditErrorKey.unknownFlow, { flow: id });
  const next = applyPatch(flow, patch);
  if ('key' in next) return { ok: false, error: next };
  return accept({ ...doc, flows: (doc.flows ?? []).map((f) => (f === flow ? next : f)) }, {});
}

/** Removes a flow. */
export function removeFlow(doc: Topology, id: string): EditResult {
  const flow = doc.flows?.find((f) => f.id === id);
  if (!flow) return refuse(EditErrorKey.unknownFlow, { flow: id });
  return accept({ ...doc, flows: (doc.flows ?? []).filter((f) => f !== flow) }, {});
}
