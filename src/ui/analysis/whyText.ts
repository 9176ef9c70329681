/**
 * The SPoF panel's sentences from the analysis' data: why a loss is permanent (`Loss.why`) and
 * which link or LAG goes over 100 % (`CapacityReport.overloads`), worded from the translation
 * files, with devices and elements named by `Naming`. The English `reason` and `warnings`
 * strings are the CLI's; the panel never shows them.
 */
import type { TFunction } from 'i18next';
import type { AnalysisReport } from '../../worker/protocol';
import type { Naming } from './naming';

export type LossWhy = NonNullable<AnalysisReport['elements'][number]['losses'][number]['why']>;
export type CapacityOverload = NonNullable<AnalysisReport['capacity']['overloads']>[number];
type Params<C extends LossWhy['code']> = Extract<LossWhy, { code: C }>['params'];
type Target = Params<'everyPath'>['target'];

/** `its gateway 10.0.0.1`, `the upstream`, or the destination device's name. */
function targetText(t: TFunction, n: Naming, target: Target, to: string): string {
  return t(`analysis.why.target.${target}`, { to: target === 'device' ? n.device(to) : to });
}

function staticRouteText(t: TFunction, n: Naming, p: Params<'staticRoute'>): string {
  const host = n.device(p.host);
  const toward = t(`analysis.why.toward.${p.toward}`, { host });
  const cause = t(`analysis.why.hop.${p.hopState}`, { hop: n.device(p.hop) });
  return t('analysis.why.staticRoute', { router: n.device(p.router), toward, via: p.via, cause });
}

/** The reason sentence for a permanent loss, in the current language. */
export function whyText(t: TFunction, why: LossWhy, n: Naming): string {
  switch (why.code) {
    case 'bondOneSwitch': {
      const p = why.params;
      const key = p.members === 2 ? 'analysis.why.bondOneSwitch' : 'analysis.why.bondOneSwitchAll';
      return t(key, { bond: p.bond, host: n.device(p.host), mode: p.mode, members: p.members, device: n.device(p.device) });
    }
    case 'bondAllMembers':
      return t('analysis.why.bondAllMembers', { bond: why.params.bond, host: n.device(why.params.host), mode: why.params.mode });
    case 'noSecondUplink':
    case 'allLinksOnDevice':
      return t(`analysis.why.${why.code}`, { host: n.device(why.params.host), device: n.device(why.params.device) });
    case 'onlyLink':
      return t('analysis.why.onlyLink', { host: n.device(why.params.host), link: n.element({ kind: 'link', id: why.params.link }) });
    case 'allLinksInElement':
      return t('analysis.why.allLinksInElement', { host: n.device(why.params.host), element: n.elementInSentence({ kind: why.params.elementKind, id: why.params.element }) });
    case 'singleGateway':
      return t('analysis.why.singleGateway', { device: n.device(why.params.device), gateway: why.params.gateway, host: n.device(why.params.host) });
    case 'everyPath': {
      const p = why.params;
      return t('analysis.why.everyPath', { host: n.device(p.host), target: targetText(t, n, p.target, p.to), element: n.elementInSentence({ kind: p.elementKind, id: p.element }) });
    }
    case 'activeBackupStranded': {
      const p = why.params;
      return t('analysis.why.activeBackupStranded', { bond: p.bond, host: n.device(p.host), slave: p.slave, device: n.device(p.device), target: targetText(t, n, p.target, p.to), other: p.other });
    }
    case 'strandedDevice': {
      const p = why.params;
      return t('analysis.why.strandedDevice', { device: n.device(p.device), target: targetText(t, n, p.target, p.to), host: n.device(p.host) });
    }
    case 'staticRoute':
      return staticRouteText(t, n, why.params);
    case 'peerLink':
      return t('analysis.why.peerLink', { mclag: why.params.mclag });
  }
}

/** A link or LAG over 100 %, now or after a failure, in the current language. */
export function overloadText(t: TFunction, o: CapacityOverload, n: Naming, pct: (n: number) => string, rate: (mbps: number) => string): string {
  const name = n.element({ kind: o.kind, id: o.id });
  if (o.when === 'now') return t('analysis.capacity.overNow', { name, pct: pct(o.pct), capacity: rate(o.capacityMbps) });
  const after = o.after ? n.elementInSentence(o.after) : t('analysis.capacity.aFailure');
  return t('analysis.capacity.overAfter', { name, pct: pct(o.pct), after });
}
