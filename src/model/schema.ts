/**
 * The topology document, version 1 (DESIGN.md §3), as a zod schema. Types are inferred from it
 * and the published JSON Schema (`docs/topology.schema.json`) is generated from it, so the three
 * never drift apart. Defaults live in `defaults.ts`; cross-references (ids, ports) are checked in
 * `validate.ts`.
 */
import { z } from 'zod';

/** Ids are short, URL-friendly names: `sw1`, `eth3`, `po1`. */
export const IdSchema = z
  .string()
  .regex(/^[A-Za-z][A-Za-z0-9_.:-]{0,31}$/, 'must start with a letter and use letters, digits, _ . : - (max 32)');

/** A MAC address in colon or dash form: 00:13:c4:12:0f:00. */
export const MacSchema = z
  .string()
  .regex(/^[0-9a-fA-F]{2}([:-][0-9a-fA-F]{2}){5}$/, 'must be a MAC address like 02:00:00:00:01:00');

/** Port speeds a student can pick (Mb/s); the LACP key rule (802.1AX 5.3.5) keys on them. */
export const SPEEDS_MBPS = [10, 100, 1000, 2500, 10000, 25000, 40000, 100000] as const;
export const SpeedSchema = z.literal(SPEEDS_MBPS);

/** An IPv4 address with a prefix length: 10.0.0.1/24. */
export const CidrSchema = z
  .string()
  .regex(/^((25[0-5]|2[0-4]\d|1?\d?\d)\.){3}(25[0-5]|2[0-4]\d|1?\d?\d)\/(3[0-2]|[12]?\d)$/, 'must be an IPv4 address with a prefix, like 10.0.0.1/24');

/** An IPv4 address without a prefix: 10.0.0.1. */
export const Ipv4Schema = z
  .string()
  .regex(/^((25[0-5]|2[0-4]\d|1?\d?\d)\.){3}(25[0-5]|2[0-4]\d|1?\d?\d)$/, 'must be an IPv4 address, like 10.0.0.1');

export const DEVICE_TYPES = ['switch', 'router', 'host', 'upstream'] as const;
export const DeviceTypeSchema = z.enum(DEVICE_TYPES);

/** Spanning-tree settings of a bridge port (a physical port or a LAG): 802.1D-2004 §17.13. */
export const PortStpSchema = z.strictObject({
  /** Port path cost; default from the speed (802.1D-2004 Table 17-3, or Table 8-5 in `stp` mode). */
  cost: z.int().min(1).max(200_000_000).optional(),
  /** Port priority, 0–240 in steps of 16; default 128. */
  priority: z.int().min(0).max(240).multipleOf(16).optional(),
  /** Edge port (PortFast): forwards at once, sends no TC; default false. */
  edge: z.boolean().optional(),
});

export const PortSchema = z.strictObject({
  id: IdSchema,
  /** Line rate in Mb/s; default 1000. */
  speedMbps: SpeedSchema.optional(),
  /** Half duplex disables LACP on the port (802.1AX 5.4.12 LACP_Enabled). Default full. */
  duplex: z.enum(['full', 'half']).optional(),
  /** Port MAC; derived from the device MAC when absent. */
  mac: MacSchema.optional(),
  stp: PortStpSchema.optional(),
  /**
   * A routed interface (RFC 1812): the port's own IPv4 address and prefix. On a switch the port
   * then leaves the bridge (a "no switchport" port); on a router or upstream it is how the device
   * joins a subnet.
   */
  ip: CidrSchema.optional(),
});

/** A static route (RFC 1812 §5.2.4): packets to `to` go to the neighbour `via`, in a connected subnet. */
export const RouteSchema = z.strictObject({
  /** Destination prefix, e.g. 0.0.0.0/0 for the default route. */
  to: CidrSchema,
  /** Next hop: an address in one of the device's connected subnets. */
  via: Ipv4Schema,
});

