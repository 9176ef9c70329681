/**
 * Receive machine, 802.1AX-2008 5.4.12 (figure 5-10): INITIALIZE, PORT_DISABLED, LACP_DISABLED,
 * EXPIRED, DEFAULTED, CURRENT, with recordPDU / recordDefault / update_Selected / update_NTT /
 * update_Default_Selected from 5.4.9.
 */
import type { Lacpdu, LacpInfo } from '../codecs/lacpdu';
import { LacpStateBit as B } from '../codecs/lacpdu';
import type { LacpPort } from './lacpPort';
import { defaultPartner } from './lacpPort';
import { LONG_TIMEOUT_TIME, SHORT_TIMEOUT_TIME } from './timers';

/** What the receive machine needs to know about its own system. */
export interface ActorView {
  readonly system: string;
  readonly systemPriority: number;
  /** LACP_Enabled (5.4.7): LACP runs on the port (full duplex, LAG not static, started). */
  lacpEnabled(p: LacpPort): boolean;
  /** Marks that the port's selection inputs changed. */
  selectionChanged(): void;
}

/** BEGIN: INITIALIZE then PORT_DISABLED, then on to EXPIRED / LACP_DISABLED if the port is up. */
export function rxBegin(actor: ActorView, p: LacpPort): void {
  p.rx = 'INITIALIZE';
  p.selected = 'UNSELECTED';
  recordDefault(p);
  p.setActor(B.expired, false);
  actor.selectionChanged();
  rxPortDisabled(actor, p);
}

/** PORT_DISABLED entry: Partner_Oper_Port_State.Synchronization = FALSE, then the exits. */
export function rxPortDisabled(actor: ActorView, p: LacpPort): void {
  p.rx = 'PORT_DISABLED';
  p.currentWhile.stop();
  p.setPartner(B.synchronization, false);
  if (!p.isEnabled) {
    // A member whose MAC went down leaves its aggregator (Linux bond_3ad_handle_link_change
    // clears the port's key speed bits, which unselects it).
    p.selected = 'UNSELECTED';
    actor.selectionChanged();
    return;
  }
  if (actor.lacpEnabled(p)) rxExpired(actor, p);
  else rxLacpDisabled(actor, p);
}

/** LACP_DISABLED entry (5.4.12): the port is Individual, partner set to defaults. */
function rxLacpDisabled(actor: ActorView, p: LacpPort): void {
  p.rx = 'LACP_DISABLED';
  p.selected = 'UNSELECTED';
  recordDefault(p);
  p.setPartner(B.aggregation, false);
  p.setActor(B.expired, false);
  actor.selectionChanged();
}

/** EXPIRED entry: partner out of sync and asked to be fast; current_while = Short_Timeout_Time. */
export function rxExpired(actor: ActorView, p: LacpPort): void {
  p.rx = 'EXPIRED';
  p.setPartner(B.synchronization, false);
  p.setPartner(B.lacpTimeout, true);
  p.currentWhile.start(SHORT_TIMEOUT_TIME);
  p.setActor(B.expired, true);
  actor.selectionChanged();
}

/** DEFAULTED entry: update_Default_Selected, recordDefault, Actor Expired = FALSE. */
export function rxDefaulted(actor: ActorView, p: LacpPort): void {
  p.rx = 'DEFAULTED';
  const admin = defaultPartner(p.actorState & B.lacpTimeout);
  if (!sameParams(admin, p.partner)) p.selected = 'UNSELECTED';
  recordDefault(p);
  p.setActor(B.expired, false);
  actor.selectionChanged();
}

/** current_while expired: CURRENT → EXPIRED, EXPIRED → DEFAULTED. */
export function rxTimeout(actor: ActorView, p: LacpPort): void {
  if (p.rx === 'CURRENT') rxExpired(actor, p);
  else if (p.rx === 'EXPIRED') rxDefaulted(actor, p);
}

