import { describe, expect, it } from 'vitest';
import type { ResolvedRoute } from '../../../../src/model';
import type { IpInterface } from '../../../../src/engine/l3';
import { lookupRoute } from '../../../../src/engine/l3';

function iface(name: string, address: string, prefix: number): IpInterface {
  return { name, kind: 'routed', address, prefix, mac: '02:00:00:00:00:01', macKey: 1, port: null };
}

const route = (to: string, prefix: number, via: string): ResolvedRoute => ({ to: { address: to, prefix }, via });

describe('when a router looks up a route (RFC 1812 §5.2.4)', () => {
  const lan = iface('eth1', '10.0.0.1', 24);
  const wanA = iface('eth2', '192.0.2.1', 30);
  const wanB = iface('eth3', '192.0.2.5', 30);
  const all = [lan, wanA, wanB];
  const up = () => true;

  it('delivers to a connected subnet directly: the next hop is the destination itself', () => {
    expect(lookupRoute('10.0.0.42', all, [], up)).toMatchObject({ iface: lan, nextHop: '10.0.0.42', via: 'connected' });
  });

  it('takes the longest matching prefix (RFC 1812 §5.2.4.3 rule 2)', () => {
    const routes = [route('0.0.0.0', 0, '192.0.2.2'), route('203.0.113.0', 24, '192.0.2.6')];
    expect(lookupRoute('203.0.113.9', all, routes, up)).toMatchObject({ iface: wanB, nextHop: '192.0.2.6', prefix: 24 });
    expect(lookupRoute('8.8.8.8', all, routes, up)).toMatchObject({ iface: wanA, nextHop: '192.0.2.2', prefix: 0 });
  });

  it('uses the first usable of equal routes, and skips a route whose next hop sits on an interface that is down', () => {
    const routes = [route('0.0.0.0', 0, '192.0.2.2'), route('0.0.0.0', 0, '192.0.2.6')];
    expect(lookupRoute('8.8.8.8', all, routes, up)?.nextHop).toBe('192.0.2.2');
    expect(lookupRoute('8.8.8.8', all, routes, (i) => i !== wanA)?.nextHop).toBe('192.0.2.6');
    expect(lookupRoute('8.8.8.8', all, routes, (i) => i === lan)).toBeNull();
  });

  it('a connected subnet wins over a static route of the same length, and a down interface is no connected subnet', () => {
    const routes = [route('10.0.0.0', 24, '192.0.2.2')];
    expect(lookupRoute('10.0.0.42', all, routes, up)?.via).toBe('connected');
    expect(lookupRoute('10.0.0.42', all, routes, (i) => i !== lan)).toMatchObject({ nextHop: '192.0.2.2' });
  });

  it('has no route to an address outside every subnet and route', () => {
    expect(lookupRoute('172.16.0.1', all, [], up)).toBeNull();
  });
});
