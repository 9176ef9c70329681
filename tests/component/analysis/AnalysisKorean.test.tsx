/**
 * The SPoF panel in Korean (issue 6): every reason, every element name and every capacity warning is worded
 * from ko/analysis.json with the lab's device names; the engine's English `reason`, labels and
 * `warnings` (the CLI's words) never reach the page.
 */
import { act, render, screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import '../../../src/ui/i18n';
import { analyzeTopology } from '../../../src/engine';
import type { LossWhy } from '../../../src/engine/analysis/reasonText';
import { reasonText } from '../../../src/engine/analysis/reasonText';
import type { Topology } from '../../../src/model';
import { resetAnalysis, setAnalysisReport, startAnalysis } from '../../../src/store/analysisStore';
import { AnalysisResults } from '../../../src/ui/analysis/AnalysisResults';
import { setLanguage } from '../../../src/ui/i18n';
import type { AnalysisReport } from '../../../src/worker/protocol';
import { exampleLab } from '../inspector/labs';
import { resetStores } from '../labFixture';

const at = { x: 0, y: 0 };
/** Server on SW1 (two links), SW1–SW2, R1 to the Internet. */
const DOC: Topology = {
  version: 1,
  devices: [
    { id: 'srv', type: 'host', name: 'Server', position: at, ports: [{ id: 'eth0' }, { id: 'eth1' }] },
    { id: 'sw1', type: 'switch', name: 'SW1', position: at, ports: [{ id: 'p1' }, { id: 'p2' }, { id: 'p3' }] },
    { id: 'sw2', type: 'switch', name: 'SW2', position: at, ports: [{ id: 'p1' }] },
    { id: 'r1', type: 'router', name: 'R1', position: at, ports: [{ id: 'eth1' }] },
    { id: 'net', type: 'upstream', name: 'Internet', position: at, ports: [{ id: 'eth1' }] },
  ],
  links: [
    { id: 's1', a: { device: 'srv', port: 'eth0' }, b: { device: 'sw1', port: 'p1' } },
    { id: 's2', a: { device: 'srv', port: 'eth1' }, b: { device: 'sw1', port: 'p2' } },
    { id: 'isl', a: { device: 'sw1', port: 'p3' }, b: { device: 'sw2', port: 'p1' } },
    { id: 'wan', a: { device: 'r1', port: 'eth1' }, b: { device: 'net', port: 'eth1' } },
  ],
};

/** One cause of each kind, with the Korean sentence the panel must show for it. */
const CAUSES: { why: LossWhy; ko?: string }[] = [
  { why: { code: 'bondOneSwitch', params: { bond: 'bond0', host: 'srv', mode: 'active-backup', members: 2, device: 'sw1' } }, ko: 'Server의 본드 bond0(모드 active-backup): 두 멤버가 모두 SW1에 연결되어 있다. NIC는 둘이지만 스위치는 하나뿐이다' },
  { why: { code: 'bondOneSwitch', params: { bond: 'bond1', host: 'srv', mode: '802.3ad', members: 3, device: 'sw1' } }, ko: 'Server의 본드 bond1(모드 802.3ad): 멤버 3개가 모두 SW1에 연결되어 있다. NIC는 여럿이지만 스위치는 하나뿐이다' },
  { why: { code: 'bondAllMembers', params: { bond: 'bond0', host: 'srv', mode: 'balance-xor' } } },
  { why: { code: 'noSecondUplink', params: { host: 'srv', device: 'sw1' } } },
  { why: { code: 'onlyLink', params: { host: 'srv', link: 's1' } }, ko: 'Server에는 두 번째 업링크가 없다: 링크가 Server – SW1 (s1) 하나뿐이다' },
  { why: { code: 'allLinksOnDevice', params: { host: 'srv', device: 'sw1' } } },
  { why: { code: 'allLinksInElement', params: { host: 'srv', elementKind: 'lag', element: 'sw1/po1' } }, ko: 'Server의 링크가 모두 SW1의 LAG po1 = SW2의 LAG po1에 속해 있다' },
  { why: { code: 'singleGateway', params: { device: 'r1', gateway: '10.0.0.1', host: 'srv' } }, ko: 'Server의 게이트웨이는 R1(10.0.0.1) 하나뿐이다: 이 주소를 함께 맡는 VRRP 그룹도, 애니캐스트 게이트웨이도 없다' },
  { why: { code: 'everyPath', params: { host: 'srv', target: 'gateway', to: '10.0.0.1', elementKind: 'link', element: 'isl' } }, ko: 'Server에서 게이트웨이 10.0.0.1까지 가는 경로는 모두 링크 SW1 – SW2 (isl) 하나를 거친다' },
  { why: { code: 'everyPath', params: { host: 'srv', target: 'upstream', to: '', elementKind: 'device', element: 'sw1' } }, ko: 'Server에서 업스트림까지 가는 경로는 모두 SW1 하나를 거친다' },
  { why: { code: 'activeBackupStranded', params: { bond: 'bond0', host: 'srv', slave: 'eth0', device: 'sw2', target: 'gateway', to: '10.0.0.1', other: 'eth1' } }, ko: 'Server의 본드 bond0(active-backup)는 계속 eth0 슬레이브로 SW2에 붙어 있다: 그 링크는 살아 있어서 MII 감시로는 이상이 보이지 않지만, SW2에서는 더 이상 게이트웨이 10.0.0.1에 닿을 수 없다. eth1 쪽은 아직 닿는다(ARP 감시, arp_ip_target이라면 전환했을 것이다)' },
  { why: { code: 'strandedDevice', params: { device: 'sw2', host: 'srv', target: 'device', to: 'net' } }, ko: 'SW2에는 Internet 쪽으로 가는 두 번째 업링크가 없다: Server에서 아직 이 장비로 보내는 트래픽은 여기서 버려진다' },
  { why: { code: 'staticRoute', params: { router: 'net', toward: 'host', host: 'srv', via: '192.0.2.1', hop: 'r1', hopState: 'noWayOn' } }, ko: 'Internet의 정적 경로는 여전히 Server 쪽으로 돌아가는 트래픽을 다음 홉 192.0.2.1 쪽으로 보내지만, R1에서 목적지로 더 갈 길이 없다: 정적 경로는 다음 홉 너머의 장애를 따라가지 못한다' },
  { why: { code: 'staticRoute', params: { router: 'r1', toward: 'upstream', host: 'srv', via: '192.0.2.2', hop: 'net', hopState: 'linkDown' } }, ko: 'R1의 정적 경로는 여전히 업스트림으로 가는 트래픽을 다음 홉 192.0.2.2 쪽으로 보내지만, Internet 쪽으로 가는 하나뿐인 링크가 끊겼다: 정적 경로는 다음 홉 너머의 장애를 따라가지 못한다' },
  { why: { code: 'staticRoute', params: { router: 'r1', toward: 'upstream', host: 'srv', via: '192.0.2.2', hop: 'net', hopState: 'down' } } },
  { why: { code: 'peerLink', params: { mclag: 'vpc10' } } },
];

const LAG = { kind: 'lag' as const, id: 'sw1/po1', label: 'LAG po1 on sw1 = LAG po1 on sw2', sides: [{ device: 'sw1', lag: 'po1' }, { device: 'sw2', lag: 'po1' }], targets: ['isl'], links: ['isl'] };
const SW1 = { kind: 'device' as const, id: 'sw1', label: 'SW1', targets: ['sw1'], links: ['s1', 's2', 'isl'] };

/** Every cause as a permanent loss of SW1's failure (one item each), and the LAG, with the engine's English beside it. */
function causesReport(): AnalysisReport {
  const deviceName = (id: string) => DOC.devices.find((d) => d.id === id)?.name ?? id;
  const losses = CAUSES.map(({ why }, i) => ({
    item: { key: `flow:f${i}`, kind: 'flow' as const, host: 'srv', flow: `f${i}`, to: 'net' },
    duration: 'permanent' as const,
    afterFaultMs: 0,
    outageMs: 25_000,
    why,
    reason: reasonText(why, { deviceName, elementLabel: SW1.label }),
  }));
  const elements = [
    { element: SW1, isSpof: true, losses },
    { element: LAG, isSpof: false, losses: [{ item: losses[0]!.item, duration: 'transient' as const, afterFaultMs: 0, outageMs: 900 }] },
  ];
  return { timing: { faultAtMs: 15_000, settleMs: 15_000 }, baseline: [], elements, spofs: [elements[0]!], capacity: { rows: [], warnings: [] }, runs: 3, virtualMs: 90_000 };
}

function show(report: AnalysisReport): HTMLElement {
  render(<AnalysisResults />);
  act(() => {
    startAnalysis(1, DOC);
    setAnalysisReport(1, report);
  });
  return screen.getByTestId('analysis-results');
}

/** Words of the English sentences that must not survive translation. */
const ENGLISH = /single gateway|every path|no second uplink|every link|still routes|peer-link|members on|crosses|is down|runs at|reaches|fails|LAG \S+ on /;

function expectNoEnglish(panel: HTMLElement, report: AnalysisReport): void {
  const text = panel.textContent ?? '';
  for (const e of report.elements) for (const l of e.losses) if (l.reason !== undefined) expect(text).not.toContain(l.reason);
  for (const w of report.capacity.warnings) expect(text).not.toContain(w);
  for (const r of report.capacity.rows) if (r.worstAfter !== undefined && r.worstAfter !== r.worstAfterElement?.id) expect(text).not.toContain(r.worstAfter);
  expect(text).not.toMatch(ENGLISH);
  expect(text).not.toContain('{{');
  expect(text).not.toContain('analysis.');
}

beforeEach(() => {
  resetStores(DOC);
  resetAnalysis();
  setLanguage('ko');
});

describe('when the SPoF panel speaks Korean', () => {
  it('words every kind of reason in Korean with the lab’s device names, and shows no English reason', () => {
    const report = causesReport();
    const panel = show(report);
    const reasons = within(panel).getAllByTestId('analysis-reason');
    expect(reasons.map((r) => r.getAttribute('data-code'))).toEqual(CAUSES.map((c) => c.why.code));
    CAUSES.forEach(({ ko }, i) => {
      if (ko !== undefined) expect(reasons[i]).toHaveTextContent(ko);
      expect(reasons[i]?.textContent).toMatch(/[가-힣]/);
    });
    expectNoEnglish(panel, report);
  });

  it('names a LAG by its sides, in Korean, and in English once the language switches', () => {
    const panel = show(causesReport());
    const transient = within(panel).getByTestId('analysis-transient');
    expect(within(transient).getByText('SW1의 LAG po1 = SW2의 LAG po1')).toBeInTheDocument();
    act(() => setLanguage('en'));
    expect(within(transient).getByText('LAG po1 on SW1 = LAG po1 on SW2')).toBeInTheDocument();
    expect(within(panel).getAllByTestId('analysis-reason')[6]).toHaveTextContent('every link of Server is in LAG po1 on SW1 = LAG po1 on SW2');
  });

  /** Runs the engine's analysis of a shipped example and shows its report in the panel. */
  function showRealAnalysis(name: string): { panel: HTMLElement; report: AnalysisReport } {
    const doc = exampleLab(name);
    resetStores(doc);
    const report = analyzeTopology(doc);
    render(<AnalysisResults />);
    act(() => {
      startAnalysis(1, doc);
      setAnalysisReport(1, report);
    });
    return { panel: screen.getByTestId('analysis-results'), report };
  }

  it('shows a real analysis (looks-redundant) in Korean: the bond on one switch, the stranded active slave, the LAG by name', () => {
    const { panel, report } = showRealAnalysis('looks-redundant');
    const rows = within(panel).getAllByTestId('analysis-row');
    const sw1 = rows.find((r) => r.getAttribute('data-element') === 'sw1')!;
    expect(within(sw1).getAllByTestId('analysis-reason')[0]).toHaveTextContent('Server의 본드 bond0(모드 active-backup): 두 멤버가 모두 SW1에 연결되어 있다. NIC는 둘이지만 스위치는 하나뿐이다');
    const lag = rows.find((r) => r.getAttribute('data-element') === 'sw1/po1')!;
    expect(lag).toHaveTextContent('SW1의 LAG po1 = SW2의 LAG po1');
    expect(lag).toHaveTextContent('Client의 본드 bond0(active-backup)는 계속 eth0 슬레이브로 SW2에 붙어 있다: 그 링크는 살아 있어서 MII 감시로는 이상이 보이지 않지만, SW2에서는 더 이상 Server에 닿을 수 없다. eth1 쪽은 아직 닿는다(ARP 감시, arp_ip_target이라면 전환했을 것이다)');
    expectNoEnglish(panel, report);
  }, 30_000); // runs the real analysis

  it('says in Korean what goes over 100 % and after which failure (n-minus-1)', () => {
    const { panel, report } = showRealAnalysis('n-minus-1');
    // No SPoF, but the verdict box does not stop there: two links overflow after one failure.
    expect(within(panel).getByTestId('analysis-none-capacity')).toHaveTextContent('…하지만 장애 하나가 나면 링크나 LAG 2개가 회선 속도보다 많은 부하를 나르게 된다: 아래 N-1 용량을 보라.');
    const overloads = within(panel).getAllByTestId('analysis-capacity-overload');
    expect(overloads.map((o) => o.textContent)).toEqual(['Backup server – SW1 (s1a): SW2에 장애가 나면 121.1 %까지 올라간다.', 'Backup server – SW2 (s1b): SW1에 장애가 나면 121.1 %까지 올라간다.']);
    const s1a = within(panel).getAllByTestId('analysis-capacity-row').find((r) => r.getAttribute('data-id') === 's1a')!;
    expect(within(s1a).getByTestId('analysis-capacity-after')).toHaveTextContent('SW2');
    const po = within(panel).getAllByTestId('analysis-capacity-row').find((r) => r.getAttribute('data-kind') === 'lag')!;
    expect(po).toHaveTextContent('SW1의 LAG po100 = SW2의 LAG po100');
    expectNoEnglish(panel, report);
  }, 30_000); // runs the real analysis
});
