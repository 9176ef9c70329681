/**
 * Which host's probe a frame is, for the probes' congestion rule: an `arping` request from the
 * host or its reply to it (ARP), a `ping` Echo Request from the host or its Echo Reply to it
 * (ICMP with the lab's ping identifier). Anything else, or a frame that does not decode, is none.
 */
import { decodeArpFrame } from '../codecs/arp';
import { ETHERTYPE_ARP, ETHERTYPE_IPV4 } from '../codecs/ethernet';
import { ICMP_ECHO_REPLY, ICMP_ECHO_REQUEST, IP_PROTO_ICMP } from '../codecs/icmp';
import { decodeIpv4Frame } from '../codecs/ipv4';
import type { ProbeTargetKind } from '../events';
import { PING_ID } from './prober';

/** The probing host's IPv4 address, the target kind and the probed address. */
export interface ProbeFrame {
  hostIp: string;
  target: ProbeTargetKind;
  ip: string;
}

function arpProbe(frame: Uint8Array): ProbeFrame | null {
  const { arp } = decodeArpFrame(frame);
  return arp.op === 1 ? { hostIp: arp.senderIp, target: 'gateway', ip: arp.targetIp } : { hostIp: arp.targetIp, target: 'gateway', ip: arp.senderIp };
}

function pingProbe(frame: Uint8Array): ProbeFrame | null {
  const { ip, body } = decodeIpv4Frame(frame);
  if (ip.protocol !== IP_PROTO_ICMP || body.length < 8) return null;
  const type = body[0];
  const id = ((body[4] ?? 0) << 8) | (body[5] ?? 0);
  if (id !== PING_ID) return null;
  if (type === ICMP_ECHO_REQUEST) return { hostIp: ip.src, target: 'upstream', ip: ip.dst };
  return type === ICMP_ECHO_REPLY ? { hostIp: ip.dst, target: 'upstream', ip: ip.src } : null;
}

/** The probe `frame` carries, or null (never throws: a dropped frame may be anything). */
export function probeOf(frame: Uint8Array): ProbeFrame | null {
  const etherType = ((frame[12] ?? 0) << 8) | (frame[13] ?? 0);
  try {
    if (etherType === ETHERTYPE_ARP) return arpProbe(frame);
    if (etherType === ETHERTYPE_IPV4) return pingProbe(frame);
  } catch {
    return null;
  }
  return null;
}
