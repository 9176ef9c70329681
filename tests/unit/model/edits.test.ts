import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Topology } from '../../../src/model';
import { validateTopology } from '../../../src/model';
import type { EditResult } from '../../../src/model/edits';
import {
  addDevice,
  addPort,
  connectPorts,
  dissolveLag,
  makeLag,
  moveDevices,
  removeItems,
  updateDevice,
  updateLag,
  updateLink,
  updatePort,
} from '../../../src/model/edits';

const lab = validateTopology(JSON.parse(readFileSync('examples/lacp-lab.json', 'utf8')));
if (!lab.ok) throw new Error('examples/lacp-lab.json must be valid');
const LAB: Topology = lab.topology;

function empty(): Topology {
  return { version: 1, devices: [], links: [] };
}

/** Unwraps a successful edit, failing the test with the refusal otherwise. */
function ok<T extends object>(r: EditResult<T>): Topology {
  if (!r.ok) throw new Error(`refused: ${r.error.key} ${JSON.stringify(r.error.params)}`);
  expect(validateTopology(r.doc).ok).toBe(true);
  return r.doc;
}

function refused(r: EditResult<object>): { key: string; params?: Record<string, string | number> } {
  if (r.ok) throw new Error('expected a refusal');
  return r.error;
}

/** Two switches sw1, sw2 wired eth1-eth1 (l1), eth2-eth2 (l2), eth3-eth3 (l3). */
function pair(): Topology {
  let doc = empty();
  for (const x of [0, 200]) {
    const r = addDevice(doc, 'switch', { x, y: 0 });
    doc = ok(r);
  }
  for (const p of ['eth1', 'eth2', 'eth3']) doc = ok(connectPorts(doc, { device: 'sw1', port: p }, { device: 'sw2', port: p }));
  return doc;
}

describe('when adding devices', () => {
  it('gives each type its id prefix, default name, port count and a snapped position', () => {
    let doc = empty();
    const made: { id: string; type: string }[] = [];
    for (const type of ['switch', 'router', 'host', 'upstream', 'switch'] as const) {
      const r = addDevice(doc, type, { x: 33, y: -9 });
      if (!r.ok) throw new Error(r.error.key);
      made.push({ id: r.id, type });
      doc = r.doc;
    }
    expect(made.map((m) => m.id)).toEqual(['sw1', 'r1', 'srv1', 'inet1', 'sw2']);
    expect(doc.devices.map((d) => d.name)).toEqual(['SW1', 'R1', 'Server 1', 'Internet', 'SW2']);
    expect(doc.devices.map((d) => d.ports.length)).toEqual([8, 4, 2, 2, 8]);
    expect(doc.devices[0]?.ports.map((p) => p.id)).toEqual(['eth1', 'eth2', 'eth3', 'eth4', 'eth5', 'eth6', 'eth7', 'eth8']);
    expect(doc.devices[0]?.position).toEqual({ x: 40, y: 0 });
    expect(Object.is(doc.devices[0]?.position?.y, 0)).toBe(true);
  });

  it('takes the first free number, also skipping link ids', () => {
    let doc = pair();
    doc = ok(removeItems(doc, { devices: ['sw1'] }));
    const r = addDevice(doc, 'switch', { x: 0, y: 0 });
    expect(r.ok && r.id).toBe('sw1');
    const clash: Topology = { ...empty(), devices: [{ id: 'x', type: 'switch', ports: [] }], links: [] };
    clash.devices.push({ id: 'sw1', type: 'host', ports: [] });
    const r2 = addDevice(clash, 'switch', { x: 0, y: 0 });
    expect(r2.ok && r2.id).toBe('sw2');
  });

  it('never changes the input document', () => {
    const doc = pair();
    const before = JSON.stringify(doc);
    addDevice(doc, 'host', { x: 1, y: 1 });
    connectPorts(doc, { device: 'sw1', port: 'eth4' }, { device: 'sw2', port: 'eth4' });
    makeLag(doc, ['l1', 'l2']);
    removeItems(doc, { devices: ['sw1'] });
    expect(JSON.stringify(doc)).toBe(before);
  });

  it('refuses an unknown type as invalid', () => {
    expect(refused(addDevice(empty(), 'toaster' as 'switch', { x: 0, y: 0 })).key).toBe('errors.edit.choice');
  });
});

