/** Words for the SPoF panel: what an item is, how long it was lost, which canvas element a row selects. */
import type { TFunction } from 'i18next';
import type { Selection } from '../../store/topologyTypes';
import type { AnalysisReport } from '../../worker/protocol';

export type ElementResult = AnalysisReport['elements'][number];
export type Loss = ElementResult['losses'][number];

/** `Server 1 → gateway`, `Server 1 → upstream`, `flow f1: Server 1 → Internet`. */
export function itemText(t: TFunction, item: Loss['item'], nameOf: (id: string) => string): string {
  const host = nameOf(item.host);
  if (item.kind === 'flow') return t('analysis.item.flow', { flow: item.flow ?? item.key, host, to: nameOf(item.to) });
  return t(`analysis.item.${item.kind}`, { host, to: item.to });
}

const seconds = (ms: number) => (ms / 1000).toFixed(ms < 10_000 ? 1 : 0);

/** `lost for good (≥ 25 s)` or `lost 3.0 s`. */
export function durationText(t: TFunction, loss: Loss): string {
  return loss.duration === 'permanent' ? t('analysis.permanent', { s: seconds(loss.outageMs) }) : t('analysis.transient', { s: seconds(loss.outageMs) });
}

/** What clicking a row selects on the canvas: the device, the link, or the LAG. */
export function selectionOf(element: Pick<ElementResult['element'], 'kind' | 'id'>): Partial<Selection> {
  if (element.kind === 'device') return { devices: [element.id], links: [], lag: null };
  if (element.kind === 'link') return { devices: [], links: [element.id], lag: null };
  const [device = '', id = ''] = element.id.split('/');
  return { devices: [], links: [], lag: { device, id } };
}
