/**
 * A fake LAN for VRRP tests: every frame a router sends reaches every other attached router
 * `delayUs` later, on the real engine Scheduler. A router can be disconnected (its cable pulled:
 * it neither sends nor hears anything, and is not told).
 */
import type { ArpPacket, VrrpFrame } from '../../../../src/engine/codecs';
import { decodeArpFrame, decodeEthernet, decodeVrrpFrame, ETHERTYPE_ARP } from '../../../../src/engine/codecs';
import { Scheduler } from '../../../../src/engine/scheduler';
import type { VrrpConfig, VrrpEvent, VrrpRxResult } from '../../../../src/engine/vrrp';
import { VirtualRouter } from '../../../../src/engine/vrrp';

/** One-way delay of the fake LAN: 100 µs. */
export const LAN_DELAY_US = 100;

export interface SentFrame {
  /** Send time, µs. */
  t: number;
  from: string;
  frame: Uint8Array;
}

export type RouterSettings = Omit<VrrpConfig, 'device' | 'vrid' | 'virtualIps'> & Partial<Pick<VrrpConfig, 'vrid' | 'virtualIps'>>;

export class FakeLan {
  readonly scheduler = new Scheduler();
  readonly events: VrrpEvent[] = [];
  readonly sent: SentFrame[] = [];
  readonly received: { t: number; to: string; result: VrrpRxResult }[] = [];
  readonly routers = new Map<string, VirtualRouter>();
  private readonly unplugged = new Set<string>();

  constructor(readonly delayUs = LAN_DELAY_US) {}

  /** Attaches a router (VRID 1, VIP 10.0.0.254 unless given); it is not started. */
  add(device: string, settings: RouterSettings): VirtualRouter {
    const config: VrrpConfig = { device, vrid: 1, virtualIps: ['10.0.0.254'], ...settings };
    const router = new VirtualRouter(this.scheduler, config, {
      send: (frame) => this.send(device, frame),
      emit: (e) => this.events.push(e),
    });
    this.routers.set(device, router);
    return router;
  }

  get(device: string): VirtualRouter {
    const r = this.routers.get(device);
    if (!r) throw new Error(`no router ${device}`);
    return r;
  }

  /** Runs `fn(this)` at virtual time `us`. */
  at(us: number, fn: (lan: this) => void): this {
    this.scheduler.at(us, () => fn(this));
    return this;
  }

  unplug(device: string): void {
    this.unplugged.add(device);
  }

  plug(device: string): void {
    this.unplugged.delete(device);
  }

  run(untilUs: number): this {
    this.scheduler.runUntil(untilUs);
    return this;
  }

  private send(from: string, frame: Uint8Array): void {
    this.sent.push({ t: this.scheduler.now, from, frame });
    if (this.unplugged.has(from)) return;
    for (const [to, router] of this.routers) {
      if (to === from) continue;
      this.scheduler.after(this.delayUs, () => {
        if (this.unplugged.has(to)) return;
        this.received.push({ t: this.scheduler.now, to, result: router.receive(frame) });
      });
    }
  }

  /** Advertisements sent by `from` (all when omitted), decoded, with their send time. */
  adverts(from?: string): { t: number; from: string; vrrp: VrrpFrame }[] {
    return this.sent
      .filter((s) => (from === undefined || s.from === from) && decodeEthernet(s.frame).header.etherType !== ETHERTYPE_ARP)
      .map((s) => ({ t: s.t, from: s.from, vrrp: decodeVrrpFrame(s.frame) }));
  }

  /** Gratuitous ARPs sent by `from`, with send time and Ethernet addresses. */
  garps(from: string): { t: number; src: string; dst: string; arp: ArpPacket }[] {
    return this.sent
      .filter((s) => s.from === from && decodeEthernet(s.frame).header.etherType === ETHERTYPE_ARP)
      .map((s) => ({ t: s.t, ...decodeArpFrame(s.frame) }));
  }

  eventsOf(device: string): VrrpEvent[] {
    return this.events.filter((e) => e.device === device);
  }

  /** The first event at which `device` entered `state`, at or after `fromUs`. */
  entered(device: string, state: VrrpEvent['state'], fromUs = 0): VrrpEvent | undefined {
    return this.eventsOf(device).find((e, i, all) => e.state === state && e.t * 1000 >= fromUs && all[i - 1]?.state !== state);
  }
}

/** Virtual µs → the event stream's ms. */
export const ms = (us: number): number => us / 1000;
