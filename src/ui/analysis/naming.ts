/**
 * How the SPoF panel names what the analysis reports, in the student's language: devices by
 * their names in the lab, links by their two ends, LAGs by their sides. The worker sends ids
 * (and English labels for the CLI, which the panel never shows).
 */
import type { TFunction } from 'i18next';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Topology } from '../../model';
import { useTopologyStore } from '../../store/topologyStore';
import type { AnalysisReport } from '../../worker/protocol';

type AnalysisElement = AnalysisReport['elements'][number]['element'];
/** Which element: its kind and id (an analysis element, or a capacity row's failure). */
export type ElementRef = Pick<AnalysisElement, 'kind' | 'id'>;

export interface Naming {
  /** A device's name in the lab (its id when the lab no longer has it). */
  device: (id: string) => string;
  /** An element's name on its own: `SW1`, `SW1 – SW2 (l1)`, `LAG po1 on SW1 = LAG po1 on SW2`. */
  element: (ref: ElementRef) => string;
  /** An element's name inside a sentence, with its kind where the name does not say it (`link SW1 – SW2 (l1)`). */
  elementInSentence: (ref: ElementRef) => string;
}

/** A Naming over the lab's devices and links and the report's elements (which carry the LAGs' sides). */
export function makeNaming(t: TFunction, doc: Pick<Topology, 'devices' | 'links'>, elements: readonly AnalysisElement[]): Naming {
  const names = new Map(doc.devices.map((d) => [d.id, d.name ?? d.id]));
  const device = (id: string): string => names.get(id) ?? id;
  const lagSides = (id: string): { device: string; lag: string }[] => {
    const sides = elements.find((e) => e.kind === 'lag' && e.id === id)?.sides;
    if (sides && sides.length > 0) return sides;
    const [dev = '', lag = ''] = id.split('/');
    return [{ device: dev, lag }];
  };
  const element = (ref: ElementRef): string => {
    if (ref.kind === 'device') return device(ref.id);
    if (ref.kind === 'lag') return lagSides(ref.id).map((s) => t('analysis.element.lagSide', { lag: s.lag, device: device(s.device) })).join(' = ');
    const link = doc.links.find((l) => l.id === ref.id);
    return link ? t('analysis.element.link', { a: device(link.a.device), b: device(link.b.device), id: ref.id }) : ref.id;
  };
  const elementInSentence = (ref: ElementRef): string => t(`analysis.why.element.${ref.kind}`, { name: element(ref) });
  return { device, element, elementInSentence };
}

/** The Naming for a report, in the current language, over the lab on the canvas. */
export function useNaming(report: AnalysisReport | null): Naming {
  const { t } = useTranslation();
  const devices = useTopologyStore((s) => s.doc.devices);
  const links = useTopologyStore((s) => s.doc.links);
  const elements = report?.elements;
  return useMemo(() => makeNaming(t, { devices, links }, elements?.map((e) => e.element) ?? []), [t, devices, links, elements]);
}
