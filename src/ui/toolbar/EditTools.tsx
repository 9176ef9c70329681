/** Undo / redo, Make LAG from the selected links, and the fail tool. */
import { useTranslation } from 'react-i18next';
import { selectCanRedo, selectCanUndo, useTopologyStore } from '../../store/topologyStore';
import { useUiStore } from '../uiStore';
import { Icon } from './Icon';

export function EditTools() {
  const { t } = useTranslation();
  const canUndo = useTopologyStore(selectCanUndo);
  const canRedo = useTopologyStore(selectCanRedo);
  const links = useTopologyStore((s) => s.selection.links);
  const tool = useUiStore((s) => s.tool);
  const isFail = tool === 'fail';

  return (
    <div className="toolbar-group" role="group" aria-label={t('toolbar.edit')}>
      <button type="button" className="btn btn-icon" data-testid="btn-undo" disabled={!canUndo} onClick={() => useTopologyStore.getState().undo()} title={t('toolbar.undo')} aria-label={t('toolbar.undo')}>
        <Icon name="undo" />
      </button>
      <button type="button" className="btn btn-icon" data-testid="btn-redo" disabled={!canRedo} onClick={() => useTopologyStore.getState().redo()} title={t('toolbar.redo')} aria-label={t('toolbar.redo')}>
        <Icon name="redo" />
      </button>
      <span className="toolbar-sep" aria-hidden="true" />
      <button
        type="button"
        className="btn"
        data-testid="btn-make-lag"
        disabled={links.length === 0}
        onClick={() => useTopologyStore.getState().makeLag(links)}
        title={links.length === 0 ? t('toolbar.makeLagHintNone') : t('toolbar.makeLagHint', { count: links.length })}
      >
        <Icon name="lag" />
        <span>{t('toolbar.makeLag')}</span>
      </button>
      <button
        type="button"
        className={isFail ? 'btn btn-danger-toggle is-on' : 'btn btn-danger-toggle'}
        data-testid="btn-fail-tool"
        aria-pressed={isFail}
        onClick={() => useUiStore.getState().setTool(isFail ? 'select' : 'fail')}
        title={t('toolbar.failToolHint')}
      >
        <Icon name="bolt" />
        <span>{t('toolbar.failTool')}</span>
      </button>
    </div>
  );
}
