import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { LabCommands } from '../../../src/store/bridge';
import type { OverlayData } from '../../../src/store/overlayReducer';
import { useOverlayStore } from '../../../src/store/overlayStore';
import { resetTopologyStore, useTopologyStore } from '../../../src/store/topologyStore';
import { Canvas } from '../../../src/ui/canvas/Canvas';
import { setHoverDevice, setHoverFlow } from '../../../src/ui/canvas/flowHighlight';
import { i18n } from '../../../src/ui/i18n';
import { useUiStore } from '../../../src/ui/uiStore';
import { member, setRunningOverlay, smallLab } from './fixtures';
import { STP_CONVERGED, l2Lab, setL2Overlay } from './l2Fixtures';

vi.mock('../../../src/store/session', () => ({ useLabCommands: () => ({ fault: vi.fn() }) as unknown as LabCommands }));

function renderCanvas() {
  return render(
    <div style={{ width: 1000, height: 800 }}>
      <Canvas />
    </div>,
  );
}

async function drawn() {
  renderCanvas();
  await waitFor(() => expect(screen.getByTestId('link-l23')).toBeInTheDocument());
}

const patch = (p: Partial<OverlayData>) => act(() => useOverlayStore.setState(p));

beforeEach(async () => {
  await i18n.changeLanguage('en');
  resetTopologyStore(l2Lab);
  setL2Overlay();
  useUiStore.setState({ tool: 'select', packet: null });
});

describe('when a spanning tree blocks a port', () => {
  it('letters each switch port with its role and colours it by its state', async () => {
    await drawn();
    const alt = screen.getByTestId('port-sw3-eth2');
    expect(alt).toHaveAttribute('data-stp-role', 'alternate');
    expect(alt).toHaveAttribute('data-stp-state', 'discarding');
    expect(alt).toHaveTextContent('A');
    expect(alt.style.background).toBe('rgb(229, 72, 77)');
    expect(screen.getByTestId('port-sw2-eth1')).toHaveTextContent('R');
    expect(screen.getByTestId('port-sw1-eth1')).toHaveTextContent('D');
    expect(screen.getByTestId('port-sw1-eth1').style.background).toBe('rgb(24, 160, 88)');
    expect(screen.getByTestId('port-sw1-eth1')).toHaveAttribute('title', expect.stringContaining('designated port, forwarding') as string);
  });

  it('draws the blocked link grey and dashed with a ⊘ at the blocked end only', async () => {
    await drawn();
    const l23 = screen.getByTestId('link-l23');
    expect(l23).toHaveAttribute('data-status', 'blocked');
    expect(l23).toHaveAttribute('data-stp-blocked', 'b');
    expect(screen.getByTestId('link-blocked-l23-b')).toBeInTheDocument();
    expect(screen.queryByTestId('link-blocked-l23-a')).toBeNull();
    expect(screen.getByTestId('link-blocked-l23-b').querySelector('title')).toHaveTextContent('SW3'.toLowerCase());
    for (const id of ['l12', 'l13', 's1', 's2', 's3']) expect(screen.getByTestId(`link-${id}`)).not.toHaveAttribute('data-stp-blocked');
    expect(document.querySelectorAll('[data-stp-blocked]')).toHaveLength(1);
  });

  it('moves the block when the tree changes (l13 fails: sw3 eth2 becomes the root port)', async () => {
    await drawn();
    patch({
      links: { ...useOverlayStore.getState().links, l13: 'down' },
      stp: { ...STP_CONVERGED, 'sw3:eth1': { ...STP_CONVERGED['sw3:eth1']!, role: 'disabled', state: 'discarding' }, 'sw3:eth2': { ...STP_CONVERGED['sw3:eth2']!, role: 'root', state: 'forwarding' } },
    });
    expect(screen.getByTestId('link-l23')).not.toHaveAttribute('data-stp-blocked');
    expect(screen.getByTestId('link-l13')).toHaveAttribute('data-status', 'down');
    expect(screen.getByTestId('link-l13')).not.toHaveAttribute('data-stp-blocked');
    expect(screen.getByTestId('port-sw3-eth2')).toHaveTextContent('R');
  });

  it('blocks every member link of a LAG that is one blocked STP port', async () => {
    resetTopologyStore(smallLab);
    setRunningOverlay({ stp: { 'sw2:po1': { role: 'alternate', state: 'discarding', rootBridge: '1,x', rootCost: 4, isRoot: false } } });
    renderCanvas();
    await waitFor(() => expect(screen.getByTestId('link-l2')).toBeInTheDocument());
    for (const id of ['l1', 'l2']) {
      expect(screen.getByTestId(`link-${id}`)).toHaveAttribute('data-stp-blocked', 'b');
      expect(screen.getByTestId(`link-blocked-${id}-b`)).toBeInTheDocument();
    }
    expect(screen.getByTestId('port-sw2-eth1')).toHaveAttribute('data-stp-role', 'alternate');
    expect(screen.getByTestId('port-sw2-eth2')).toHaveAttribute('data-stp-role', 'alternate');
    expect(screen.getByTestId('link-l3')).not.toHaveAttribute('data-stp-blocked');
  });
});

