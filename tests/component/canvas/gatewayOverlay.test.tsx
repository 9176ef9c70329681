import { act, render, screen, waitFor } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { LabCommands } from '../../../src/store/bridge';
import type { OverlayData } from '../../../src/store/overlayReducer';
import { useOverlayStore } from '../../../src/store/overlayStore';
import { DEFAULT_LAB } from '../../../src/store/persistence';
import { resetTopologyStore } from '../../../src/store/topologyStore';
import { Canvas } from '../../../src/ui/canvas/Canvas';
import { MAX_VRRP_GROUPS, deviceL2Of, infoSize } from '../../../src/ui/canvas/deviceL2';
import { isAsPredicted, latestOutageKey, parseOutageKey, predictedSeconds } from '../../../src/ui/canvas/gatewayView';
import { labFeatures } from '../../../src/ui/canvas/labFeatures';
import { lostTenths } from '../../../src/ui/canvas/lostTicker';
import { i18n } from '../../../src/ui/i18n';
import { useUiStore } from '../../../src/ui/uiStore';
import { OUTAGE, gatewayLab, setGatewayOverlay } from './gatewayFixtures';
import { l2Lab } from './l2Fixtures';

vi.mock('../../../src/store/session', () => ({ useLabCommands: () => ({ fault: vi.fn() }) as unknown as LabCommands }));

async function drawn() {
  render(
    <div style={{ width: 1000, height: 800 }}>
      <Canvas />
    </div>,
  );
  await waitFor(() => expect(screen.getByTestId('device-r1')).toBeInTheDocument());
}

const patch = (p: Partial<OverlayData>) => act(() => useOverlayStore.setState(p));
const byId = (id: string) => gatewayLab.devices.find((d) => d.id === id)!;

beforeEach(async () => {
  await i18n.changeLanguage('en');
  localStorage.setItem('topolab.legendOpen', 'true');
  resetTopologyStore(gatewayLab);
  setGatewayOverlay();
  useUiStore.setState({ tool: 'select', packet: null });
});

describe('when a card reserves its gateway rows', () => {
  it('gives a VRRP group two rows, an anycast gateway one, and a probing host one per target plus the prediction', () => {
    const l2 = deviceL2Of(gatewayLab);
    const r1 = l2(byId('r1'));
    expect(r1.vrrp).toEqual([{ group: 'gw', vrid: 10, vip: '10.0.0.1', port: null, priority: 200, isOwner: false, isActiveActive: false, isPreempt: true, liveKey: 'r1:10' }]);
    expect(infoSize(r1)).toEqual({ rows: 2, minWidth: 240 });
    expect(l2(byId('r2')).vrrp[0]?.isPreempt).toBe(false);
    expect(infoSize(l2(byId('leaf'))).rows).toBe(1);
    const srv1 = l2(byId('srv1'));
    expect(srv1.reach).toEqual([
      { target: 'gateway', ip: '10.0.0.1' },
      { target: 'upstream', ip: '198.51.100.1' },
    ]);
    expect(infoSize(srv1).rows).toBe(3);
    // No gateway, no probes.
    expect(l2(byId('srv2')).reach).toEqual([]);
  });

  it('follows the document: probes turned off, no upstream, a routed port, the owner, too many groups', () => {
    expect(deviceL2Of({ ...gatewayLab, probes: { targets: [] } })(byId('srv1')).reach).toEqual([]);
    const noUpstream = { ...gatewayLab, devices: gatewayLab.devices.filter((d) => d.type !== 'upstream') };
    expect(deviceL2Of(noUpstream)(byId('srv1')).reach.map((r) => r.target)).toEqual(['gateway']);
    const groups = Array.from({ length: MAX_VRRP_GROUPS + 2 }, (_, i) => ({ id: `g${i}`, vrid: i + 1, vip: `10.0.${i}.1`, members: [{ device: 'r1', port: 'eth2', priority: 255 }] }));
    const r1 = deviceL2Of({ ...gatewayLab, vrrp: groups })(byId('r1'));
    expect(r1.vrrp).toHaveLength(MAX_VRRP_GROUPS);
    expect(r1.moreVrrp).toBe(2);
    expect(r1.vrrp[0]).toMatchObject({ port: 'eth2', isOwner: true, liveKey: 'r1:eth2:1' });
    expect(infoSize(r1).rows).toBe(2 * MAX_VRRP_GROUPS + 1);
  });

  it('tells the legend which gateway rows the lab needs', () => {
    expect(labFeatures(gatewayLab)).toMatchObject({ hasVrrp: true, hasAnycast: true, hasProbes: true });
    expect(labFeatures({ ...gatewayLab, probes: { targets: [] } }).hasProbes).toBe(false);
    expect(labFeatures(l2Lab)).toMatchObject({ hasVrrp: false, hasAnycast: false, hasProbes: false });
  });
});

