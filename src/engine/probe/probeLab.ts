/**
 * The lab's reachability probes: a prober on every host with a gateway (document `probes`), and
 * the bookkeeping that names an outage's cause — each fault as it is applied, with who was VRRP
 * Master then — and asks predict.ts for the standard's expected value.
 */
import type { ResolvedDevice, ResolvedTopology } from '../../model';
import type { Network } from '../device/network';
import type { EventSink, FaultAction, FaultTargetKind, OutageEvent, ProbeTargetKind } from '../events';
import type { HostStack } from '../host/hostStack';
import type { VirtualUs } from '../scheduler';
import { msToUs, usToMs } from '../scheduler';
import { predictOutage } from './predict';
import { probeOf } from './probeFrames';
import type { ProbeContext } from './prober';
import { HostProber } from './prober';

interface FaultRecord {
  target: string;
  kind: FaultTargetKind;
  action: FaultAction;
  atUs: VirtualUs;
  masters: ReadonlyMap<string, string>;
}

/** Faults kept for naming causes; older ones cannot start an outage any more. */
const FAULT_LOG = 64;

/** The address probes ping on an upstream: its own `ip`, else its first port's. */
export function upstreamIp(d: ResolvedDevice): string | undefined {
  return d.ip?.address ?? d.ports.find((p) => p.ip !== null)?.ip?.address;
}

export class ProbeLab {
  private readonly probers: HostProber[] = [];
  private readonly faults: FaultRecord[] = [];
  private readonly unsubscribe: () => void;

  constructor(
    private readonly network: Network,
    private readonly emit: EventSink,
    private readonly topology: () => ResolvedTopology,
    /** VRRP group id → the device that is Master now. */
    private readonly masters: () => ReadonlyMap<string, string>,
  ) {
    network.addDropTap((_link, _from, _t, frame) => this.dropped(frame));
    this.unsubscribe = network.onFault((target, kind, action) => {
      if (action !== 'fail' && action !== 'mute') return;
      this.faults.push({ target, kind, action, atUs: network.scheduler.now, masters: this.masters() });
      if (this.faults.length > FAULT_LOG) this.faults.shift();
    });
  }

  /** Probers for these hosts (the previous ones are stopped); started at once when `isStarted`. */
  attach(hosts: readonly HostStack[], isStarted: boolean): void {
    this.stopProbers();
    const t = this.topology();
    const upstream = t.devices.find((d) => d.type === 'upstream' && upstreamIp(d) !== undefined);
    const ctx: ProbeContext = { scheduler: this.network.scheduler, emit: this.emit, intervalUs: msToUs(t.probes.intervalMs), explain: this.explain };
    for (const stack of hosts) {
      const gateway = stack.device.config.gateway;
      if (gateway === null) continue;
      const targets: { target: ProbeTargetKind; ip: string }[] = [];
      if (t.probes.targets.includes('gateway')) targets.push({ target: 'gateway', ip: gateway });
      const ip = upstream ? upstreamIp(upstream) : undefined;
      if (t.probes.targets.includes('upstream') && ip !== undefined) targets.push({ target: 'upstream', ip });
      if (targets.length === 0) continue;
      const prober = new HostProber(stack, targets, ctx);
      this.probers.push(prober);
      if (isStarted) prober.start();
    }
  }

  start(): void {
    for (const p of this.probers) p.start();
  }

  private stopProbers(): void {
    for (const p of this.probers) p.destroy();
    this.probers.length = 0;
  }

  destroy(): void {
    this.stopProbers();
    this.unsubscribe();
  }

  /** A full transmit buffer dropped `frame`: if it is a probe or a probe's answer, that probe is congestion, not an outage. */
  private dropped(frame: Uint8Array): void {
    const probe = probeOf(frame);
    if (!probe) return;
    for (const prober of this.probers) if (prober.hostIp === probe.hostIp) prober.congested(probe.target, probe.ip);
  }

  /** The last fault applied between the last answered probe and the first lost one, and its prediction. */
  private readonly explain = (host: string, _target: ProbeTargetKind, okUs: VirtualUs, startUs: VirtualUs): Pick<OutageEvent, 'fault' | 'expected'> => {
    const cause = [...this.faults].reverse().find((f) => f.atUs >= okUs && f.atUs <= startUs);
    if (!cause) return {};
    const fault = { target: cause.target, action: cause.action, atMs: usToMs(cause.atUs) };
    const expected = predictOutage({ topology: this.topology(), fault: cause, host, masters: cause.masters });
    return expected ? { fault, expected } : { fault };
  };
}