describe('when a bridge is the root', () => {
  it('crowns the root bridge and gives the others their root port and cost', async () => {
    await drawn();
    expect(screen.getByTestId('device-sw1')).toHaveAttribute('data-stp-root', 'true');
    expect(screen.getByTestId('device-sw1')).toHaveClass('is-stp-root');
    expect(screen.getByTestId('stp-root-sw1')).toHaveTextContent('Root bridge');
    expect(screen.getByTestId('device-sw2')).toHaveAttribute('data-stp-root', 'false');
    expect(screen.getByTestId('stp-bridge-sw2')).toHaveTextContent('Root port eth1 · cost 20000');
    expect(screen.queryByTestId('stp-root-sw2')).toBeNull();
    expect(screen.getByTestId('device-srv1')).not.toHaveAttribute('data-stp-root');
  });

  it('says 루트 브리지 in Korean', async () => {
    await i18n.changeLanguage('ko');
    await drawn();
    expect(screen.getByTestId('stp-root-sw1')).toHaveTextContent('루트 브리지');
    expect(screen.getByTestId('stp-bridge-sw3')).toHaveTextContent('루트 포트 eth1 · 비용 20000');
  });
});

describe('when MC-LAG peers change state', () => {
  const peer = (role: 'primary' | 'secondary' | 'down', state: OverlayData['mclags'][string]['state']) => ({ domain: 'vpc10', role, peerLink: 'down' as const, keepalive: 'down' as const, state });

  it('shows the domain and role, green when healthy', async () => {
    await drawn();
    const sw1 = screen.getByTestId('device-sw1');
    expect(sw1).toHaveAttribute('data-mclag-role', 'primary');
    expect(sw1).toHaveAttribute('data-mclag-state', 'ok');
    expect(screen.getByTestId('mclag-sw1')).toHaveTextContent('MC-LAG 10 · primary');
    expect(screen.getByTestId('mclag-sw1')).toHaveAttribute('data-tone', 'ok');
    expect(screen.getByTestId('mclag-sw2')).toHaveTextContent('MC-LAG 10 · secondary');
  });

  it.each([
    ['peerLinkDown', 'primary', 'peer-link down', 'warn'],
    ['peerDead', 'primary', 'peer dead', 'warn'],
    ['suspended', 'secondary', 'suspended', 'suspended'],
    ['dualActive', 'primary', 'split brain', 'split'],
  ] as const)('says %s as "%s · %s" (tone %s)', async (state, role, text, tone) => {
    await drawn();
    patch({ mclags: { sw1: peer(role, state), sw2: peer('down', 'ok') } });
    const badge = screen.getByTestId('mclag-sw1');
    expect(badge).toHaveTextContent(`MC-LAG 10 · ${role} · ${text}`);
    expect(badge).toHaveAttribute('data-tone', tone);
    expect(screen.getByTestId('device-sw1')).toHaveAttribute('data-mclag-state', state);
    expect(screen.getByTestId('mclag-sw2')).toHaveAttribute('data-tone', 'down');
    expect(screen.getByTestId('device-sw2')).toHaveAttribute('data-mclag-role', 'down');
  });

  it('says 스플릿 브레인 in Korean', async () => {
    await i18n.changeLanguage('ko');
    await drawn();
    patch({ mclags: { sw1: peer('primary', 'dualActive'), sw2: peer('primary', 'dualActive') } });
    expect(screen.getByTestId('mclag-sw2')).toHaveTextContent('MC-LAG 10 · primary · 스플릿 브레인');
  });
});