export const DeviceLacpSchema = z.strictObject({
  /** System priority (802.1AX 5.3.2); lower wins. Default 32768 (switches), 65535 (hosts, Linux). */
  systemPriority: z.int().min(0).max(65535).optional(),
  /**
   * What a LAG member does when it hears no LACPDU and has no fallback: `suspend` (Cisco NX-OS
   * `lacp suspend-individual`, the default) or `individual` (forward as a standalone port).
   */
  individualPolicy: z.enum(['suspend', 'individual']).optional(),
});

/** Spanning tree of a switch: off (the default), legacy STP (802.1D-1998) or RSTP (802.1D-2004 §17). */
export const DeviceStpSchema = z.strictObject({
  mode: z.enum(['off', 'stp', 'rstp']),
  /** Bridge priority, 0–61440 in steps of 4096; default 32768. */
  priority: z.int().min(0).max(61440).multipleOf(4096).optional(),
  /** Hello Time s (default 2), Max Age s (20), Forward Delay s (15): 802.1D-2004 Table 17-1. */
  helloS: z.int().min(1).max(10).optional(),
  maxAgeS: z.int().min(6).max(40).optional(),
  forwardDelayS: z.int().min(4).max(30).optional(),
});

export const PositionSchema = z.strictObject({ x: z.number(), y: z.number() });

export const DeviceSchema = z.strictObject({
  id: IdSchema,
  type: DeviceTypeSchema,
  name: z.string().max(64).optional(),
  position: PositionSchema.optional(),
  /** Base MAC; also the LACP System MAC. Derived from the id when absent. */
  mac: MacSchema.optional(),
  ports: z.array(PortSchema).max(256),
  lacp: DeviceLacpSchema.optional(),
  /**
   * IPv4 address with prefix. A host's (server's) address: `10.0.0.11/24`, used by ARP, flows and
   * probes. A switch's: its SVI (an L3 switch routing for the subnet of its bridged ports). An
   * upstream's: the "internet" address it answers for (a loopback, reached through its ports).
   */
  ip: CidrSchema.optional(),
  /** A host's default gateway (RFC 1122 §3.3.1): off-subnet packets go to it. Must be in the host's subnet. */
  gateway: Ipv4Schema.optional(),
  /** Static routes of a router, L3 switch or upstream; connected subnets need none. Longest prefix wins. */
  routes: z.array(RouteSchema).max(256).optional(),
  stp: DeviceStpSchema.optional(),
});

export const EndpointSchema = z.strictObject({ device: IdSchema, port: IdSchema });

export const LinkSchema = z.strictObject({
  id: IdSchema,
  a: EndpointSchema,
  b: EndpointSchema,
  /** Line rate in Mb/s; default the lower of the two ports' speeds (auto-negotiation). */
  speedMbps: SpeedSchema.optional(),
  /** One-way propagation delay in ms; default 0.005 (1 km of fibre). */
  delayMs: z.number().min(0).max(10_000).optional(),
});

export const LAG_MODES = ['active', 'passive', 'on'] as const;

export const FallbackSchema = z.strictObject({
  /**
   * Time without any LACPDU after link up before members forward as individual ports
   * (Arista `port-channel lacp fallback timeout`, default 90 s). In ms.
   */
  timeoutMs: z.int().min(1).max(3_600_000).optional(),
});

