/** A host's gateway and reachability in the inspector: the gateway field, live probes, the last outages. */
import { fireEvent, render, screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { setLanguage } from '../../../src/ui/i18n';
import { Inspector } from '../../../src/ui/inspector/Inspector';
import { resetStores } from '../labFixture';
import { exampleLab, selectDevice, setLive, store, undo } from './labs';

beforeEach(() => {
  resetStores(exampleLab('vrrp-pair'));
});

function commit(testId: string, value: string): HTMLElement {
  const field = screen.getByTestId(testId);
  fireEvent.change(field, { target: { value } });
  fireEvent.keyDown(field, { key: 'Enter' });
  return field;
}

const MDI_DETAIL = 'Master_Down_Interval of the best backup (priority 100) = 3 × 1 s + (256 − 100) × 1 s / 256 = 3.609 s after the last advertisement, so 2.609–3.609 s after the fault (RFC 5798 §6.1)';

describe('when a host is selected', () => {
  it('shows its gateway and who answers for it', () => {
    render(<Inspector />);
    selectDevice('srv1');
    expect(screen.getByTestId<HTMLInputElement>('field-host-gateway').value).toBe('10.0.0.1');
    expect(screen.getByTestId('gateway-hint')).toHaveTextContent('The virtual IP of VRRP group gw');
  });

  it('edits the gateway, refusing one outside the subnet in place, and undoes it', () => {
    render(<Inspector />);
    selectDevice('srv1');
    const before = store().doc;
    commit('field-host-gateway', '10.1.0.1');
    expect(screen.getByTestId('field-error')).toHaveTextContent("10.1.0.1 is not in srv1's subnet 10.0.0.0/24");
    expect(store().doc).toBe(before);
    fireEvent.keyDown(screen.getByTestId('field-host-gateway'), { key: 'Escape' });

    commit('field-host-gateway', '10.0.0.2');
    expect(store().doc.devices.find((d) => d.id === 'srv1')?.gateway).toBe('10.0.0.2');
    expect(screen.getByTestId('gateway-hint')).toHaveTextContent('The address of Core 1 (VRRP 200): one router, a single point of failure.');
    commit('field-host-gateway', '');
    expect(store().doc.devices.find((d) => d.id === 'srv1')).not.toHaveProperty('gateway');
    expect(screen.getByTestId('gateway-hint')).toHaveTextContent('No gateway');
    undo();
    undo();
    expect(store().doc).toBe(before);
  });

  it('shows the live probes: the gateway answering, the internet lost and since when', () => {
    setLive({
      probes: {
        'srv1:gateway': { t: 13900, ip: '10.0.0.1', state: 'ok' },
        'srv1:upstream': { t: 10400, ip: '198.51.100.1', state: 'lost', sinceMs: 10300 },
      },
    });
    render(<Inspector />);
    selectDevice('srv1');
    const panel = screen.getByTestId('inspector-reach');
    expect(within(panel).getByTestId('reach-gateway')).toHaveAttribute('data-state', 'ok');
    expect(within(panel).getByTestId('reach-gateway')).toHaveTextContent('reached 10.0.0.1, answering since 13.9 s');
    expect(within(panel).getByTestId('reach-upstream')).toHaveTextContent('lost 198.51.100.1, unanswered since 10.3 s');
    expect(within(panel).getByText('A probe every 100 ms (ARP to the gateway, ping to the internet).')).toBeInTheDocument();
    expect(within(panel).getByTestId('outage-none')).toBeInTheDocument();
  });

  it('puts the measured outage next to the prediction and names the rule', () => {
    setLive({
      outages: {
        'srv1:gateway': {
          t: 13900,
          ip: '10.0.0.1',
          startMs: 10300,
          endMs: 13900,
          durationMs: 3600,
          lostProbes: 36,
          intervalMs: 100,
          fault: { target: 'core1', action: 'fail', atMs: 10220 },
          expected: { ms: 3609.375, minMs: 2609.375, rule: 'vrrp.masterDownInterval', detail: MDI_DETAIL },
        },
        'srv1:upstream': { t: 20000, ip: '198.51.100.1', startMs: 19000, endMs: 20000, durationMs: 1000, lostProbes: 10, intervalMs: 100 },
      },
    });
    render(<Inspector />);
    selectDevice('srv1');
    const rows = screen.getAllByTestId('outage-row');
    expect(rows.map((r) => [r.dataset.target, r.dataset.verdict])).toEqual([
      ['gateway', 'match'],
      ['upstream', 'unknown'],
    ]);
    const gateway = rows[0] as HTMLElement;
    expect(within(gateway).getByTestId('outage-measured')).toHaveTextContent('3.6 s');
    expect(gateway).toHaveTextContent('36 probes lost, one every 100 ms');
    expect(gateway).toHaveTextContent('after Core 1 (VRRP 200) failed at 10.22 s');
    expect(within(gateway).getByTestId('outage-predicted')).toHaveTextContent('2.609–3.609 s');
    expect(gateway).toHaveTextContent('as predicted');
    expect(within(gateway).getByTestId('outage-rule')).toHaveTextContent('VRRP Master_Down_Interval = 3 × Advertisement_Interval + Skew_Time');
    expect(within(gateway).getByTestId('outage-detail')).toHaveTextContent(MDI_DETAIL);
    expect(rows[1]).toHaveTextContent('The lab cannot name the rule behind this outage.');
  });

  it('words the formula in the page\u2019s language from the prediction\u2019s numbers (expected.values)', () => {
    const values = { priority: 100, adv: '1 s', mdi: '3.609 s', min: '2.609 s' };
    const expected = { ms: 3609.375, minMs: 2609.375, rule: 'vrrp.masterDownInterval', detail: MDI_DETAIL, values };
    setLive({ outages: { 'srv1:gateway': { t: 13900, ip: '10.0.0.1', startMs: 10300, endMs: 13900, durationMs: 3600, lostProbes: 36, intervalMs: 100, expected } } });
    setLanguage('ko');
    render(<Inspector />);
    selectDevice('srv1');
    expect(screen.getByTestId('outage-detail')).toHaveTextContent('가장 좋은 백업(우선순위 100)의 Master_Down_Interval = 3 × 1 s + (256 − 100) × 1 s / 256 = 마지막 광고로부터 3.609 s, 따라서 장애 후 2.609 s–3.609 s (RFC 5798 §6.1)');
    setLanguage('en');
  });

  it('flags an outage longer than predicted', () => {
    setLive({ outages: { 'srv1:gateway': { t: 9000, ip: '10.0.0.1', startMs: 1000, endMs: 9000, durationMs: 8000, lostProbes: 80, intervalMs: 100, expected: { ms: 3609.375, minMs: 2609.375, rule: 'vrrp.masterDownInterval', detail: MDI_DETAIL } } } });
    render(<Inspector />);
    selectDevice('srv1');
    expect(screen.getByTestId('outage-row')).toHaveAttribute('data-verdict', 'longer');
    expect(screen.getByTestId('outage-row')).toHaveTextContent('longer than predicted');
  });

  it('says when a host moved out of its gateway\u2019s subnet lost the gateway', () => {
    render(<Inspector />);
    selectDevice('srv2');
    commit('field-host-ip', '10.9.0.12/24');
    expect(store().doc.devices.find((d) => d.id === 'srv2')).not.toHaveProperty('gateway');
    expect(store().notice).toMatchObject({ key: 'inspector.gateway.dropped', level: 'info' });
  });
});
