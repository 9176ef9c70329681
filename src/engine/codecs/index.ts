/**
 * Frame codecs: MAC addresses, Ethernet II / 802.1Q, LACPDU (802.1AX-2008 5.4.2.2), classic pcap.
 * See README.md in this folder for the clause -> file map.
 */
export { CodecError } from './errors';
export type { MacAddress } from './mac';
export { BROADCAST_MAC, SLOW_PROTOCOLS_MAC, formatMac, isMac, macPlus, parseMac, writeMac } from './mac';
export type { DecodedEthernet, EthernetHeader } from './ethernet';
export {
  ETHERNET_HEADER_LENGTH,
  ETHERTYPE_ARP,
  ETHERTYPE_IPV4,
  ETHERTYPE_QINQ,
  ETHERTYPE_SLOW,
  ETHERTYPE_VLAN,
  MIN_FRAME_NO_FCS,
  decodeEthernet,
  encodeEthernet,
} from './ethernet';
export type { LacpInfo, Lacpdu, LacpduField, LacpStateName } from './lacpdu';
export {
  LACPDU_FIELDS,
  LACPDU_FRAME_LENGTH,
  LACPDU_LENGTH,
  LACP_SUBTYPE,
  LACP_VERSION,
  LacpStateBit,
  MARKER_SUBTYPE,
  decodeLacpState,
  decodeLacpdu,
  decodeLacpduFrame,
  encodeLacpState,
  encodeLacpdu,
  encodeLacpduFrame,
  lacpStateFlags,
  lacpStateNames,
  writeLacpdu,
} from './lacpdu';
export type { PcapRecord } from './pcap';
export {
  LINKTYPE_ETHERNET,
  PCAP_MAGIC_NS,
  PCAP_MAGIC_US,
  PCAP_SNAPLEN,
  PcapWriter,
  decodePcap,
  encodePcap,
} from './pcap';