export const LagSchema = z.strictObject({
  id: IdSchema,
  device: IdSchema,
  name: z.string().max(64).optional(),
  members: z.array(IdSchema).min(1).max(32),
  /** active / passive LACP (802.1AX 5.4.2.2 LACP_Activity) or `on` (static, no LACPDUs). */
  mode: z.enum(LAG_MODES),
  /** LACP_Timeout asked of the partner: fast = 1 s PDUs / 3 s timeout, slow = 30 s / 90 s. */
  rate: z.enum(['fast', 'slow']).optional(),
  /** Overrides the device's LACP system priority for this LAG. */
  systemPriority: z.int().min(0).max(65535).optional(),
  /** Administrative key (802.1AX 5.3.5); default: the LAG's position + 1, like a port-channel number. */
  key: z.int().min(1).max(65535).optional(),
  /** Port priority per member (802.1AX 5.3.4); lower wins a place among the active members. */
  portPriorities: z.record(IdSchema, z.int().min(0).max(65535)).optional(),
  /** Most members distributing at once; the rest are hot-standby. Default 8. */
  maxActive: z.int().min(1).max(32).optional(),
  /** The LAG is up only with at least this many distributing members. Default 1. */
  minLinks: z.int().min(1).max(32).optional(),
  /** LACP fallback for PXE boot; absent = no fallback. */
  fallback: FallbackSchema.optional(),
  /**
   * Virtual time (ms) at which this LAG starts running LACP; before it the members are plain
   * ports, as while a server PXE-boots. Default 0.
   */
  startMs: z.number().min(0).optional(),
  /** Spanning-tree settings of the LAG as one bridge port. */
  stp: PortStpSchema.optional(),
  /** Id of the MC-LAG domain this LAG belongs to: the same LAG id on both peers forms one MC-LAG port. */
  mclag: IdSchema.optional(),
});

/**
 * An MC-LAG domain (Cisco vPC, Arista MLAG): two peer switches joined by a peer-link (a LAG with
 * the same id on both) and a keepalive link; they answer LACP with one shared system id.
 */
export const McLagSchema = z.strictObject({
  id: IdSchema,
  /** Domain id 1–1000; the shared LACP system MAC is 00:23:04:ee:be:<domain id> (vPC). */
  domainId: z.int().min(1).max(1000),
  peers: z.tuple([IdSchema, IdSchema]),
  /** The peer-link: a LAG id present on both peers, joining them. */
  peerLink: IdSchema,
  /** A link between the peers used only for keepalives (vPC peer-keepalive); absent = none. */
  keepalive: IdSchema.optional(),
  /** Role priority per peer (lower wins primary; vPC default 32667; tie → lower system MAC). */
  rolePriority: z.record(IdSchema, z.int().min(1).max(65535)).optional(),
  /** LACP system priority shared by the pair (vPC default 32667). */
  systemPriority: z.int().min(0).max(65535).optional(),
});

/**
 * Traffic a host sends to another host, or to an upstream (the internet, through the host's
 * gateway), as UDP datagrams, to watch paths and members carry it.
 */
export const FlowSchema = z.strictObject({
  id: IdSchema,
  from: IdSchema,
  /** A host with an ip, or an upstream device (its address: its `ip`, else its first port's). */
  to: IdSchema,
  /** Datagrams per second; default 10. */
  pps: z.number().min(0.1).max(1000).optional(),
  /** UDP payload bytes; default 64. */
  sizeBytes: z.int().min(0).max(1472).optional(),
  srcPort: z.int().min(1).max(65535).optional(),
  dstPort: z.int().min(1).max(65535).optional(),
  /** Virtual time (ms) the flow starts; default 0. */
  startMs: z.number().min(0).optional(),
});

/** Linux bonding modes (Documentation/networking/bonding.rst); Windows teaming names are aliases in the UI. */
export const BOND_MODES = ['balance-rr', 'active-backup', 'balance-xor', 'broadcast', '802.3ad', 'balance-tlb', 'balance-alb'] as const;

