/**
 * Transmit machine, 802.1AX-2008 5.4.16 (with the 802.1AX-2014 6.4.16 condition that nothing is
 * sent while the Periodic machine is in NO_PERIODIC): when NTT is set, one LACPDU carrying the
 * current actor and partner information goes out, at most 3 in any Fast_Periodic_Time.
 */
import type { Lacpdu, LacpInfo } from '../codecs/lacpdu';
import { encodeLacpduFrame } from '../codecs/lacpdu';
import type { Network } from '../device/network';
import { peerOf } from '../device/types';
import type { EventSink, LacpduInfoView } from '../events';
import { usToMs } from '../scheduler';
import type { LacpAggregator } from './aggregator';
import type { LacpPort } from './lacpPort';
import { stateNames } from './stateNames';
import { FAST_PERIODIC_TIME, MAX_TX_PER_FAST_PERIODIC } from './timers';

function sameInfo(a: LacpInfo, b: LacpInfo): boolean {
  return a.state === b.state && a.system === b.system && a.key === b.key && a.port === b.port && a.portPriority === b.portPriority && a.systemPriority === b.systemPriority;
}

function view(info: LacpInfo): LacpduInfoView {
  return { systemPriority: info.systemPriority, system: info.system, key: info.key, portPriority: info.portPriority, port: info.port, state: info.state, flags: stateNames(info.state) };
}

/** The LACPDU a member sends now (5.4.2.2): its actor values and its recorded partner. */
export function buildLacpdu(agg: LacpAggregator, p: LacpPort): Lacpdu {
  return {
    version: 1,
    actor: { systemPriority: agg.systemPriority, system: agg.system, key: p.opKey, portPriority: p.portPriority, port: p.actorPort, state: p.actorState },
    partner: { ...p.partner },
    collectorMaxDelay: 0,
  };
}

export class LacpTransmitter {
  constructor(
    private readonly network: Network,
    private readonly emit: EventSink,
    private readonly wantsPduEvents: boolean,
  ) {}

  /** Sends one LACPDU for `p` if NTT may be honoured now; otherwise leaves NTT set. */
  transmit(agg: LacpAggregator, p: LacpPort): void {
    if (!agg.lacpEnabled(p) || !p.isEnabled || p.periodic === 'NO_PERIODIC' || !agg.isAlive) return;
    const now = this.network.scheduler.now;
    const times = p.txTimes;
    while (times.length > 0 && (times[0] as number) <= now - FAST_PERIODIC_TIME) times.shift();
    if (times.length >= MAX_TX_PER_FAST_PERIODIC) {
      p.txTimer.start((times[0] as number) + FAST_PERIODIC_TIME - now);
      return;
    }
    const { pdu, frame } = this.frameFor(agg, p);
    const link = p.port.link;
    const frameNo = this.network.send(p.port, frame);
    if (frameNo === 0 || !link) return;
    times.push(now);
    p.ntt = false;
    if (this.wantsPduEvents) this.emitPdu(p, pdu, frameNo, this.network.arrivalUs(link, frame.length));
  }

  /**
   * The PDU and its bytes. Frames are never mutated once sent, so when nothing in the PDU changed
   * since the last one the same bytes are sent again (the steady state: one encode per change).
   */
  private frameFor(agg: LacpAggregator, p: LacpPort): { pdu: Lacpdu; frame: Uint8Array } {
    const last = p.lastTx;
    if (last && sameInfo(last.pdu.partner, p.partner) && last.pdu.actor.state === p.actorState && last.pdu.actor.key === p.opKey && last.pdu.actor.systemPriority === agg.systemPriority) return last;
    const pdu = buildLacpdu(agg, p);
    p.lastTx = { pdu, frame: encodeLacpduFrame(p.port.mac, pdu) };
    return p.lastTx;
  }

  private emitPdu(p: LacpPort, pdu: Lacpdu, frame: number, arriveUs: number): void {
    const to = peerOf(p.port);
    const link = p.port.link;
    if (!to || !link) return;
    this.emit({
      t: usToMs(this.network.scheduler.now),
      type: 'lacpdu',
      link: link.id,
      from: { device: p.port.device.id, port: p.port.id },
      to: { device: to.device.id, port: to.id },
      arrive: usToMs(arriveUs),
      frame,
      actor: view(pdu.actor),
      partner: view(pdu.partner),
    });
  }
}
