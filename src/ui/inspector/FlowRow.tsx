/** One flow of a host: where it goes, whether it arrives and by which path; its settings; remove. */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Flow } from '../../model';
import { DEFAULT_FLOW_BYTES, DEFAULT_FLOW_PPS, resolveTopology, upstreamAddress } from '../../model';
import type { FlowPatch } from '../../model/edits';
import { inSubnetOf } from '../../model/edits';
import { useLiveMaps } from '../../store/overlayStore';
import { useTopologyStore } from '../../store/topologyStore';
import { Icon } from '../toolbar/Icon';
import { flowHops } from './flowPath';
import { deviceName, findDevice } from './lookup';
import { NumberField } from './NumberField';
import { FLOW_BYTES, FLOW_PPS, START_S, UDP_PORT } from './validate';

export function FlowRow({ flow, host }: { flow: Flow; host: string }) {
  const { t } = useTranslation();
  const doc = useTopologyStore((s) => s.doc);
  const live = useLiveMaps((s) => s.flows[flow.id]);
  const update = (patch: FlowPatch) => useTopologyStore.getState().updateFlow(flow.id, patch);
  const resolved = useMemo(() => resolveTopology(doc).flows.find((f) => f.id === flow.id), [doc, flow.id]);
  const isOut = flow.from === host;
  const state = live?.state ?? 'unknown';
  const hops = live ? flowHops(doc, flow.from, flow.to, live.path) : null;
  const sender = findDevice(doc, flow.from);
  const receiver = findDevice(doc, flow.to);
  const from = sender?.ip;
  const to = receiver?.type === 'upstream' ? upstreamAddress(receiver) : receiver?.ip;
  const isApart = from !== undefined && to !== undefined && !inSubnetOf(from, to) && sender?.gateway === undefined;

  return (
    <details className="member" data-testid="inspector-flow" data-flow={flow.id} data-state={state}>
      <summary className="member-summary">
        <span className="member-port">{flow.id}</span>
        <span className="member-peer">{t(isOut ? 'inspector.flow.to' : 'inspector.flow.from', { device: deviceName(doc, isOut ? flow.to : flow.from), pps: flow.pps ?? DEFAULT_FLOW_PPS })}</span>
        <span className={`badge ${state === 'ok' ? 'link-up' : state === 'lost' ? 'link-down' : 'link-unknown'}`} data-testid="flow-state">
          {t(`inspector.flow.state.${state}`)}
        </span>
      </summary>
      <div className="member-body">
        {isApart && (
          <p className="warning" data-testid="flow-subnets">
            <Icon name="alert" size={14} />
            {t('inspector.flow.subnets', { from, to })}
          </p>
        )}
        {live && (
          <p className="small" data-testid="flow-path">
            {hops ? hops.map((d) => deviceName(doc, d)).join(' → ') : live.path.length > 0 ? live.path.join(', ') : t('inspector.flow.noPath')}
          </p>
        )}
        <NumberField key={`pps-${flow.pps ?? ''}`} label={t('inspector.flow.pps')} testId={`field-flow-pps-${flow.id}`} value={flow.pps} defaultValue={DEFAULT_FLOW_PPS} rule={FLOW_PPS} unit={t('inspector.unit.pps')} onCommit={(v) => update({ pps: v })} />
        <NumberField key={`size-${flow.sizeBytes ?? ''}`} label={t('inspector.flow.size')} testId={`field-flow-size-${flow.id}`} value={flow.sizeBytes} defaultValue={DEFAULT_FLOW_BYTES} rule={FLOW_BYTES} unit={t('inspector.unit.bytes')} onCommit={(v) => update({ sizeBytes: v })} />
        <NumberField key={`sp-${flow.srcPort ?? ''}`} label={t('inspector.flow.srcPort')} testId={`field-flow-src-port-${flow.id}`} value={flow.srcPort} defaultValue={resolved?.srcPort} rule={UDP_PORT} onCommit={(v) => update({ srcPort: v })} />
        <NumberField key={`dp-${flow.dstPort ?? ''}`} label={t('inspector.flow.dstPort')} testId={`field-flow-dst-port-${flow.id}`} value={flow.dstPort} defaultValue={resolved?.dstPort} rule={UDP_PORT} onCommit={(v) => update({ dstPort: v })} />
        <NumberField key={`st-${flow.startMs ?? ''}`} label={t('inspector.flow.start')} testId={`field-flow-start-${flow.id}`} value={flow.startMs === undefined ? undefined : flow.startMs / 1000} defaultValue={0} rule={START_S} unit={t('inspector.unit.s')} onCommit={(v) => update({ startMs: Math.round(v * 1000) })} />
        <button type="button" className="btn btn-subtle-danger" data-testid={`btn-remove-flow-${flow.id}`} onClick={() => useTopologyStore.getState().removeFlow(flow.id)}>
          <Icon name="close" />
          <span>{t('inspector.flow.remove')}</span>
        </button>
      </div>
    </details>
  );
}