/** A host's bond (team) of NICs. Mode 802.3ad runs LACP on its members. */
export const BondSchema = z.strictObject({
  id: IdSchema,
  device: IdSchema,
  members: z.array(IdSchema).min(1).max(16),
  mode: z.enum(BOND_MODES),
  /** Carrier poll period ms; default 100; 0 = no link monitoring. */
  miimon: z.int().min(0).max(10_000).optional(),
  /** Delay before using a slave whose link came up / dropping one whose link went down; ms, multiples of miimon. */
  updelay: z.int().min(0).max(60_000).optional(),
  downdelay: z.int().min(0).max(60_000).optional(),
  /** Preferred slave (active-backup, tlb, alb). */
  primary: IdSchema.optional(),
  /** 802.3ad: LACPDU rate asked of the partner; default slow. */
  lacpRate: z.enum(['slow', 'fast']).optional(),
  /** Slave selection hash (balance-xor, 802.3ad, tlb): default layer2. */
  xmitHashPolicy: z.enum(['layer2', 'layer2+3', 'layer3+4']).optional(),
  /** Gratuitous ARPs sent after a failover (active-backup); default 1. */
  numGratArp: z.int().min(0).max(255).optional(),
});

/** An object a VRRP router watches (Cisco `track … decrement`): while it is down the priority drops. */
export const VrrpTrackSchema = z.strictObject({
  /** A link id, or `device:port`. */
  target: z.string().min(1).max(80),
  /** Priority points lost while the target is down; default 10 (Cisco HSRP's). */
  decrement: z.int().min(1).max(254).optional(),
});

/** One router of a VRRP group: the interface it runs on and its own parameters (RFC 5798 §6.1). */
export const VrrpMemberSchema = z.strictObject({
  device: IdSchema,
  /** A routed port with an address; absent = the switch's SVI (its device `ip`). */
  port: IdSchema.optional(),
  /** 1–254, or 255 for the address owner (the VIP is this interface's own address). Default 100. */
  priority: z.int().min(1).max(255).optional(),
  /** Preempt_Mode: a higher-priority backup takes over from a lower-priority master. Default true. */
  preempt: z.boolean().optional(),
  /** Vendor preempt delay (keepalived `preempt_delay`): wait this long before preempting. Default 0. */
  preemptDelayMs: z.int().min(0).max(3_600_000).optional(),
  tracks: z.array(VrrpTrackSchema).max(16).optional(),
});

/** A VRRPv3 virtual router (RFC 5798): routers sharing a virtual IP and MAC 00:00:5e:00:01:<vrid>. */
export const VrrpGroupSchema = z.strictObject({
  id: IdSchema,
  /** Virtual Router ID, 1–255 (RFC 5798 §5.2.3). */
  vrid: z.int().min(1).max(255),
  /** The virtual IP: the hosts' default gateway. */
  vip: Ipv4Schema,
  /** Advertisement_Interval in centiseconds, 1–4095; default 100 (1 s). */
  advertIntervalCs: z.int().min(1).max(4095).optional(),
  /** Accept_Mode: a non-owner master answers packets to the VIP (e.g. ping). Default false. */
  acceptMode: z.boolean().optional(),
  /**
   * Active-active on an MC-LAG pair (Cisco vPC peer-gateway, Arista active-active VRRP): the Backup
   * also answers ARP for the VIP and routes frames sent to the virtual MAC, so host traffic never
   * crosses the peer-link. Exactly two members, the two peers of one MC-LAG domain. Default false.
   */
  activeActive: z.boolean().optional(),
  members: z.array(VrrpMemberSchema).min(1).max(8),
});

/**
 * A distributed anycast gateway (RFC 9135 §4; Arista VARP, Cisco fabric anycast-gateway): every
 * listed L3 switch answers ARP for `ip` with the shared `mac` and routes locally. No election, no
 * advertisement, nothing to fail over.
 */
export const AnycastGatewaySchema = z.strictObject({
  id: IdSchema,
  /** The gateway address the hosts use; in every listed switch's SVI subnet. */
  ip: Ipv4Schema,
  /** The shared gateway MAC; default 00:1c:73:00:00:99 (Arista's documentation example). */
  mac: MacSchema.optional(),
  /** L3 switches (with an SVI) that all own the gateway. */
  devices: z.array(IdSchema).min(1).max(64),
});

export const PROBE_TARGETS = ['gateway', 'upstream'] as const;

