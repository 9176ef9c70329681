import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatIssue, parseTopologyJson, resolveTopology, topologyJsonSchema, validateTopology } from '../../../src/model';
import type { Topology } from '../../../src/model';

function base(): Topology {
  return {
    version: 1,
    devices: [
      { id: 'sw1', type: 'switch', ports: [{ id: 'eth1' }, { id: 'eth2' }] },
      { id: 'sw2', type: 'switch', ports: [{ id: 'eth1' }, { id: 'eth2', speedMbps: 10000 }] },
    ],
    links: [
      { id: 'l1', a: { device: 'sw1', port: 'eth1' }, b: { device: 'sw2', port: 'eth1' } },
      { id: 'l2', a: { device: 'sw1', port: 'eth2' }, b: { device: 'sw2', port: 'eth2' } },
    ],
    lags: [{ id: 'po1', device: 'sw1', members: ['eth1', 'eth2'], mode: 'active' }],
  };
}

function messages(input: unknown): string[] {
  const r = validateTopology(input);
  return r.ok ? [] : r.issues.map(formatIssue);
}

describe('when a document is valid', () => {
  it('passes and resolves every default', () => {
    expect(messages(base())).toEqual([]);
    const r = resolveTopology(base());
    expect(r.seed).toBe(1);
    expect(r.lags[0]).toMatchObject({ rate: 'slow', key: 1, maxActive: 8, minLinks: 1, fallbackTimeoutMs: null, systemPriority: 32768, portPriorities: { eth1: 32768, eth2: 32768 } });
    expect(r.devices[0]?.ports[1]).toMatchObject({ number: 2, speedMbps: 1000, duplex: 'full' });
    expect(r.links[1]?.delayMs).toBe(0.005);
  });

  it('gives every device a stable, distinct, locally administered MAC and port MACs after it', () => {
    const a = resolveTopology(base());
    const withMore = base();
    withMore.devices.unshift({ id: 'sw0', type: 'switch', ports: [] });
    const b = resolveTopology(withMore);
    expect(a.devices[0]?.mac).toMatch(/^02:[0-9a-f]{2}:[0-9a-f]{2}:[0-9a-f]{2}:[0-9a-f]{2}:00$/);
    expect(b.devices.find((d) => d.id === 'sw1')?.mac).toBe(a.devices[0]?.mac);
    expect(a.devices[0]?.mac).not.toBe(a.devices[1]?.mac);
    expect(a.devices[0]?.ports[0]?.mac.slice(0, 15)).toBe(a.devices[0]?.mac.slice(0, 15));
  });

  it('hosts default to Linux LACP priorities (system 65535, port 255)', () => {
    const doc = base();
    (doc.devices[0] as { type: string }).type = 'host';
    const r = resolveTopology(doc);
    expect(r.devices[0]).toMatchObject({ systemPriority: 65535, portPriority: 255 });
  });
});

describe('when a document is invalid', () => {
  it('names the exact path of a port that does not exist', () => {
    const doc = base();
    doc.links.push({ id: 'l3', a: { device: 'sw1', port: 'eth1' }, b: { device: 'sw2', port: 'eth12' } });
    expect(messages(doc)).toContain('links[2].b.port: device "sw2" has no port "eth12"');
  });

  it('reports an unknown device, a port wired twice and a self-loop port', () => {
    const doc = base();
    doc.links.push({ id: 'l3', a: { device: 'sw9', port: 'eth1' }, b: { device: 'sw1', port: 'eth2' } });
    doc.links.push({ id: 'l4', a: { device: 'sw2', port: 'eth1' }, b: { device: 'sw2', port: 'eth1' } });
    const m = messages(doc);
    expect(m).toContain('links[2].a.device: no device "sw9"');
    expect(m).toContain('links[2].b.port: port "sw1:eth2" is already wired by link "l2"');
    expect(m).toContain('links[3].b: link "l4" joins port "sw2:eth1" to itself');
  });

  it('reports duplicate ids, LAG members that are missing or in two LAGs', () => {
    const doc = base();
    doc.devices.push({ id: 'sw1', type: 'switch', ports: [] });
    doc.lags?.push({ id: 'po2', device: 'sw1', members: ['eth2', 'eth7'], mode: 'on' });
    const m = messages(doc);
    expect(m).toContain('devices[2].id: device id "sw1" is used twice');
    expect(m).toContain('lags[1].members[0]: port "sw1:eth2" is already a member of LAG "po1"');
    expect(m).toContain('lags[1].members[1]: device "sw1" has no port "eth7"');
  });

  it('reports schema errors with their path: bad enum, bad speed, unknown key, bad id', () => {
    const doc = base() as unknown as { lags: { mode: string }[]; devices: { ports: { speedMbps?: number }[]; id: string }[]; extra?: number };
    (doc.lags[0] as { mode: string }).mode = 'sometimes';
    (doc.devices[0]?.ports[0] as { speedMbps?: number }).speedMbps = 7;
    doc.extra = 1;
    const m = messages(doc);
    expect(m.some((x) => x.startsWith('lags[0].mode:'))).toBe(true);
    expect(m.some((x) => x.startsWith('devices[0].ports[0].speedMbps:'))).toBe(true);
    expect(m.some((x) => x.startsWith('(document): Unrecognized key'))).toBe(true);
    expect(messages({ ...base(), devices: [{ id: '9bad', type: 'switch', ports: [] }] })[0]).toMatch(/^devices\[0\]\.id: must start with a letter/);
  });

  it('rejects another version clearly, and text that is not JSON', () => {
    expect(messages({ version: 2 })).toEqual(['version: version 2 is not supported (this TopoLab reads version 1)']);
    const r = parseTopologyJson('{"version": 1,');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues[0]?.message).toMatch(/^not valid JSON: /);
  });

  it('checks scenario targets: unknown ids, and mute applies to devices only', () => {
    const doc = base();
    doc.scenario = [
      { atMs: 1, action: 'fail', target: 'sw1:eth1' },
      { atMs: 1, action: 'fail', target: 'nope' },
      { atMs: 1, action: 'mute', target: 'l1' },
    ];
    const m = messages(doc);
    expect(m).toEqual(['scenario[1].target: "nope" is not a device, a link or a device:port', 'scenario[2].target: "mute" applies to a device, and "l1" is a link']);
  });
});

describe('when the examples and the published JSON Schema are checked', () => {
  const dir = new URL('../../../examples/', import.meta.url);
  it.each(readdirSync(dir).filter((f) => f.endsWith('.json')))('examples/%s is a valid document', (file) => {
    expect(messages(JSON.parse(readFileSync(new URL(file, dir), 'utf8')))).toEqual([]);
  });

  it('docs/topology.schema.json is the one generated from the schema (run `npm run schema`)', () => {
    const onDisk: unknown = JSON.parse(readFileSync(new URL('../../../docs/topology.schema.json', import.meta.url), 'utf8'));
    expect(onDisk).toEqual(topologyJsonSchema());
  });
});