describe('when a server has a bond', () => {
  it('badges the bond with its mode and active slave, and stars that slave', async () => {
    await drawn();
    const badge = screen.getByTestId('bond-srv1-bond0');
    expect(badge).toHaveTextContent('bond0 · active-backup · ★ eth1');
    expect(badge).toHaveAttribute('data-bond-active-slave', 'eth1');
    expect(screen.getByTestId('device-srv1')).toHaveAttribute('data-bond-active-slave', 'eth1');
    expect(screen.getByTestId('port-srv1-eth1')).toHaveAttribute('data-bond', 'active');
    expect(screen.getByTestId('port-srv1-eth1')).toHaveAttribute('data-bond-active-slave', 'true');
    expect(screen.getByTestId('port-srv1-eth2')).toHaveAttribute('data-bond', 'backup');
    expect(within(screen.getByTestId('device-srv1')).getByText('★eth1')).toHaveClass('is-active-slave');
  });

  it('moves the star on failover and marks the slave the MII monitor declared down', async () => {
    await drawn();
    patch({ bonds: { 'srv1:bond0': { mode: 'active-backup', active: ['eth2'], activeSlave: 'eth2', down: ['eth1'], mii: { eth1: 'down', eth2: 'up' } } } });
    expect(screen.getByTestId('bond-srv1-bond0')).toHaveAttribute('data-bond-active-slave', 'eth2');
    expect(screen.getByTestId('port-srv1-eth1')).toHaveAttribute('data-bond', 'down');
    expect(screen.getByTestId('port-srv1-eth1').style.background).toBe('rgb(229, 72, 77)');
    expect(screen.getByTestId('port-srv1-eth2')).toHaveAttribute('data-bond-active-slave', 'true');
  });

  it('counts the active slaves of an 802.3ad bond', async () => {
    resetTopologyStore({ ...l2Lab, bonds: [{ id: 'bond0', device: 'srv1', members: ['eth1', 'eth2'], mode: '802.3ad' }] });
    setL2Overlay({ bonds: { 'srv1:bond0': { mode: '802.3ad', active: ['eth2'], down: ['eth1'], mii: { eth1: 'down', eth2: 'up' } } } });
    await drawn();
    expect(screen.getByTestId('bond-srv1-bond0')).toHaveTextContent('bond0 · 802.3ad · 1/2');
    expect(screen.getByTestId('bond-srv1-bond0')).not.toHaveAttribute('data-bond-active-slave');
  });
});