describe('when moving devices', () => {
  it('moves several at once and keeps the others by reference', () => {
    const doc = pair();
    const moved = ok(moveDevices(doc, [{ id: 'sw2', position: { x: 5, y: 7 } }]));
    expect(moved.devices[1]?.position).toEqual({ x: 5, y: 7 });
    expect(moved.devices[0]).toBe(doc.devices[0]);
  });

  it('returns the same document when nothing moves', () => {
    const doc = pair();
    const r = moveDevices(doc, [{ id: 'sw1', position: { x: 0, y: 0 } }]);
    expect(r.ok && r.doc).toBe(doc);
  });

  it('refuses an unknown device', () => {
    expect(refused(moveDevices(pair(), [{ id: 'nope', position: { x: 0, y: 0 } }]))).toEqual({ key: 'errors.edit.unknownDevice', params: { device: 'nope' } });
  });

  it('refuses a position that is not a number', () => {
    expect(refused(moveDevices(pair(), [{ id: 'sw1', position: { x: Number.NaN, y: 0 } }])).key).toBe('errors.edit.invalid');
  });
});

describe('when connecting ports', () => {
  it('adds link l1, l2… with the first free id', () => {
    let doc = pair();
    doc = ok(removeItems(doc, { links: ['l2'] }));
    const r = connectPorts(doc, { device: 'sw1', port: 'eth5' }, { device: 'sw2', port: 'eth5' });
    expect(r.ok && r.id).toBe('l2');
    expect(r.ok && r.doc.links.at(-1)).toEqual({ id: 'l2', a: { device: 'sw1', port: 'eth5' }, b: { device: 'sw2', port: 'eth5' } });
  });

  it.each([
    ['the same port', { device: 'sw1', port: 'eth5' }, { device: 'sw1', port: 'eth5' }, { key: 'errors.edit.samePort', params: { port: 'sw1:eth5' } }],
    ['two ports of one device', { device: 'sw1', port: 'eth5' }, { device: 'sw1', port: 'eth6' }, { key: 'errors.edit.sameDevice', params: { device: 'sw1' } }],
    ['a wired port', { device: 'sw1', port: 'eth5' }, { device: 'sw2', port: 'eth1' }, { key: 'errors.edit.portWired', params: { port: 'sw2:eth1', link: 'l1' } }],
    ['an unknown device', { device: 'sw9', port: 'eth1' }, { device: 'sw2', port: 'eth6' }, { key: 'errors.edit.unknownDevice', params: { device: 'sw9' } }],
    ['an unknown port', { device: 'sw1', port: 'eth5' }, { device: 'sw2', port: 'eth99' }, { key: 'errors.edit.unknownPort', params: { device: 'sw2', port: 'eth99' } }],
  ])('refuses %s', (_name, a, b, error) => {
    expect(refused(connectPorts(pair(), a, b))).toEqual(error);
  });
});

