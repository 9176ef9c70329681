/** One element of the SPoF panel: its name and kind, then each loss (item, duration, reason). */
import { useTranslation } from 'react-i18next';
import { useTopologyStore } from '../../store/topologyStore';
import type { ElementResult } from './lossText';
import { durationText, itemText, selectionOf } from './lossText';
import type { Naming } from './naming';
import { whyText } from './whyText';

export function ElementRow({ result, naming }: { result: ElementResult; naming: Naming }) {
  const { t } = useTranslation();
  const { element, losses } = result;
  const onSelect = () => useTopologyStore.getState().select(selectionOf(element));
  return (
    <li className={`analysis-row${result.isSpof ? ' is-spof' : ''}`} data-testid="analysis-row" data-element={element.id} data-kind={element.kind} data-spof={result.isSpof ? 'true' : 'false'}>
      <button type="button" className="analysis-row-head" onClick={onSelect} title={t('analysis.selectHint')}>
        {result.isSpof && (
          <span className="analysis-warn" aria-hidden="true">
            ⚠
          </span>
        )}
        <span className="analysis-name">{naming.element(element)}</span>
        <span className="analysis-kind muted small">{t(`analysis.kind.${element.kind}`)}</span>
      </button>
      <ul className="analysis-losses">
        {losses.map((loss) => (
          <li key={loss.item.key} className={`analysis-loss is-${loss.duration}`} data-duration={loss.duration}>
            <span className="analysis-item">{itemText(t, loss.item, naming.device)}</span>
            <span className="analysis-duration">{durationText(t, loss)}</span>
            {loss.why !== undefined && (
              <span className="analysis-reason muted small" data-testid="analysis-reason" data-code={loss.why.code}>
                {whyText(t, loss.why, naming)}
              </span>
            )}
          </li>
        ))}
      </ul>
    </li>
  );
}