describe('when servers send flows', () => {
  it('lists each flow with its state', async () => {
    await drawn();
    expect(screen.getByTestId('flow-f1')).toHaveAttribute('data-state', 'ok');
    expect(screen.getByTestId('flow-f1')).toHaveTextContent('✓f1 → Server 2');
    expect(screen.getByTestId('flow-f2')).toHaveAttribute('data-state', 'lost');
    expect(screen.getByTestId('flow-f2')).toHaveTextContent('✗f2 → Server 1lost');
    patch({ flows: {} });
    expect(screen.getByTestId('flow-f1')).toHaveAttribute('data-state', 'pending');
  });

  it('marks a delivered flow whose path crosses a link that drops frames (over capacity) with the share dropped', async () => {
    await drawn();
    // f1 crosses s1, l13 and s3; l13's full buffer drops 190 of 1,000 frames.
    patch({ traffic: { l13: { t: 3000, framesAB: 810, framesBA: 0, bytesAB: 1_226_340, bytesBA: 0, dropsAB: 190, dropsBA: 0, dropBytesAB: 287_660, dropBytesBA: 0 } } });
    const f1 = screen.getByTestId('flow-f1');
    expect(f1).toHaveAttribute('data-state', 'ok');
    expect(f1).toHaveAttribute('data-drop', '19');
    expect(f1).toHaveClass('flow-lossy');
    expect(f1).toHaveTextContent('!f1 → Server 219 % dropped');
    patch({ traffic: {} });
    expect(screen.getByTestId('flow-f1')).toHaveTextContent('✓f1 → Server 2');
  });

  it('highlights the paths of the flows of the host under the pointer, of a flow row, or of the selected host', async () => {
    await drawn();
    const highlighted = () => Array.from(document.querySelectorAll('[data-flow-highlight="true"]'), (el) => el.getAttribute('data-testid')).sort();
    expect(highlighted()).toEqual([]);
    act(() => setHoverDevice('srv2'));
    expect(highlighted()).toEqual(['link-l13', 'link-s1', 'link-s3']);
    act(() => setHoverDevice(null));
    expect(highlighted()).toEqual([]);
    fireEvent.mouseEnter(screen.getByTestId('flow-f1'));
    expect(highlighted()).toEqual(['link-l13', 'link-s1', 'link-s3']);
    fireEvent.mouseLeave(screen.getByTestId('flow-f1'));
    act(() => setHoverFlow(null));
    act(() => useTopologyStore.getState().select({ devices: ['srv1'], links: [], lag: null }));
    expect(highlighted()).toEqual(['link-l13', 'link-s1', 'link-s3']);
    patch({ flows: { f1: { from: 'srv1', to: 'srv2', state: 'ok', path: ['s2', 'l23', 's3'] } } });
    expect(highlighted()).toEqual(['link-l23', 'link-s2', 'link-s3']);
  });
});

describe('when links carry traffic', () => {
  it('draws the traffic with its direction and rate, and no storm', async () => {
    await drawn();
    const l13 = screen.getByTestId('traffic-l13');
    expect(l13).toHaveAttribute('data-level', 'low');
    expect(l13).toHaveAttribute('data-direction', 'ab');
    expect(l13).toHaveTextContent('11 fr/s');
    expect(screen.queryByTestId('traffic-l12')).toBeNull();
    expect(document.querySelectorAll('[data-storm]')).toHaveLength(0);
  });

  it('flags a link in a broadcast storm, and clears the flag when it calms down', async () => {
    await drawn();
    patch({ traffic: { l23: { t: 2000, framesAB: 3666, framesBA: 1001, bytesAB: 0, bytesBA: 0 } } });
    const l23 = screen.getByTestId('link-l23');
    expect(l23).toHaveAttribute('data-storm', 'true');
    expect(l23).toHaveClass('is-storm');
    expect(screen.getByTestId('traffic-l23')).toHaveAttribute('data-level', 'storm');
    expect(screen.getByTestId('traffic-l23')).toHaveAttribute('data-direction', 'both');
    expect(screen.getByTestId('traffic-l23')).toHaveTextContent('STORM · 4,700 fr/s');
    patch({ traffic: { l23: { t: 3000, framesAB: 500, framesBA: 0, bytesAB: 0, bytesBA: 0 } } });
    expect(screen.getByTestId('link-l23')).not.toHaveAttribute('data-storm');
  });
});

