/**
 * The English wording of each structured reason (what the CLI prints as `Loss.reason`): one
 * template per code, fed only by the code's parameters and the lab's device names, so the text
 * and the data the UI translates cannot drift apart.
 */
import { describe, expect, it } from 'vitest';
import type { LossWhy } from '../../../../src/engine/analysis/reasonText';
import { reasonText } from '../../../../src/engine/analysis/reasonText';

const names: Record<string, string> = { r1: 'R1', sw2: 'SW2', net: 'Internet' };
const naming = { deviceName: (id: string) => names[id] ?? id, elementLabel: 'LAG po1 on sw1 = LAG po1 on sw2' };

const CASES: [LossWhy, string][] = [
  [{ code: 'bondOneSwitch', params: { bond: 'bond0', host: 'srv', mode: 'active-backup', members: 2, device: 'sw1' } }, 'bond bond0 of srv (mode active-backup) has both members on sw1: two NICs, one switch'],
  [{ code: 'bondOneSwitch', params: { bond: 'bond0', host: 'srv', mode: '802.3ad', members: 4, device: 'sw1' } }, 'bond bond0 of srv (mode 802.3ad) has all members on sw1: two NICs, one switch'],
  [{ code: 'bondAllMembers', params: { bond: 'bond0', host: 'srv', mode: 'balance-xor' } }, 'bond bond0 of srv (mode balance-xor) loses every member at once'],
  [{ code: 'noSecondUplink', params: { host: 'srv', device: 'sw1' } }, 'srv has no second uplink: its only link goes to sw1'],
  [{ code: 'onlyLink', params: { host: 'srv', link: 's1' } }, 'srv has no second uplink: its only link is s1'],
  [{ code: 'allLinksOnDevice', params: { host: 'srv', device: 'sw1' } }, 'every link of srv ends on sw1'],
  [{ code: 'allLinksInElement', params: { host: 'srv', elementKind: 'lag', element: 'sw1/po1' } }, 'every link of srv is in LAG po1 on sw1 = LAG po1 on sw2'],
  [{ code: 'singleGateway', params: { device: 'r1', gateway: '10.0.0.1', host: 'srv' } }, 'single gateway R1 (10.0.0.1) for srv: no VRRP group or anycast gateway shares the address'],
  [{ code: 'everyPath', params: { host: 'srv', target: 'upstream', to: '', elementKind: 'lag', element: 'sw1/po1' } }, 'every path from srv to the upstream crosses LAG po1 on sw1 = LAG po1 on sw2'],
  [{ code: 'activeBackupStranded', params: { bond: 'bond0', host: 'client', slave: 'eth0', device: 'sw2', target: 'device', to: 'srv', other: 'eth1' } }, 'bond bond0 of client (active-backup) stays on eth0 to SW2: that link is up, so MII monitoring sees nothing wrong, but SW2 can no longer reach srv, while eth1 still could (ARP monitoring, arp_ip_target, would fail over)'],
  [{ code: 'strandedDevice', params: { device: 'sw2', host: 'client', target: 'gateway', to: '10.0.0.1' } }, 'SW2 has no second uplink toward its gateway 10.0.0.1: traffic client still sends through it is dropped there'],
  [{ code: 'staticRoute', params: { router: 'net', toward: 'host', host: 'srv', via: '192.0.2.1', hop: 'r1', hopState: 'down' } }, 'Internet still routes back to srv via 192.0.2.1, but R1 is down: a static route does not follow a failure beyond its next hop'],
  [{ code: 'peerLink', params: { mclag: 'vpc10' } }, 'the peer-link of MC-LAG vpc10 failed: the secondary peer suspends its MC-LAG ports (vPC behaviour), but routes toward it stay, so traffic that still reaches it is dropped'],
];

describe('when a structured reason is worded in English', () => {
  for (const [why, text] of CASES) {
    it(`${why.code}: ${text.slice(0, 48)}…`, () => {
      expect(reasonText(why, naming)).toBe(text);
    });
  }

  it('keeps the data JSON-safe: flat strings and numbers only', () => {
    for (const [why] of CASES) for (const v of Object.values(why.params)) expect(['string', 'number']).toContain(typeof v);
  });
});