/**
 * Reachability probes (DESIGN.md §4): every host with a gateway probes it with ARP requests (like
 * `arping`: a non-owner VRRP master does not answer pings to the VIP) and the upstream with ICMP
 * echo (like `ping`), measuring each outage from the first lost probe to the first answered one.
 */
export const ProbesSchema = z.strictObject({
  /** Time between probes, ms; default 100. */
  intervalMs: z.int().min(10).max(10_000).optional(),
  /** What every host probes; default both (the upstream only when the lab has one). [] = no probes. */
  targets: z.array(z.enum(PROBE_TARGETS)).max(2).optional(),
});

export const SCENARIO_ACTIONS = ['fail', 'restore', 'mute', 'unmute'] as const;

/** A fault planned in the document (the CLI's --fail / --restore add to these). */
export const ScenarioStepSchema = z.strictObject({
  atMs: z.number().min(0),
  action: z.enum(SCENARIO_ACTIONS),
  /** A device id, a link id, or `device:port` for one port. */
  target: z.string().min(1).max(80),
});

export const MetaSchema = z.strictObject({
  title: z.string().max(200).optional(),
  description: z.string().max(4000).optional(),
  /** Per-language overrides, e.g. { ko: { title, description } }. */
  i18n: z.record(z.string(), z.strictObject({ title: z.string().max(200).optional(), description: z.string().max(4000).optional() })).optional(),
});

export const TopologySchema = z.strictObject({
  version: z.literal(1),
  meta: MetaSchema.optional(),
  /** Seed of the engine's RNG; same document + seed = the same event stream. */
  seed: z.int().min(0).max(2 ** 31 - 1).optional(),
  devices: z.array(DeviceSchema).max(2000),
  links: z.array(LinkSchema).max(10_000),
  lags: z.array(LagSchema).max(2000).optional(),
  scenario: z.array(ScenarioStepSchema).max(1000).optional(),
  flows: z.array(FlowSchema).max(1000).optional(),
  bonds: z.array(BondSchema).max(2000).optional(),
  mclags: z.array(McLagSchema).max(500).optional(),
  /** VRRP groups (first-hop redundancy, RFC 5798). */
  vrrp: z.array(VrrpGroupSchema).max(500).optional(),
  anycastGateways: z.array(AnycastGatewaySchema).max(500).optional(),
  probes: ProbesSchema.optional(),
  // Room for later issues (MC-LAG, STP, bonds, L3, VRRP, demands) as further optional arrays:
  // a document without them stays valid version 1.
});

export type Topology = z.infer<typeof TopologySchema>;
export type Device = z.infer<typeof DeviceSchema>;
export type Port = z.infer<typeof PortSchema>;
export type Link = z.infer<typeof LinkSchema>;
export type Lag = z.infer<typeof LagSchema>;
export type Endpoint = z.infer<typeof EndpointSchema>;
export type ScenarioStep = z.infer<typeof ScenarioStepSchema>;
export type Flow = z.infer<typeof FlowSchema>;
export type Bond = z.infer<typeof BondSchema>;
export type McLag = z.infer<typeof McLagSchema>;
export type BondMode = (typeof BOND_MODES)[number];
export type PortStp = z.infer<typeof PortStpSchema>;
export type DeviceStp = z.infer<typeof DeviceStpSchema>;
export type DeviceType = z.infer<typeof DeviceTypeSchema>;
export type Route = z.infer<typeof RouteSchema>;
export type VrrpGroup = z.infer<typeof VrrpGroupSchema>;
export type ProbeTarget = (typeof PROBE_TARGETS)[number];
export type AnycastGateway = z.infer<typeof AnycastGatewaySchema>;
export type VrrpMember = z.infer<typeof VrrpMemberSchema>;
export type LagMode = (typeof LAG_MODES)[number];
export type ScenarioAction = (typeof SCENARIO_ACTIONS)[number];