describe('when making a LAG', () => {
  it('creates one on both ends, mode active, rate fast, with ids po1… per device', () => {
    const r = makeLag(pair(), ['l2', 'l1']);
    const doc = ok(r);
    expect(r.ok && r.lags).toEqual([
      { device: 'sw1', id: 'po1' },
      { device: 'sw2', id: 'po1' },
    ]);
    expect(doc.lags).toEqual([
      { id: 'po1', device: 'sw1', members: ['eth1', 'eth2'], mode: 'active', rate: 'fast' },
      { id: 'po1', device: 'sw2', members: ['eth1', 'eth2'], mode: 'active', rate: 'fast' },
    ]);
    const next = makeLag(doc, ['l3']);
    expect(next.ok && next.lags).toEqual([
      { device: 'sw1', id: 'po2' },
      { device: 'sw2', id: 'po2' },
    ]);
  });

  it('names host LAGs bond0, bond1…', () => {
    const r = makeLag(LAB, ['l5', 'l6']);
    expect(refused(r).key).toBe('errors.edit.alreadyInLag');
    let doc = ok(removeItems(LAB, { lags: [{ device: 'srv1', id: 'bond0' }, { device: 'core1', id: 'po2' }] }));
    const made = makeLag(doc, ['l3', 'l4']);
    doc = ok(made);
    expect(made.ok && made.lags).toEqual([
      { device: 'core1', id: 'po2' },
      { device: 'srv1', id: 'bond0' },
    ]);
  });

  it('extends a LAG when some ports are in it and the others in none', () => {
    let doc = ok(makeLag(pair(), ['l1', 'l2']));
    const r = makeLag(doc, ['l1', 'l2', 'l3']);
    doc = ok(r);
    expect(r.ok && r.lags).toEqual([
      { device: 'sw1', id: 'po1' },
      { device: 'sw2', id: 'po1' },
    ]);
    expect(doc.lags?.map((l) => l.members)).toEqual([
      ['eth1', 'eth2', 'eth3'],
      ['eth1', 'eth2', 'eth3'],
    ]);
  });

  it('keeps one end and creates the other when only one end has the LAG', () => {
    let doc = ok(makeLag(pair(), ['l1', 'l2']));
    doc = ok(dissolveLag(doc, 'sw2', 'po1'));
    doc = ok(updateLag(doc, 'sw1', 'po1', { mode: 'passive' }));
    const r = makeLag(doc, ['l1', 'l2']);
    doc = ok(r);
    expect(doc.lags).toEqual([
      { id: 'po1', device: 'sw1', members: ['eth1', 'eth2'], mode: 'passive', rate: 'fast' },
      { id: 'po1', device: 'sw2', members: ['eth1', 'eth2'], mode: 'active', rate: 'fast' },
    ]);
  });

  it('refuses links between different device pairs', () => {
    let doc = pair();
    doc = ok(addDevice(doc, 'host', { x: 0, y: 0 }));
    doc = ok(connectPorts(doc, { device: 'sw1', port: 'eth8' }, { device: 'srv1', port: 'eth1' }));
    expect(refused(makeLag(doc, ['l1', 'l4']))).toEqual({ key: 'errors.edit.lagDevices', params: { a: 'sw1', b: 'sw2', link: 'l4' } });
  });

  it('refuses no links, an unknown link, ports in two LAGs, and a LAG already made', () => {
    expect(refused(makeLag(pair(), [])).key).toBe('errors.edit.lagEmpty');
    expect(refused(makeLag(pair(), ['l9']))).toEqual({ key: 'errors.edit.unknownLink', params: { link: 'l9' } });
    let doc = ok(makeLag(pair(), ['l1']));
    doc = ok(makeLag(doc, ['l2']));
    expect(refused(makeLag(doc, ['l1', 'l2']))).toEqual({ key: 'errors.edit.alreadyInLag', params: { port: 'sw1:eth2', lag: 'po2' } });
    expect(refused(makeLag(doc, ['l1']))).toEqual({ key: 'errors.edit.alreadyInLag', params: { port: 'sw1:eth1', lag: 'po1' } });
  });

  it('refuses to grow a LAG past 32 members', () => {
    const doc: Topology = {
      version: 1,
      devices: ['a', 'b'].map((id) => ({ id, type: 'switch' as const, ports: Array.from({ length: 33 }, (_, i) => ({ id: `eth${i + 1}` })) })),
      links: Array.from({ length: 33 }, (_, i) => ({ id: `l${i + 1}`, a: { device: 'a', port: `eth${i + 1}` }, b: { device: 'b', port: `eth${i + 1}` } })),
    };
    const ids = doc.links.map((l) => l.id);
    const full = ok(makeLag(doc, ids.slice(0, 32)));
    expect(refused(makeLag(full, ids))).toEqual({ key: 'errors.edit.lagFull', params: { lag: 'po1', max: 32 } });
  });
});

describe('when removing items', () => {
  it('takes a device with its links, LAGs and scenario steps, and leaves the partner LAG', () => {
    const doc: Topology = { ...LAB, scenario: [{ atMs: 1, action: 'fail', target: 'srv1' }, { atMs: 2, action: 'fail', target: 'srv1:eth1' }, { atMs: 3, action: 'fail', target: 'l3' }, { atMs: 4, action: 'fail', target: 'l1' }] };
    const next = ok(removeItems(doc, { devices: ['srv1'] }));
    expect(next.devices.map((d) => d.id)).toEqual(['core1', 'core2', 'acc1']);
    expect(next.links.map((l) => l.id)).toEqual(['l1', 'l2', 'l5', 'l6']);
    expect(next.lags?.map((l) => `${l.device}/${l.id}`)).toEqual(['core1/po1', 'core2/po1', 'core1/po2', 'core2/po2', 'acc1/po1']);
    expect(next.scenario).toEqual([{ atMs: 4, action: 'fail', target: 'l1' }]);
  });

  it('takes a link but leaves LAG membership (a member may be unwired)', () => {
    const next = ok(removeItems({ ...LAB, scenario: [{ atMs: 1, action: 'fail', target: 'l1' }] }, { links: ['l1'] }));
    expect(next.links.map((l) => l.id)).not.toContain('l1');
    expect(next.lags?.[0]?.members).toEqual(['eth1', 'eth2']);
    expect(next.scenario).toEqual([]);
  });

  it('takes a LAG but leaves its links', () => {
    const next = ok(removeItems(LAB, { lags: [{ device: 'acc1', id: 'po1' }] }));
    expect(next.links).toBe(LAB.links);
    expect(next.lags?.some((l) => l.device === 'acc1')).toBe(false);
    expect(next.lags?.length).toBe(5);
  });

  it('ignores unknown ids and returns the same document when nothing goes', () => {
    const r = removeItems(LAB, { devices: ['x'], links: ['y'], lags: [{ device: 'core1', id: 'po9' }] });
    expect(r.ok && r.doc).toBe(LAB);
  });
});

