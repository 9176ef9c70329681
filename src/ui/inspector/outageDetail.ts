/**
 * The standard's formula behind a predicted outage, in the page's language: the engine gives the
 * rule key and its numbers (`expected.values`); the sentence comes from `inspector.outage.detail.<rule>`.
 * An outage without numbers (an older document's events) or an unknown rule keeps the engine's English.
 */
import type { TFunction } from 'i18next';
import type { ExpectedOutage } from '../../engine/events';

export function outageDetail(t: TFunction, expected: ExpectedOutage): string {
  if (!expected.values) return expected.detail;
  return t(`inspector.outage.detail.${expected.rule}`, { ...expected.values, defaultValue: expected.detail });
}
