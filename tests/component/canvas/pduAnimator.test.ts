import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { LacpduEvent } from '../../../src/engine/events';
import { createPduAnimator } from '../../../src/ui/canvas/pduAnimator';
import { COLORS } from '../../../src/ui/canvas/linkStyle';

const SVG = 'http://www.w3.org/2000/svg';

/** A straight path of length 100 from (0,0) to (100,0); jsdom has no SVG geometry. */
function fakePath(id: string): SVGPathElement {
  const path = document.createElementNS(SVG, 'path');
  path.id = id;
  Object.assign(path, {
    getTotalLength: () => 100,
    getPointAtLength: (l: number) => ({ x: l, y: 0 }),
  });
  return path;
}

function flight(t: number, frame: number, from: 'a' | 'b', flags: string[] = []): LacpduEvent {
  const a = { device: 'sw1', port: 'eth1' };
  const b = { device: 'sw2', port: 'eth1' };
  const info = { systemPriority: 1, system: 'x', key: 1, portPriority: 1, port: 1, state: 0, flags };
  return { t, type: 'lacpdu', link: 'l1', from: from === 'a' ? a : b, to: from === 'a' ? b : a, arrive: t, frame, actor: info, partner: info };
}

describe('when LACPDUs are in flight', () => {
  let svg: SVGSVGElement;
  let layer: SVGGElement;
  let flights: LacpduEvent[];
  let clock: number;
  const onPick = vi.fn();

  beforeEach(() => {
    svg = document.createElementNS(SVG, 'svg');
    layer = document.createElementNS(SVG, 'g');
    svg.append(fakePath('edge-path-l1'), layer);
    document.body.append(svg);
    flights = [];
    clock = 0;
    onPick.mockClear();
  });
  afterEach(() => svg.remove());

  const make = () =>
    createPduAnimator({
      layer,
      flightMs: 400,
      getFlights: () => flights,
      now: () => clock,
      findPath: (link) => document.getElementById(`edge-path-${link}`) as SVGPathElement | null,
      endB: () => ({ device: 'sw2', port: 'eth1' }),
      describe: (f) => `#${f.frame}`,
      onPick,
    });

  it('places a dot at (clock − t) / flight time from the sender, backwards from the b end', () => {
    const animator = make();
    flights = [flight(1000, 7, 'a', ['synchronization']), flight(1000, 8, 'b', ['distributing'])];
    clock = 1100;
    expect(animator.frame()).toBe(2);
    const dots = layer.querySelectorAll('[data-testid="pdu-dot"]');
    expect(dots).toHaveLength(2);
    expect(dots[0]?.getAttribute('cx')).toBe('25.0');
    expect(dots[0]?.getAttribute('data-link')).toBe('l1');
    expect(dots[0]?.getAttribute('data-frame')).toBe('7');
    expect(dots[0]?.getAttribute('fill')).toBe(COLORS.blue);
    expect(dots[1]?.getAttribute('cx')).toBe('75.0');
    expect(dots[1]?.getAttribute('fill')).toBe(COLORS.green);
  });

  it('keeps the dots still while the clock stands still (paused)', () => {
    const animator = make();
    flights = [flight(1000, 7, 'a')];
    clock = 1200;
    animator.frame();
    animator.frame();
    expect(layer.querySelector('[data-testid="pdu-dot"]')?.getAttribute('cx')).toBe('50.0');
  });

  it('hides landed dots and reuses the pool', () => {
    const animator = make();
    flights = [flight(1000, 7, 'a'), flight(1000, 8, 'b')];
    clock = 1200;
    animator.frame();
    clock = 1500;
    expect(animator.frame()).toBe(0);
    expect(layer.querySelectorAll('[data-testid="pdu-dot"]')).toHaveLength(0);
    expect(layer.querySelectorAll('circle')).toHaveLength(2);
    flights = [flight(1400, 9, 'a')];
    expect(animator.frame()).toBe(1);
    expect(layer.querySelectorAll('circle')).toHaveLength(2);
  });

  it('skips flights of links that are not drawn', () => {
    const animator = make();
    flights = [{ ...flight(1000, 7, 'a'), link: 'gone' }];
    clock = 1100;
    expect(animator.frame()).toBe(0);
  });

  it('opens the packet on click', () => {
    const animator = make();
    flights = [flight(1000, 7, 'a')];
    clock = 1100;
    animator.frame();
    layer.querySelector('circle')?.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    expect(onPick).toHaveBeenCalledWith('l1', 7);
    animator.destroy();
    expect(layer.querySelectorAll('circle')).toHaveLength(0);
  });
});