describe('when updating devices and ports', () => {
  it('renames, sets LACP settings and resets them', () => {
    let doc = ok(updateDevice(LAB, 'core1', { name: 'Spine A', systemPriority: 100, individualPolicy: 'individual' }));
    expect(doc.devices[0]).toMatchObject({ name: 'Spine A', lacp: { systemPriority: 100, individualPolicy: 'individual' } });
    doc = ok(updateDevice(doc, 'core1', { name: '', systemPriority: null, individualPolicy: undefined }));
    expect(doc.devices[0]?.name).toBeUndefined();
    expect(doc.devices[0]?.lacp).toBeUndefined();
  });

  it.each([
    [{ systemPriority: 65536 }, { key: 'errors.edit.range', params: { field: 'systemPriority', min: 0, max: 65535 } }],
    [{ systemPriority: -1 }, { key: 'errors.edit.range', params: { field: 'systemPriority', min: 0, max: 65535 } }],
    [{ systemPriority: 1.5 }, { key: 'errors.edit.integer', params: { field: 'systemPriority' } }],
    [{ name: 'x'.repeat(65) }, { key: 'errors.edit.tooLong', params: { field: 'name', max: 64 } }],
    [{ individualPolicy: 'maybe' as 'suspend' }, { key: 'errors.edit.choice', params: { field: 'individualPolicy', value: 'maybe' } }],
  ])('refuses %o', (patch, error) => {
    expect(refused(updateDevice(LAB, 'core1', patch))).toEqual(error);
  });

  it('refuses an unknown device', () => {
    expect(refused(updateDevice(LAB, 'zz', { name: 'a' })).key).toBe('errors.edit.unknownDevice');
  });

  it('sets port speed and duplex, and refuses other speeds', () => {
    const doc = ok(updatePort(LAB, 'core1', 'eth1', { speedMbps: 10000, duplex: 'half' }));
    expect(doc.devices[0]?.ports[0]).toEqual({ id: 'eth1', speedMbps: 10000, duplex: 'half' });
    expect(refused(updatePort(LAB, 'core1', 'eth1', { speedMbps: 123 }))).toEqual({ key: 'errors.edit.speed', params: { field: 'speedMbps', value: '123' } });
    expect(refused(updatePort(LAB, 'core1', 'eth1', { duplex: 'auto' as 'full' })).key).toBe('errors.edit.choice');
    expect(refused(updatePort(LAB, 'core1', 'eth77', { duplex: 'full' }))).toEqual({ key: 'errors.edit.unknownPort', params: { device: 'core1', port: 'eth77' } });
  });

  it('adds the next ethN port and refuses past 256', () => {
    const r = addPort(LAB, 'core1');
    expect(r.ok && r.port).toBe('eth7');
    const big: Topology = { version: 1, devices: [{ id: 'a', type: 'switch', ports: Array.from({ length: 256 }, (_, i) => ({ id: `eth${i + 1}` })) }], links: [] };
    expect(refused(addPort(big, 'a'))).toEqual({ key: 'errors.edit.tooManyPorts', params: { device: 'a', max: 256 } });
    const odd: Topology = { version: 1, devices: [{ id: 'a', type: 'switch', ports: [{ id: 'mgmt' }, { id: 'eth3' }] }], links: [] };
    const r2 = addPort(odd, 'a');
    expect(r2.ok && r2.port).toBe('eth4');
  });
});

