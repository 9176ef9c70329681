/** MC-LAG in the inspector: the domain's live health in words, its settings, pairing, MC-LAG ports. */
import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import '../../../src/ui/i18n';
import { Inspector } from '../../../src/ui/inspector/Inspector';
import { LAB, resetStores } from '../labFixture';
import { exampleLab, selectDevice, selectLag, setLive, store, undo } from './labs';

beforeEach(() => {
  resetStores(exampleLab('mclag-pair'));
});

describe('when a peer of an MC-LAG domain is selected', () => {
  it('shows the peer, its role, peer-link and keepalive health, and the state in a sentence', () => {
    setLive({ mclags: { sw2: { domain: 'vpc10', role: 'secondary', peerLink: 'down', keepalive: 'up', state: 'suspended' } } });
    render(<Inspector />);
    selectDevice('sw2');
    const panel = screen.getByTestId('inspector-mclag');
    expect(within(panel).getByText('MC-LAG domain 10')).toBeInTheDocument();
    expect(within(panel).getByTestId('mclag-peer')).toHaveTextContent('SW1');
    expect(within(panel).getByTestId('mclag-role')).toHaveAttribute('data-role', 'secondary');
    expect(within(panel).getByTestId('mclag-peer-link')).toHaveAttribute('data-state', 'down');
    expect(within(panel).getByTestId('mclag-keepalive')).toHaveAttribute('data-state', 'up');
    const state = within(panel).getByTestId('mclag-state');
    expect(state).toHaveClass('warning');
    expect(state).toHaveTextContent('Peer-link down while the keepalive says the peer is alive: this secondary shut its MC-LAG ports to avoid a loop. Traffic goes through SW1.');
    expect(within(panel).getAllByTestId('mclag-port').map((p) => p.dataset.lag)).toEqual(['po10', 'po20']);
  });

  it('warns of split brain', () => {
    setLive({ mclags: { sw1: { domain: 'vpc10', role: 'primary', peerLink: 'down', keepalive: 'down', state: 'dualActive' } } });
    render(<Inspector />);
    selectDevice('sw1');
    expect(screen.getByTestId('mclag-state')).toHaveTextContent(/^Split brain/);
  });

  it('sets the role priority (undoable) and refuses a domain id out of range in place', () => {
    render(<Inspector />);
    selectDevice('sw2');
    const priority = screen.getByTestId('field-mclag-role-priority');
    fireEvent.change(priority, { target: { value: '100' } });
    fireEvent.keyDown(priority, { key: 'Enter' });
    expect(store().doc.mclags?.[0]?.rolePriority).toEqual({ sw2: 100 });

    const before = store().doc;
    const domainId = screen.getByTestId('field-mclag-domain-id');
    fireEvent.change(domainId, { target: { value: '1001' } });
    expect(screen.getByTestId('field-error')).toHaveTextContent('1–1000');
    fireEvent.blur(domainId);
    expect(store().doc).toBe(before);

    undo();
    expect(store().doc.mclags?.[0]).not.toHaveProperty('rolePriority');
  });

  it('dissolves the domain, then offers to pair the switches again', () => {
    render(<Inspector />);
    selectDevice('sw1');
    fireEvent.click(screen.getByTestId('btn-dissolve-mclag'));
    expect(store().doc.mclags).toEqual([]);
    expect(screen.getByTestId<HTMLSelectElement>('field-mclag-keepalive-new').value).toBe('ka');
    fireEvent.click(screen.getByTestId('btn-make-mclag'));
    expect(store().doc.mclags).toEqual([{ id: 'mlag1', domainId: 1, peers: ['sw1', 'sw2'], peerLink: 'po100', keepalive: 'ka' }]);
    undo();
    expect(store().doc.mclags).toEqual([]);
  });

  it('makes an MC-LAG port toward a switch wired to both peers, bundling its side too', () => {
    render(<Inspector />);
    act(() => {
      store().addDevice('switch', { x: 300, y: 500 });
      store().addPort('sw1');
      store().addPort('sw2');
      store().connect({ device: 'sw3', port: 'eth1' }, { device: 'sw1', port: 'eth6' });
      store().connect({ device: 'sw3', port: 'eth2' }, { device: 'sw2', port: 'eth6' });
    });
    selectDevice('sw1');
    fireEvent.click(screen.getByTestId('btn-mclag-port-sw3'));
    expect(store().doc.lags?.filter((l) => l.id === 'po1').map((l) => [l.device, l.members, l.mclag])).toEqual([
      ['sw1', ['eth6'], 'vpc10'],
      ['sw2', ['eth6'], 'vpc10'],
      ['sw3', ['eth1', 'eth2'], undefined],
    ]);
    expect(screen.getAllByTestId('mclag-port').map((p) => p.dataset.lag)).toEqual(['po10', 'po20', 'po1']);
    expect(screen.queryByTestId('btn-mclag-port-sw3')).toBeNull();
    undo();
    expect(store().doc.lags?.some((l) => l.id === 'po1')).toBe(false);
  });
});

describe('when a LAG of an MC-LAG peer is selected', () => {
  it('toggles it as an MC-LAG port on both peers', () => {
    render(<Inspector />);
    selectLag('sw1', 'po10');
    const box = screen.getByTestId<HTMLInputElement>('field-lag-mclag');
    expect(box.checked).toBe(true);
    fireEvent.click(box);
    expect(store().doc.lags?.filter((l) => l.id === 'po10').map((l) => l.mclag)).toEqual([undefined, undefined]);
    fireEvent.click(screen.getByTestId('field-lag-mclag'));
    expect(store().doc.lags?.filter((l) => l.id === 'po10').map((l) => l.mclag)).toEqual(['vpc10', 'vpc10']);
  });

  it('names the peer-link instead', () => {
    render(<Inspector />);
    selectLag('sw1', 'po100');
    expect(screen.getByTestId('lag-is-peer-link')).toHaveTextContent('peer-link of MC-LAG domain 10');
    expect(screen.queryByTestId('field-lag-mclag')).toBeNull();
  });
});

describe('when a switch is joined to another by a LAG only', () => {
  it('offers to pair them without a keepalive, warning of split brain', () => {
    resetStores(LAB);
    render(<Inspector />);
    selectDevice('sw1');
    expect(screen.getByTestId<HTMLSelectElement>('field-mclag-keepalive-new').value).toBe('');
    expect(screen.getByText(/both switches go primary \(split brain\)/)).toBeInTheDocument();
    fireEvent.click(screen.getByTestId('btn-make-mclag'));
    expect(store().doc.mclags).toEqual([{ id: 'mlag1', domainId: 1, peers: ['sw1', 'sw2'], peerLink: 'po1' }]);
    expect(screen.getByTestId('mclag-domain')).toBeInTheDocument();
  });

  it('explains how to make a pair when no LAG joins it to another switch', () => {
    resetStores({ ...LAB, lags: [] });
    render(<Inspector />);
    selectDevice('sw1');
    expect(screen.getByTestId('mclag-how')).toBeInTheDocument();
  });
});