describe('when a VRRP group runs', () => {
  it('shows the Master green and the Backup blue, with priority, VIP and what is special about the group', async () => {
    await drawn();
    expect(screen.getByTestId('device-r1')).toHaveAttribute('data-vrrp-state', 'master');
    expect(screen.getByTestId('device-r2')).toHaveAttribute('data-vrrp-state', 'backup');
    expect(screen.getByTestId('device-leaf')).not.toHaveAttribute('data-vrrp-state');
    const master = screen.getByTestId('vrrp-r1-gw');
    expect(master).toHaveAttribute('data-state', 'master');
    expect(master).toHaveClass('tone-master');
    expect(master).toHaveTextContent('VRRP 10 · Master · 200');
    expect(master).toHaveAttribute('title', expect.stringContaining('virtual IP 10.0.0.1') as string);
    expect(screen.getByTestId('vrrp-r2-gw')).toHaveTextContent('VRRP 10 · Backup · 100');
    expect(screen.getByTestId('vrrp-r2-gw')).toHaveClass('tone-backup');
    expect(screen.getByTestId('device-r1')).toHaveTextContent('VIP 10.0.0.1');
    expect(screen.getByTestId('device-r2')).toHaveTextContent('no preemption');
    expect(screen.queryByTestId('vrrp-aa-r1-gw')).toBeNull();
  });

  it('tags an active-active group (the reference lab: the MC-LAG pair is the gateway pair)', async () => {
    resetTopologyStore(DEFAULT_LAB);
    setGatewayOverlay({ vrrp: { 'core1:10': { t: 3218, group: 'gw', vrid: 10, state: 'master', priority: 200, reason: 'masterDown' } } });
    render(
      <div style={{ width: 1000, height: 800 }}>
        <Canvas />
      </div>,
    );
    await waitFor(() => expect(screen.getByTestId('vrrp-aa-core1-gw')).toHaveTextContent('active-active'));
    expect(screen.getByTestId('vrrp-aa-core2-gw')).toHaveAttribute('title', expect.stringContaining('the Backup also answers ARP') as string);
    expect(screen.getByTestId('device-core1')).toHaveAttribute('data-vrrp-state', 'master');
    expect(screen.getByTestId('device-core2')).toHaveAttribute('data-vrrp-state', 'none');
    expect(screen.getByTestId('vrrp-core2-gw')).toHaveTextContent('VRRP 10 · starting · 100');
  });

  it('turns the failed Master grey and the Backup green, and marks a priority lowered by tracking', async () => {
    await drawn();
    patch({
      vrrp: {
        'r1:10': { t: 10_220, group: 'gw', vrid: 10, state: 'initialize', priority: 200, reason: 'interfaceDown' },
        'r2:10': { t: 13_828, group: 'gw', vrid: 10, state: 'master', priority: 90, masterIp: '10.0.0.3', reason: 'masterDown' },
      },
    });
    expect(screen.getByTestId('device-r1')).toHaveAttribute('data-vrrp-state', 'initialize');
    expect(screen.getByTestId('vrrp-r1-gw')).toHaveClass('tone-initialize');
    expect(screen.getByTestId('device-r2')).toHaveAttribute('data-vrrp-state', 'master');
    expect(screen.getByTestId('vrrp-r2-gw')).toHaveTextContent('VRRP 10 · Master · 90↓');
    expect(screen.getByTestId('vrrp-r2-gw')).toHaveAttribute('data-priority', '90');
    expect(screen.getByTestId('vrrp-r2-gw')).toHaveAttribute('title', expect.stringContaining('priority 90 instead of 100') as string);
  });

  it('shows the anycast gateway on its member, greyed when it fails', async () => {
    await drawn();
    expect(screen.getByTestId('anycast-leaf-agw')).toHaveTextContent('anycast 10.0.9.1');
    patch({ devices: { leaf: { isFailed: true, isMuted: false } } });
    expect(screen.getByTestId('anycast-leaf-agw')).toHaveClass('is-off');
  });
});