/**
 * A valid LACPDU arrived: enter (or re-enter) CURRENT if the machine is listening. Returns true
 * when anything but the restarted current_while changed (so the other machines must run).
 */
export function rxPdu(actor: ActorView, p: LacpPort, pdu: Lacpdu): boolean {
  if (p.rx !== 'EXPIRED' && p.rx !== 'DEFAULTED' && p.rx !== 'CURRENT') return false;
  const wasCurrent = p.rx === 'CURRENT';
  const selectedBefore = p.selected;
  const nttBefore = p.ntt;
  const stateBefore = p.partner.state;
  const actorBefore = p.actorState;
  p.rx = 'CURRENT';
  updateSelected(p, pdu);
  updateNtt(actor, p, pdu);
  recordPdu(actor, p, pdu);
  const timeout = p.actor(B.lacpTimeout) ? SHORT_TIMEOUT_TIME : LONG_TIMEOUT_TIME;
  p.currentWhile.start(timeout);
  p.setActor(B.expired, false);
  const changed = !wasCurrent || stateBefore !== p.partner.state || selectedBefore !== p.selected || actorBefore !== p.actorState || (p.ntt && !nttBefore);
  if (changed) actor.selectionChanged();
  return changed;
}

function sameParams(a: LacpInfo, b: LacpInfo): boolean {
  return a.port === b.port && a.portPriority === b.portPriority && a.system === b.system && a.systemPriority === b.systemPriority && a.key === b.key && ((a.state ^ b.state) & B.aggregation) === 0;
}

/** recordDefault (5.4.9): partner operational := partner administrative; Actor Defaulted = TRUE. */
function recordDefault(p: LacpPort): void {
  p.partner = defaultPartner(p.actorState & B.lacpTimeout);
  p.setActor(B.defaulted, true);
}

/** update_Selected (5.4.9): a PDU whose actor differs from the recorded partner unselects the port. */
function updateSelected(p: LacpPort, pdu: Lacpdu): void {
  if (!sameParams(pdu.actor, p.partner)) p.selected = 'UNSELECTED';
}

/** update_NTT (5.4.9): the partner's view of us is wrong → NTT. */
function updateNtt(actor: ActorView, p: LacpPort, pdu: Lacpdu): void {
  const mask = B.lacpActivity | B.lacpTimeout | B.synchronization | B.aggregation;
  const v = pdu.partner;
  if (v.port !== p.actorPort || v.portPriority !== p.portPriority || v.system !== actor.system || v.systemPriority !== actor.systemPriority || v.key !== p.opKey || ((v.state ^ p.actorState) & mask) !== 0) {
    p.ntt = true;
  }
}

/**
 * recordPDU (5.4.9): copy the PDU's actor into the partner operational values; Partner Sync is
 * taken from the PDU only when the PDU's view of us matches (or it says it is Individual) and LACP
 * is actively maintained by one side.
 */
function recordPdu(actor: ActorView, p: LacpPort, pdu: Lacpdu): void {
  const a = pdu.actor;
  const v = pdu.partner;
  const matched =
    (v.port === p.actorPort && v.portPriority === p.portPriority && v.system === actor.system && v.systemPriority === actor.systemPriority && v.key === p.opKey && ((v.state ^ p.actorState) & B.aggregation) === 0) ||
    (a.state & B.aggregation) === 0;
  const activelyMaintained = (a.state & B.lacpActivity) !== 0 || (p.actor(B.lacpActivity) && (v.state & B.lacpActivity) !== 0);
  const sync = matched && activelyMaintained && (a.state & B.synchronization) !== 0;
  // Updated in place: PDUs sent copy the partner values, so nothing else holds this object.
  const partner = p.partner;
  partner.systemPriority = a.systemPriority;
  partner.system = a.system;
  partner.key = a.key;
  partner.portPriority = a.portPriority;
  partner.port = a.port;
  partner.state = sync ? a.state | B.synchronization : a.state & ~B.synchronization;
  p.setActor(B.defaulted, false);
}