describe('when updating links', () => {
  it('sets speed and delay, and null speed means auto', () => {
    let doc = ok(updateLink(LAB, 'l1', { speedMbps: 100, delayMs: 2 }));
    expect(doc.links[0]).toMatchObject({ speedMbps: 100, delayMs: 2 });
    doc = ok(updateLink(doc, 'l1', { speedMbps: null }));
    expect(doc.links[0]?.speedMbps).toBeUndefined();
  });

  it('refuses a negative delay, an odd speed and an unknown link', () => {
    expect(refused(updateLink(LAB, 'l1', { delayMs: -1 }))).toEqual({ key: 'errors.edit.range', params: { field: 'delayMs', min: 0, max: 10000 } });
    expect(refused(updateLink(LAB, 'l1', { speedMbps: 7 })).key).toBe('errors.edit.speed');
    expect(refused(updateLink(LAB, 'zz', { delayMs: 1 }))).toEqual({ key: 'errors.edit.unknownLink', params: { link: 'zz' } });
  });
});

describe('when updating a LAG', () => {
  it('sets every field and removes fallback with undefined or null', () => {
    let doc = ok(
      updateLag(LAB, 'core1', 'po1', {
        mode: 'passive',
        rate: 'slow',
        systemPriority: 0,
        key: 7,
        maxActive: 1,
        minLinks: 2,
        fallback: { timeoutMs: 30000 },
        portPriorities: { eth1: 1 },
        name: 'uplink',
      }),
    );
    expect(doc.lags?.[0]).toEqual({ id: 'po1', device: 'core1', members: ['eth1', 'eth2'], mode: 'passive', rate: 'slow', systemPriority: 0, key: 7, maxActive: 1, minLinks: 2, fallback: { timeoutMs: 30000 }, portPriorities: { eth1: 1 }, name: 'uplink' });
    doc = ok(updateLag(doc, 'core1', 'po1', { fallback: undefined, portPriorities: {}, key: null }));
    expect(doc.lags?.[0]).not.toHaveProperty('fallback');
    expect(doc.lags?.[0]).not.toHaveProperty('portPriorities');
    expect(doc.lags?.[0]).not.toHaveProperty('key');
    doc = ok(updateLag(doc, 'core1', 'po1', { fallback: {} }));
    doc = ok(updateLag(doc, 'core1', 'po1', { fallback: null }));
    expect(doc.lags?.[0]).not.toHaveProperty('fallback');
  });

  it.each([
    [{ systemPriority: 70000 }, { key: 'errors.edit.range', params: { field: 'systemPriority', min: 0, max: 65535 } }],
    [{ key: 0 }, { key: 'errors.edit.range', params: { field: 'key', min: 1, max: 65535 } }],
    [{ maxActive: 33 }, { key: 'errors.edit.range', params: { field: 'maxActive', min: 1, max: 32 } }],
    [{ minLinks: 3 }, { key: 'errors.edit.range', params: { field: 'minLinks', min: 1, max: 2 } }],
    [{ fallback: { timeoutMs: 0 } }, { key: 'errors.edit.range', params: { field: 'fallback.timeoutMs', min: 1, max: 3600000 } }],
    [{ portPriorities: { eth1: 65536 } }, { key: 'errors.edit.range', params: { field: 'portPriorities.eth1', min: 0, max: 65535 } }],
    [{ portPriorities: { eth5: 1 } }, { key: 'errors.edit.notMember', params: { port: 'eth5', lag: 'po1' } }],
    [{ mode: 'lacp' as 'on' }, { key: 'errors.edit.choice', params: { field: 'mode', value: 'lacp' } }],
    [{ mode: null }, { key: 'errors.edit.choice', params: { field: 'mode', value: 'null' } }],
    [{ rate: 'medium' as 'fast' }, { key: 'errors.edit.choice', params: { field: 'rate', value: 'medium' } }],
    [{ startMs: -5 }, { key: 'errors.edit.min', params: { field: 'startMs', min: 0 } }],
    [{ maxActive: 2.5 }, { key: 'errors.edit.integer', params: { field: 'maxActive' } }],
  ])('refuses %o', (patch, error) => {
    expect(refused(updateLag(LAB, 'core1', 'po1', patch))).toEqual(error);
  });

  it('refuses an unknown LAG, and dissolves one leaving its links and its partner', () => {
    expect(refused(updateLag(LAB, 'core1', 'po9', { rate: 'slow' }))).toEqual({ key: 'errors.edit.unknownLag', params: { device: 'core1', lag: 'po9' } });
    expect(refused(dissolveLag(LAB, 'core9', 'po1')).key).toBe('errors.edit.unknownLag');
    const doc = ok(dissolveLag(LAB, 'core1', 'po1'));
    expect(doc.links).toBe(LAB.links);
    expect(doc.lags?.filter((l) => l.id === 'po1').map((l) => l.device)).toEqual(['core2', 'acc1']);
  });
});

