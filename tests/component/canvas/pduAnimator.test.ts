import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { LacpduEvent } from '../../../src/engine/events';
import type { PduAnimatorOptions } from '../../../src/ui/canvas/pduAnimator';
import { CROWDED_DOTS, MAX_DOTS, createPduAnimator } from '../../../src/ui/canvas/pduAnimator';
import { COLORS } from '../../../src/ui/canvas/linkStyle';

const SVG = 'http://www.w3.org/2000/svg';

/**
 * A straight link of length 100 from (0,0) to (100,0), drawn as LinkEdge draws links (one cubic).
 * jsdom has no SVG geometry, and the animator must not need it: the geometry calls throw.
 */
function fakePath(id: string): SVGPathElement {
  const path = document.createElementNS(SVG, 'path');
  path.id = id;
  path.setAttribute('d', 'M0,0 C33.3,0 66.7,0 100,0');
  Object.assign(path, {
    getTotalLength: () => {
      throw new Error('getTotalLength forces a layout');
    },
    getPointAtLength: () => {
      throw new Error('getPointAtLength forces a layout');
    },
  });
  return path;
}

function flight(t: number, frame: number, from: 'a' | 'b', flags: string[] = []): LacpduEvent {
  const a = { device: 'sw1', port: 'eth1' };
  const b = { device: 'sw2', port: 'eth1' };
  const info = { systemPriority: 1, system: 'x', key: 1, portPriority: 1, port: 1, state: 0, flags };
  return { t, type: 'lacpdu', link: 'l1', from: from === 'a' ? a : b, to: from === 'a' ? b : a, arrive: t, frame, actor: info, partner: info };
}

const cx = (el: Element | undefined) => Number(el?.getAttribute('cx'));

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

  const make = (extra: Partial<PduAnimatorOptions> = {}) =>
    createPduAnimator({
      layer,
      flightMs: 400,
      getFlights: () => flights,
      now: () => clock,
      findPath: (link) => document.getElementById(`edge-path-${link}`) as SVGPathElement | null,
      endB: () => ({ device: 'sw2', port: 'eth1' }),
      describe: (f) => `#${f.frame}`,
      onPick,
      ...extra,
    });

  it('places a dot at (clock − t) / flight time from the sender, backwards from the b end', () => {
    const animator = make();
    flights = [flight(1000, 7, 'a', ['synchronization']), flight(1000, 8, 'b', ['distributing'])];
    clock = 1100;
    expect(animator.frame()).toBe(2);
    const dots = layer.querySelectorAll('[data-testid="pdu-dot"]');
    expect(dots).toHaveLength(2);
    expect(cx(dots[0])).toBeCloseTo(25, 0);
    expect(dots[0]?.getAttribute('data-link')).toBe('l1');
    expect(dots[0]?.getAttribute('data-frame')).toBe('7');
    expect(dots[0]?.getAttribute('fill')).toBe(COLORS.blue);
    expect(cx(dots[1])).toBeCloseTo(75, 0);
    expect(dots[1]?.getAttribute('fill')).toBe(COLORS.green);
  });

  it('keeps the dots still while the clock stands still (paused)', () => {
    const animator = make();
    flights = [flight(1000, 7, 'a')];
    clock = 1200;
    animator.frame();
    animator.frame();
    expect(cx(layer.querySelector('[data-testid="pdu-dot"]') ?? undefined)).toBeCloseTo(50, 0);
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

  it('keeps a flight on its circle while it flies, and names it when the pointer comes over it', () => {
    const animator = make();
    flights = [flight(1000, 7, 'a'), flight(1050, 8, 'a')];
    clock = 1100;
    animator.frame();
    const second = layer.querySelector('[data-frame="8"]');
    clock = 1420; // #7 has landed, #8 is still on its way
    expect(animator.frame()).toBe(1);
    expect(layer.querySelector('[data-testid="pdu-dot"]')).toBe(second);
    second?.dispatchEvent(new Event('pointerenter'));
    expect(second?.querySelector('title')?.textContent).toBe('#8');
  });

  it('draws no dot outside the visible area, and at most MAX_DOTS', () => {
    const outside = make({ visibleArea: () => ({ x0: 60, y0: -10, x1: 200, y1: 10 }) });
    flights = [flight(1000, 7, 'a'), flight(1000, 8, 'b')];
    clock = 1100;
    expect(outside.frame()).toBe(1);
    expect(layer.querySelector('[data-testid="pdu-dot"]')?.getAttribute('data-frame')).toBe('8');
    outside.destroy();
    const capped = make();
    flights = Array.from({ length: MAX_DOTS + 50 }, (_, i) => flight(1000, i, 'a'));
    expect(capped.frame()).toBe(MAX_DOTS);
  });

  it('marks a crowded layer (dots drop their shadow) and clears it when few are left', () => {
    const animator = make();
    flights = Array.from({ length: CROWDED_DOTS + 1 }, (_, i) => flight(1000, i, 'a'));
    clock = 1100;
    animator.frame();
    expect(layer.classList.contains('is-crowded')).toBe(true);
    flights = flights.slice(0, CROWDED_DOTS);
    animator.frame();
    expect(layer.classList.contains('is-crowded')).toBe(true);
    flights = flights.slice(0, 3);
    animator.frame();
    expect(layer.classList.contains('is-crowded')).toBe(false);
  });

  it('falls back to SVG geometry for a path that is not one cubic', () => {
    const path = document.getElementById('edge-path-l1') as unknown as SVGPathElement;
    path.setAttribute('d', 'M0,0 L100,0');
    Object.assign(path, { getTotalLength: () => 100, getPointAtLength: (l: number) => ({ x: l, y: 0 }) });
    const animator = make();
    flights = [flight(1000, 7, 'a')];
    clock = 1300;
    animator.frame();
    expect(layer.querySelector('[data-testid="pdu-dot"]')?.getAttribute('cx')).toBe('75.0');
  });
});
