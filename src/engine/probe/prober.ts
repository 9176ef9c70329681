/**
 * A host's reachability probes (DESIGN.md §4): every interval it asks its gateway with an ARP
 * request, like iputils `arping` (broadcast until a first reply, then unicast to the MAC that
 * answered), and the upstream with an ICMP Echo, like `ping`. A probe unanswered when the next one
 * is due is lost. The host's reachability of a target changes → a `probe` event; an outage ends
 * (first answered probe after lost ones) → an `outage` event, measured from the first lost probe
 * sent to the first answered probe sent, so within one interval of the truth. A probe (or its
 * answer) that a full transmit buffer dropped is congestion, not an outage: it counts neither way.
 */
import { BROADCAST_MAC } from '../codecs/mac';
import { PING_DATA } from '../codecs/icmp';
import type { EventSink, OutageEvent, ProbeTargetKind } from '../events';
import type { HostStack, ProbeListener } from '../host/hostStack';
import type { ScheduledEvent, Scheduler, VirtualUs } from '../scheduler';
import { usToMs } from '../scheduler';

/** Identifier of the lab's pings (a Linux ping uses its process id). */
export const PING_ID = 0x7a1b;

/** What a prober needs from the lab. */
export interface ProbeContext {
  scheduler: Scheduler;
  emit: EventSink;
  intervalUs: VirtualUs;
  /** The fault an outage followed and the standard's prediction, for an outage of `host` that began at `startUs` after a probe answered at `okUs`. */
  explain(host: string, target: ProbeTargetKind, okUs: VirtualUs, startUs: VirtualUs): Pick<OutageEvent, 'fault' | 'expected'>;
}

/** One target of one host: the probe in flight, the state, the outage being measured (exported for its tests). */
export class TargetProbe {
  seq = 0;
  /** Send time of the probe in flight, or null. */
  private pendingUs: VirtualUs | null = null;
  private state: 'unknown' | 'ok' | 'lost' = 'unknown';
  private lastOkUs: VirtualUs = -1;
  private outage: { startUs: VirtualUs; okUs: VirtualUs; lost: number } | null = null;
  /** The probe in flight, or its answer, was dropped by a full transmit buffer (txQueue.ts). */
  private isCongested = false;

  constructor(
    private readonly host: string,
    readonly target: ProbeTargetKind,
    readonly ip: string,
    private readonly ctx: ProbeContext,
  ) {}

  /** The next probe is due: the one in flight is lost if still unanswered. */
  due(nowUs: VirtualUs): void {
    if (this.pendingUs !== null && !this.isCongested) this.lost(this.pendingUs);
    this.isCongested = false;
    this.pendingUs = nowUs;
    this.seq = (this.seq + 1) & 0xffff;
  }

  /** The probe host is down: nothing is sent and nothing counts. */
  pause(): void {
    this.pendingUs = null;
  }

  /** The probe in flight (or its answer) was dropped by a full transmit buffer: it will not count as lost. */
  congested(): void {
    if (this.pendingUs !== null) this.isCongested = true;
  }

  answered(): void {
    const sentUs = this.pendingUs;
    if (sentUs === null) return;
    this.pendingUs = null;
    this.lastOkUs = sentUs;
    if (this.state === 'ok') return;
    if (this.outage) this.report(this.outage, sentUs);
    this.outage = null;
    this.state = 'ok';
    this.emitProbe('ok');
  }

  private lost(sentUs: VirtualUs): void {
    if (this.state === 'lost') {
      if (this.outage) this.outage.lost++;
      return;
    }
    // An outage is counted only once the target had been reached (not while the lab starts up).
    if (this.state === 'ok') this.outage = { startUs: sentUs, okUs: this.lastOkUs, lost: 1 };
    this.state = 'lost';
    this.emitProbe('lost', sentUs);
  }

  private emitProbe(state: 'ok' | 'lost', sinceUs?: VirtualUs): void {
    const e = { t: usToMs(this.ctx.scheduler.now), type: 'probe' as const, host: this.host, target: this.target, ip: this.ip, state };
    this.ctx.emit(sinceUs === undefined ? e : { ...e, sinceMs: usToMs(sinceUs) });
  }

  private report(outage: { startUs: VirtualUs; okUs: VirtualUs; lost: number }, endUs: VirtualUs): void {
    const startMs = usToMs(outage.startUs);
    const endMs = usToMs(endUs);
    const why = this.ctx.explain(this.host, this.target, outage.okUs, outage.startUs);
    const e: OutageEvent = { t: usToMs(this.ctx.scheduler.now), type: 'outage', host: this.host, target: this.target, ip: this.ip, startMs, endMs, durationMs: endMs - startMs, lostProbes: outage.lost, intervalMs: usToMs(this.ctx.intervalUs) };
    if (why.fault) e.fault = why.fault;
    if (why.expected) e.expected = why.expected;
    this.ctx.emit(e);
  }
}

/** Every probe of one host; it is the host stack's `probeListener`. */
export class HostProber implements ProbeListener {
  private readonly probes: TargetProbe[] = [];
  private ticker: ScheduledEvent | null = null;
  /** The MAC that answered the gateway's ARP (arping then unicasts to it). */
  private gatewayMac: string = BROADCAST_MAC;

  constructor(
    private readonly stack: HostStack,
    targets: readonly { target: ProbeTargetKind; ip: string }[],
    private readonly ctx: ProbeContext,
  ) {
    for (const t of targets) this.probes.push(new TargetProbe(stack.device.id, t.target, t.ip, ctx));
    stack.probeListener = this;
  }

  /** The probing host's IPv4 address (the probes' frames carry it). */
  get hostIp(): string | undefined {
    return this.stack.ipAddress;
  }

  start(): void {
    const tick = () => {
      this.probeAll();
      this.ticker = this.ctx.scheduler.after(this.ctx.intervalUs, tick);
    };
    this.ticker = this.ctx.scheduler.after(this.ctx.intervalUs, tick);
  }

  destroy(): void {
    this.ticker?.cancel();
    if (this.stack.probeListener === this) this.stack.probeListener = null;
  }

  private probeAll(): void {
    const now = this.ctx.scheduler.now;
    for (const p of this.probes) {
      if (this.stack.device.isFailed) {
        p.pause();
        continue;
      }
      p.due(now);
      if (p.target === 'gateway') this.stack.sendArpProbe(p.ip, this.gatewayMac);
      else this.stack.sendEcho(p.ip, { id: PING_ID, seq: p.seq, data: PING_DATA });
    }
  }

  arpFrom(ip: string, mac: string): void {
    for (const p of this.probes) {
      if (p.target !== 'gateway' || p.ip !== ip) continue;
      this.gatewayMac = mac;
      p.answered();
    }
  }

  echoReply(src: string, id: number, seq: number): void {
    for (const p of this.probes) if (p.target === 'upstream' && p.ip === src && id === PING_ID && seq === p.seq) p.answered();
  }

  /** A full transmit buffer dropped this host's probe of `target` at `ip`, or its answer. */
  congested(target: ProbeTargetKind, ip: string): void {
    for (const p of this.probes) if (p.target === target && p.ip === ip) p.congested();
  }
}
