/** How much motion a big lab affords (motion.ts) and remembered canvas translations (memoT.ts). */
import { describe, expect, it, vi } from 'vitest';
import type { TFunction } from 'i18next';
import { LARGE_LAB_LINKS, MAX_MARCHING_LINKS, isLargeLab, selectTooManyMarching } from '../../../src/ui/canvas/motion';
import { memoT } from '../../../src/ui/canvas/memoT';
import { layerBox } from '../../../src/ui/canvas/PduLayer';
import { member, smallLab } from './fixtures';

describe('when many links converge at once', () => {
  const ports = (n: number, status: 'waiting' | 'distributing') => Object.fromEntries(Array.from({ length: n }, (_, i) => [`d${i}:eth1`, member('po1', status)]));

  it('stops the march past MAX_MARCHING_LINKS converging links (two ends each)', () => {
    expect(selectTooManyMarching({ ports: ports(MAX_MARCHING_LINKS * 2, 'waiting') })).toBe(false);
    expect(selectTooManyMarching({ ports: ports(MAX_MARCHING_LINKS * 2 + 1, 'waiting') })).toBe(true);
    expect(selectTooManyMarching({ ports: ports(500, 'distributing') })).toBe(false);
  });

  it('draws labs of more than LARGE_LAB_LINKS links in the light style', () => {
    expect(isLargeLab(smallLab)).toBe(false);
    const links = Array.from({ length: LARGE_LAB_LINKS + 1 }, (_, i) => ({ id: `l${i}`, a: { device: 'a', port: `p${i}` }, b: { device: 'b', port: `p${i}` } }));
    expect(isLargeLab({ links })).toBe(true);
  });
});

describe('when the canvas translates the same strings again', () => {
  it('asks i18next once per key and parameters, per language', () => {
    const en = vi.fn((key: string, params?: Record<string, unknown>) => `${key}:${JSON.stringify(params ?? {})}`) as unknown as TFunction;
    const ko = vi.fn(() => '한국어') as unknown as TFunction;
    expect(memoT(en, 'canvas.port.free', { port: 'eth1' })).toBe('canvas.port.free:{"port":"eth1"}');
    memoT(en, 'canvas.port.free', { port: 'eth1' });
    memoT(en, 'canvas.port.free', { port: 'eth2' });
    expect(en).toHaveBeenCalledTimes(2);
    expect(memoT(ko, 'canvas.port.free', { port: 'eth1' })).toBe('한국어');
  });
});

describe('when the dot layer is sized', () => {
  it('covers every device with room to spare, on a coarse grid that small moves do not change', () => {
    const box = layerBox(smallLab);
    expect(box.x).toBeLessThanOrEqual(-400);
    expect(box.y).toBeLessThanOrEqual(-400);
    expect(box.x + box.width).toBeGreaterThanOrEqual(400 + 400);
    expect(box.y + box.height).toBeGreaterThanOrEqual(300 + 400);
    const moved = { devices: smallLab.devices.map((d) => (d.id === 'sw2' ? { ...d, position: { x: 420, y: 10 } } : d)) };
    expect(layerBox(moved)).toEqual(box);
  });
});