describe('when a link fills up (utilisation of the line rate, busier direction)', () => {
  it('labels a quiet link (under 1 %) with its frames only on demand, and keeps a busy one on screen', async () => {
    await drawn();
    // l13 carries 1,060 B/s: 0.0085 Mb/s of 1,000 Mb/s.
    expect(screen.getByTestId('traffic-l13')).toHaveAttribute('data-load', 'ok');
    expect(screen.getByTestId('traffic-l13')).toHaveTextContent(/^11 fr\/s$/);
    // 600 Mb/s one way on a 1 Gb/s link: 60 %, busy — the label stays shown, in the default colours.
    patch({ traffic: { l12: { t: 2000, framesAB: 400, framesBA: 0, bytesAB: 75_000_000, bytesBA: 0 } } });
    const l12 = screen.getByTestId('traffic-l12');
    expect(l12).toHaveAttribute('data-util', '60');
    expect(l12).toHaveAttribute('data-load', 'busy');
    expect(l12).toHaveTextContent(/^600 Mb\/s · 60 %$/);
    expect(l12.querySelector('.link-rate')).toHaveClass('is-shown');
    expect(l12.querySelector('.link-rate')).not.toHaveClass('is-hot');
  });

  it('turns amber from 70 % and red with a band above 100 %, counting what the full buffer dropped as offered load', async () => {
    await drawn();
    patch({ traffic: { l12: { t: 2000, framesAB: 600, framesBA: 0, bytesAB: 100_000_000, bytesBA: 0 } } });
    expect(screen.getByTestId('traffic-l12')).toHaveTextContent('80 % of 1,000 Mb/s');
    expect(screen.getByTestId('traffic-l12').querySelector('.link-rate')).toHaveClass('is-hot');
    // Offered 151.4 MB/s on a 1 Gb/s link: 121 %; it carried 123 MB and its buffer dropped the rest (171 of 910 frames, 19 %).
    patch({ traffic: { l12: { t: 3000, framesAB: 729, framesBA: 10, bytesAB: 123_000_000, bytesBA: 640, dropsAB: 171, dropsBA: 0, dropBytesAB: 28_400_000, dropBytesBA: 0 } } });
    const l12 = screen.getByTestId('traffic-l12');
    expect(l12).toHaveAttribute('data-load', 'over');
    expect(l12).toHaveTextContent('⚠ 121 % of 1,000 Mb/s · 19 % dropped');
    expect(l12.querySelector('.link-over-band')).not.toBeNull();
  });
});

describe('when the legend explains a layer-2 lab', () => {
  it('lists spanning-tree, MC-LAG, bond and traffic rows', async () => {
    await drawn();
    fireEvent.click(screen.getByTestId('legend-toggle'));
    const legend = screen.getByTestId('canvas-legend');
    for (const text of ['Blocked (STP)', 'BPDU', 'Root bridge', 'Port role', 'MC-LAG role', 'Bond', 'Traffic', 'Broadcast storm', 'Flow path', 'Hot standby']) expect(legend).toHaveTextContent(text);
  });

  it('leaves LACP and MC-LAG rows out of a lab without LAGs', async () => {
    resetTopologyStore({ ...l2Lab, lags: [], mclags: [], links: l2Lab.links.filter((l) => l.id !== 'pl') });
    await drawn();
    fireEvent.click(screen.getByTestId('legend-toggle'));
    const legend = screen.getByTestId('canvas-legend');
    expect(legend).toHaveTextContent('Blocked (STP)');
    for (const text of ['Hot standby', 'LACPDU', 'MC-LAG role']) expect(legend).not.toHaveTextContent(text);
  });

  it('leaves spanning-tree rows out of a lab without STP', () => {
    resetTopologyStore(smallLab);
    setRunningOverlay({ ports: { 'sw1:eth1': member('po1', 'distributing') } });
    renderCanvas();
    fireEvent.click(screen.getByTestId('legend-toggle'));
    const legend = screen.getByTestId('canvas-legend');
    expect(legend).toHaveTextContent('Hot standby');
    expect(legend).not.toHaveTextContent('Blocked (STP)');
    expect(legend).not.toHaveTextContent('Root bridge');
  });
});
