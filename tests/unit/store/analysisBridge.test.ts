/** The bridge's side of the SPoF analysis (issue 6): analyze() sends the current lab; progress and the report of that run land in the analysis store, a stale run's do not. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Topology } from '../../../src/model';
import { resetAnalysis, syncAnalysisDoc, useAnalysisStore } from '../../../src/store/analysisStore';
import type { Bridge } from '../../../src/store/bridge';
import { createBridge } from '../../../src/store/bridge';
import type { AnalysisReport } from '../../../src/worker/protocol';
import { example } from '../../helpers/testLab';
import { FakeWorker } from '../../helpers/fakeWorker';


const doc = () => example('single-gateway') as Topology;
const element = (id: string, links: string[]) => ({ kind: id === 'r1' ? ('device' as const) : ('lag' as const), id, label: id, targets: [id], links });
const report: AnalysisReport = {
  timing: { faultAtMs: 15_000, settleMs: 15_000 },
  baseline: [],
  elements: [],
  spofs: [
    { element: element('r1', ['wan', 'lan']), losses: [], isSpof: true },
    { element: element('sw1/po1', ['l1', 'l2']), losses: [], isSpof: true },
  ],
  capacity: { rows: [], warnings: [] },
  runs: 7,
  virtualMs: 210_000,
};

let worker: FakeWorker;
let bridge: Bridge;

beforeEach(() => {
  resetAnalysis();
  worker = new FakeWorker();
  bridge = createBridge({ createWorker: () => worker, raf: () => undefined, now: () => 0 });
});

afterEach(() => bridge.dispose());

describe('when the UI runs a SPoF analysis through the bridge', () => {
  it('sends the current lab, follows its progress and keeps its report with the SPoF devices and links', () => {
    bridge.load(doc());
    bridge.analyze();
    const sent = worker.sent.at(-1);
    expect(sent?.type).toBe('analyze');
    const id = sent && 'id' in sent ? sent.id : -1;
    expect(useAnalysisStore.getState()).toMatchObject({ status: 'running', id, isCurrent: true });
    worker.emit({ type: 'analysisProgress', id, done: 3, total: 7 });
    worker.emit({ type: 'analysisProgress', id: id - 1, done: 6, total: 9 });
    expect(useAnalysisStore.getState()).toMatchObject({ done: 3, total: 7 });
    worker.emit({ type: 'analysis', id, report });
    const s = useAnalysisStore.getState();
    expect(s.status).toBe('done');
    expect([...s.spofDevices]).toEqual(['r1']);
    expect([...s.spofLinks]).toEqual(['l1', 'l2']);
    syncAnalysisDoc({ ...doc(), links: [] });
    expect(useAnalysisStore.getState().isCurrent).toBe(false);
  });

  it('a failed analyze command or a worker crash ends the run with an error', () => {
    bridge.load(doc());
    bridge.analyze();
    const sent = worker.sent.at(-1);
    const id = sent && 'id' in sent ? sent.id : -1;
    worker.emit({ type: 'error', commandId: id, code: 'invalidTopology', detail: 'bad' });
    expect(useAnalysisStore.getState()).toMatchObject({ status: 'error', error: 'bad' });
    bridge.analyze();
    worker.onerror?.({ message: 'boom', preventDefault: () => undefined } as unknown as ErrorEvent);
    expect(useAnalysisStore.getState()).toMatchObject({ status: 'error', error: 'boom' });
  });

  it('does nothing before a lab is loaded', () => {
    bridge.analyze();
    expect(worker.sent.some((m) => m.type === 'analyze')).toBe(false);
    expect(useAnalysisStore.getState().status).toBe('idle');
  });
});
