/** Nothing selected: what this lab is about, how to build a lab, and the lab's reachability probes. */
import { useTranslation } from 'react-i18next';
import { useTopologyStore } from '../../store/topologyStore';
import { labText } from '../toolbar/examples';
import { ProbesSettings } from './ProbesSettings';

const STEPS = ['drag', 'wire', 'lag', 'select', 'fail', 'time'] as const;

export function EmptyInspector() {
  const { t, i18n } = useTranslation();
  const doc = useTopologyStore((s) => s.doc);
  const description = labText(doc, 'description', i18n.language);
  const title = labText(doc, 'title', i18n.language);

  return (
    <>
      <section className="inspector-section" data-testid="inspector-empty">
        {description !== undefined && (
          <div className="lab-about">
            <h3 className="section-title">{title ?? t('inspector.empty.aboutLab')}</h3>
            <p className="lab-description" data-testid="lab-description">
              {description}
            </p>
          </div>
        )}
        <h3 className="section-title">{t('inspector.empty.title')}</h3>
        <ol className="howto">
          {STEPS.map((step) => (
            <li key={step}>{t(`inspector.empty.steps.${step}`)}</li>
          ))}
        </ol>
      </section>
      <section className="inspector-section" data-testid="inspector-probes">
        <ProbesSettings />
      </section>
    </>
  );
}