describe('when a host probes its gateway and the internet', () => {
  it('ticks both, then counts the seconds lost, then shows the outage next to the prediction', async () => {
    await drawn();
    const card = screen.getByTestId('device-srv1');
    expect(card).toHaveAttribute('data-reach-gateway', 'ok');
    expect(card).toHaveAttribute('data-reach-upstream', 'ok');
    expect(screen.getByTestId('reach-srv1-gateway')).toHaveTextContent('✓gateway10.0.0.1');
    expect(screen.getByTestId('reach-srv1-upstream')).toHaveTextContent('internet198.51.100.1');
    expect(screen.getByTestId('outage-expected-srv1')).toHaveTextContent('no outage measured yet');
    expect(screen.getByTestId('device-srv2')).not.toHaveAttribute('data-reach-gateway');

    patch({
      clock: 12_400,
      probes: { 'srv1:gateway': { t: 10_400, ip: '10.0.0.1', state: 'lost', sinceMs: 10_100 }, 'srv1:upstream': { t: 10_400, ip: '198.51.100.1', state: 'lost', sinceMs: 10_100 } },
    });
    expect(card).toHaveAttribute('data-reach-gateway', 'lost');
    expect(screen.getByTestId('reach-srv1-gateway')).toHaveTextContent('✗gatewaylost 2.3 s');
    patch({ clock: 13_050 });
    await waitFor(() => expect(screen.getByTestId('reach-srv1-upstream')).toHaveTextContent('lost 2.9 s'));

    patch({
      clock: 14_000,
      probes: { 'srv1:gateway': { t: 13_901, ip: '10.0.0.1', state: 'ok' }, 'srv1:upstream': { t: 13_901, ip: '198.51.100.1', state: 'ok' } },
      outages: { 'srv1:gateway': OUTAGE, 'srv1:upstream': { ...OUTAGE, ip: '198.51.100.1' } },
    });
    expect(card).toHaveAttribute('data-reach-upstream', 'ok');
    const outage = screen.getByTestId('outage-srv1-gateway');
    expect(outage).toHaveAttribute('data-duration-ms', '3600');
    expect(outage).toHaveTextContent('outage 3.600 s');
    const expected = screen.getByTestId('outage-expected-srv1');
    expect(expected).toHaveTextContent('predicted 2.609–3.609 s Master_Down_Interval');
    expect(expected).toHaveAttribute('data-as-predicted', 'true');
    expect(expected).toHaveAttribute('data-rule', 'vrrp.masterDownInterval');
    expect(expected).toHaveAttribute('data-expected-ms', '3609.375');
  });

  it('speaks Korean', async () => {
    await drawn();
    patch({ outages: { 'srv1:gateway': OUTAGE } });
    await act(() => i18n.changeLanguage('ko'));
    expect(screen.getByTestId('vrrp-r1-gw')).toHaveTextContent('VRRP 10 · 마스터 · 200');
    expect(screen.getByTestId('vrrp-r2-gw')).toHaveTextContent('백업');
    expect(screen.getByTestId('reach-srv1-gateway')).toHaveTextContent('게이트웨이중단 3.600초');
    expect(screen.getByTestId('outage-expected-srv1')).toHaveTextContent('예상값 2.609–3.609초');
  });

  it('lists the gateway rows in the legend only for a lab that has them', async () => {
    await drawn();
    const legend = screen.getByTestId('canvas-legend');
    for (const name of ['VRRP advert · click', 'VRRP Master / Backup', 'Anycast gateway', 'Reachability ✓ ✗', 'Outage vs predicted']) expect(legend).toHaveTextContent(name);
    act(() => resetTopologyStore(l2Lab));
    expect(screen.getByTestId('canvas-legend')).not.toHaveTextContent('VRRP');
  });
});

describe('when judging an outage against the standard', () => {
  const look = (durationMs: number) => ({ target: 'gateway' as const, durationMs, lostProbes: durationMs / 100, intervalMs: 100, expected: { ms: 3609.375, minMs: 2609.375, rule: 'vrrp.masterDownInterval' } });

  it('agrees within one probe interval of the predicted range (RFC 5798 §6.1 Master_Down_Interval)', () => {
    expect(isAsPredicted(look(3600))).toBe(true);
    expect(isAsPredicted(look(2600))).toBe(true);
    expect(isAsPredicted(look(3800))).toBe(false);
    expect(isAsPredicted(look(2400))).toBe(false);
    expect(isAsPredicted({ ...look(100), expected: null })).toBe(false);
    expect(predictedSeconds(look(0).expected)).toBe('2.609–3.609');
    expect(predictedSeconds({ ms: 3000, minMs: null, rule: 'x' })).toBe('3.000');
  });

  it('picks the outage that ended last, the gateway on a tie', () => {
    const outages = { 'h:gateway': { ...OUTAGE, endMs: 5000 }, 'h:upstream': { ...OUTAGE, endMs: 6000, durationMs: 1000 } };
    expect(parseOutageKey(latestOutageKey({ outages }, 'h', ['gateway', 'upstream']))?.target).toBe('upstream');
    const tie = { 'h:gateway': OUTAGE, 'h:upstream': OUTAGE };
    expect(parseOutageKey(latestOutageKey({ outages: tie }, 'h', ['gateway', 'upstream']))).toMatchObject({ target: 'gateway', durationMs: 3600, expected: { minMs: 2609.375 } });
    expect(latestOutageKey({ outages: {} }, 'h', ['gateway'])).toBe('');
  });

  it('counts lost time in whole tenths of a second, never below zero', () => {
    expect(lostTenths(10_100, 12_499)).toBe(23);
    expect(lostTenths(10_100, 10_000)).toBe(0);
  });
});