describe('when edits run in any order (property)', () => {
  const TYPES = ['switch', 'router', 'host', 'upstream'] as const;
  const int = (max: number) => fc.integer({ min: 0, max });
  const anyNumber = fc.oneof(fc.integer({ min: -5, max: 70000 }), fc.double({ noNaN: false }));
  const step = fc.oneof(
    { weight: 3, arbitrary: fc.record({ op: fc.constant('add' as const), type: fc.constantFrom(...TYPES), x: fc.integer({ min: -500, max: 500 }), y: fc.integer({ min: -500, max: 500 }) }) },
    { weight: 5, arbitrary: fc.record({ op: fc.constant('connect' as const), da: int(5), pa: int(9), db: int(5), pb: int(9) }) },
    { weight: 3, arbitrary: fc.record({ op: fc.constant('lag' as const), links: fc.array(int(8), { maxLength: 4 }) }) },
    fc.record({ op: fc.constant('remove' as const), devices: fc.array(int(5), { maxLength: 1 }), links: fc.array(int(8), { maxLength: 2 }), lags: fc.array(int(6), { maxLength: 1 }) }),
    fc.record({ op: fc.constant('updateLag' as const), lag: int(6), field: fc.constantFrom('systemPriority', 'key', 'maxActive', 'minLinks', 'startMs'), value: anyNumber }),
    fc.record({ op: fc.constant('fallback' as const), lag: int(6), value: fc.option(anyNumber) }),
    fc.record({ op: fc.constant('dissolve' as const), lag: int(6) }),
    fc.record({ op: fc.constant('addPort' as const), device: int(5) }),
    fc.record({ op: fc.constant('link' as const), link: int(8), delay: anyNumber, speed: fc.constantFrom(null, 10, 1000, 33) }),
    fc.record({ op: fc.constant('move' as const), device: int(5), x: anyNumber }),
  );
  type Step = typeof step extends fc.Arbitrary<infer S> ? S : never;

  function apply(doc: Topology, s: Step): EditResult<object> {
    const dev = (i: number) => doc.devices[i]?.id ?? 'none';
    const link = (i: number) => doc.links[i]?.id ?? 'none';
    const lag = (i: number) => doc.lags?.[i] ?? { device: 'none', id: 'none' };
    switch (s.op) {
      case 'add':
        return addDevice(doc, s.type, { x: s.x, y: s.y });
      case 'connect':
        return connectPorts(doc, { device: dev(s.da), port: `eth${s.pa}` }, { device: dev(s.db), port: `eth${s.pb}` });
      case 'lag':
        return makeLag(doc, s.links.map(link));
      case 'remove':
        return removeItems(doc, { devices: s.devices.map(dev), links: s.links.map(link), lags: s.lags.map((i) => ({ device: lag(i).device, id: lag(i).id })) });
      case 'updateLag':
        return updateLag(doc, lag(s.lag).device, lag(s.lag).id, { [s.field]: s.value });
      case 'fallback':
        return updateLag(doc, lag(s.lag).device, lag(s.lag).id, { fallback: s.value === null ? null : { timeoutMs: s.value } });
      case 'dissolve':
        return dissolveLag(doc, lag(s.lag).device, lag(s.lag).id);
      case 'addPort':
        return addPort(doc, dev(s.device));
      case 'link':
        return updateLink(doc, link(s.link), { delayMs: s.delay, speedMbps: s.speed });
      case 'move':
        return moveDevices(doc, [{ id: dev(s.device), position: { x: s.x, y: 0 } }]);
    }
  }

  it('never produces an invalid document, and a refusal says why', () => {
    fc.assert(
      fc.property(fc.constantFrom(empty(), LAB), fc.array(step, { maxLength: 40 }), (start, steps) => {
        let doc: Topology = start;
        for (const s of steps) {
          const r = apply(doc, s);
          if (r.ok) {
            expect(validateTopology(r.doc).ok).toBe(true);
            doc = r.doc;
          } else {
            expect(r.error.key).toMatch(/^errors\.edit\.\w+$/);
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});
