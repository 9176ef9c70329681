/**
 * Frame codecs: MAC addresses, Ethernet II / 802.1Q, LACPDU (802.1AX-2008 5.4.2.2), classic pcap,
 * 802.3/LLC (802.2), STP/RSTP BPDUs (802.1D-2004 9.3), IPv4 addresses and ARP (RFC 826 / 5227).
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
export type { DecodedLlcFrame, LlcHeader } from './llc';
export {
  BPDU_LLC,
  LLC_CONTROL_UI,
  LLC_FRAME_FIELDS,
  LLC_HEADER_LENGTH,
  LLC_SAP_BPDU,
  MAX_LLC_LENGTH,
  decodeLlcFrame,
  encodeLlcFrame,
  writeLlcHeader,
} from './llc';
export type {
  Bpdu,
  BpduBody,
  BpduField,
  BpduPortRoleCode,
  BridgeId,
  ConfigBpdu,
  ConfigFlags,
  PortId,
  RstBpdu,
  RstFlags,
  TcnBpdu,
} from './bpdu';
export {
  BPDU_FIELDS,
  BPDU_TIME_UNITS_PER_SECOND,
  BPDU_TYPE_CONFIG,
  BPDU_TYPE_RST,
  BPDU_TYPE_TCN,
  BRIDGE_GROUP_MAC,
  BpduFlagBit,
  BpduPortRole,
  CONFIG_BPDU_LENGTH,
  MSTP_VERSION,
  RSTP_VERSION,
  RST_BPDU_FIELDS,
  RST_BPDU_LENGTH,
  SPB_VERSION,
  STP_VERSION,
  TCN_BPDU_FIELDS,
  TCN_BPDU_LENGTH,
  bpduLength,
  bpduTimeToMs,
  decodeBpdu,
  decodeBpduFrame,
  decodeRstFlags,
  encodeBpdu,
  encodeBpduFrame,
  encodeRstFlags,
  joinBridgePriority,
  makePortId,
  msToBpduTime,
  pathCostLong,
  pathCostShort,
  portIdFromRaw,
  splitBridgePriority,
  writeBpdu,
} from './bpdu';
export type { Ipv4Address } from './ipv4addr';
export {
  formatIpv4,
  isIpv4,
  networkAddress,
  parseCidr,
  parseIpv4,
  prefixToMask,
  readIpv4,
  sameSubnet,
  writeIpv4,
} from './ipv4addr';
export type { ArpField, ArpPacket } from './arp';
export {
  ARP_FIELDS,
  ARP_HTYPE_ETHERNET,
  ARP_LENGTH,
  ARP_OP_REPLY,
  ARP_OP_REQUEST,
  ZERO_MAC,
  decodeArp,
  decodeArpFrame,
  encodeArp,
  encodeArpFrame,
  gratuitousArp,
  gratuitousArpFrame,
  isGratuitous,
  writeArp,
} from './arp';
export type { Ipv4Header, Ipv4Send, UdpHeader } from './ipv4';
export { IPV4_HEADER_LENGTH, IP_PROTO_UDP, UDP_HEADER_LENGTH, decodeIpv4, decodeIpv4Frame, decodeUdp, decodeUdpFrame, encodeIpv4Frame, encodeIpv4Packet, encodeUdpFrame, forwardIpv4Frame, internetChecksum } from './ipv4';
export type { IcmpEcho, IcmpMessage } from './icmp';
export {
  ICMP_ECHO_FIELDS,
  ICMP_ECHO_REPLY,
  ICMP_ECHO_REQUEST,
  ICMP_HEADER_LENGTH,
  ICMP_TIME_EXCEEDED,
  IP_PROTO_ICMP,
  PING_DATA,
  decodeIcmp,
  decodeIcmpFrame,
  encodeIcmpEcho,
  encodeIcmpEchoFrame,
  encodeIcmpTimeExceeded,
  echoReplyAddresses,
} from './icmp';
export type { VrrpAdvertisement, VrrpChecksumForm, VrrpField, VrrpFrame, VrrpIpv4Header, VrrpIpv4Options, VrrpIpv6Header, VrrpMessage, VrrpV2Message, VrrpV3Message } from './vrrp';
export {
  IP_PROTO_VRRP,
  VRRP_FIELDS,
  VRRP_HEADER_LENGTH,
  VRRP_IPV4_GROUP,
  VRRP_IPV4_GROUP_MAC,
  VRRP_MAX_ADVER_INT_CS,
  VRRP_PRIORITY_OWNER,
  VRRP_PRIORITY_STOP,
  VRRP_TTL,
  VRRP_TYPE_ADVERTISEMENT,
  VRRP_V2_AUTH_LENGTH,
  VRRP_V2_FIELDS,
  VRRP_VERSION_2,
  VRRP_VERSION_3,
  decodeVrrp,
  decodeVrrpFrame,
  decodeVrrpPacket,
  encodeVrrp,
  encodeVrrpFrame,
  encodeVrrpPacket,
  vrrpFields,
  vrrpVirtualMac,
} from './vrrp';
