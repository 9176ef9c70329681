/** A link's traffic in the inspector: frames and bit rate each way, and the flows that cross it. */
import { render, screen } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import '../../../src/ui/i18n';
import { Inspector } from '../../../src/ui/inspector/Inspector';
import { bitRateLabel } from '../../../src/ui/inspector/units';
import { resetStores } from '../labFixture';
import { exampleLab, selectLink, setLive } from './labs';

beforeEach(() => {
  resetStores(exampleLab('mclag-pair'));
});

describe('when a link is selected', () => {
  it('shows the traffic each way and the flows whose path crosses it', () => {
    setLive({
      traffic: { s1a: { t: 9000, framesAB: 10, framesBA: 3, bytesAB: 1_060, bytesBA: 250_000_000 } },
      flows: {
        f1: { from: 'srv1', to: 'srv2', state: 'ok', path: ['s1a', 'pl1', 's2b'] },
        f2: { from: 'srv2', to: 'srv1', state: 'ok', path: ['s2b', 's1b'] },
      },
    });
    render(<Inspector />);
    selectLink('s1a');
    expect(screen.getByText('Server 1 → SW1')).toBeInTheDocument();
    expect(screen.getByTestId('traffic-ab')).toHaveTextContent('10 frames/s · 8.5 kb/s · 0 % of 1 Gb/s');
    expect(screen.getByTestId('traffic-ba')).toHaveTextContent('3 frames/s · 2 Gb/s · 200 % of 1 Gb/s');
    expect(screen.getByTestId('link-flows')).toHaveTextContent('Flows crossing this link: f1 (Server 1 → Server 2)');
  });

  it('measures utilisation against the link\u2019s line rate: the slower port\u2019s 10 Mb/s on n-minus-1', () => {
    resetStores(exampleLab('n-minus-1'));
    setLive({ traffic: { s1a: { t: 9000, framesAB: 500, framesBA: 0, bytesAB: 500 * 1514, bytesBA: 0 } } });
    render(<Inspector />);
    selectLink('s1a');
    expect(screen.getByTestId('traffic-ab')).toHaveTextContent('500 frames/s · 6.1 Mb/s · 61 % of 10 Mb/s');
  });

  it('says so when the link carries no data', () => {
    render(<Inspector />);
    selectLink('ka');
    expect(screen.getByTestId('traffic-ab')).toHaveTextContent('no data frames');
    expect(screen.queryByTestId('link-flows')).toBeNull();
    expect(screen.queryByTestId('link-stp')).toBeNull();
  });
});

describe('when a bit rate is shown', () => {
  it.each([
    [0, '0 b/s'],
    [999, '999 b/s'],
    [9_600, '9.6 kb/s'],
    [150_000, '150 kb/s'],
    [1_000_000, '1 Mb/s'],
    [12_340_000_000, '12.3 Gb/s'],
  ])('reads %d as %s', (bits, label) => {
    expect(bitRateLabel(bits)).toBe(label);
  });
});
