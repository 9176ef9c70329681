/** The palette: every device type, draggable onto the canvas, or added by a click. */
import { fireEvent, render, screen } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import '../../../src/ui/i18n';
import { useTopologyStore } from '../../../src/store/topologyStore';
import { Palette } from '../../../src/ui/palette/Palette';
import { placementFor } from '../../../src/ui/palette/placement';
import { LAB, resetStores } from '../labFixture';

beforeEach(() => {
  resetStores();
});

describe('when the palette renders', () => {
  it('shows a labelled item for each device type', () => {
    render(<Palette />);
    for (const type of ['switch', 'router', 'host', 'upstream']) {
      const item = screen.getByTestId(`palette-${type}`);
      expect(item).toHaveAttribute('draggable', 'true');
      expect(item.textContent?.trim()).not.toBe('');
      expect(item.querySelector('svg')).not.toBeNull();
    }
    expect(screen.getByTestId('palette-switch')).toHaveTextContent('Switch');
  });

  it('puts the device type on the drag', () => {
    render(<Palette />);
    const setData = vi.fn();
    fireEvent.dragStart(screen.getByTestId('palette-router'), { dataTransfer: { setData, effectAllowed: 'all' } });
    expect(setData).toHaveBeenCalledWith('application/topolab-device', 'router');
  });

  it('adds a device near the middle of the lab on click, and selects it', () => {
    render(<Palette />);
    fireEvent.click(screen.getByTestId('palette-host'));
    const { doc, selection } = useTopologyStore.getState();
    expect(doc.devices).toHaveLength(LAB.devices.length + 1);
    const added = doc.devices[doc.devices.length - 1];
    expect(added?.type).toBe('host');
    expect(selection.devices).toEqual([added?.id]);
    // Between the two switches (x 0…400), clear of both.
    expect(added?.position?.x).toBeGreaterThan(0);
    expect(added?.position?.x).toBeLessThan(400);
  });
});

describe('when devices are placed by click', () => {
  it('never stacks two on the same spot', () => {
    let doc = LAB;
    const seen = new Set<string>();
    for (let i = 0; i < 6; i++) {
      const p = placementFor(doc);
      expect(seen.has(`${p.x},${p.y}`)).toBe(false);
      seen.add(`${p.x},${p.y}`);
      doc = { ...doc, devices: [...doc.devices, { id: `d${i}`, type: 'switch', position: p, ports: [] }] };
    }
  });
});
