/** Share, export the lab as JSON (a download) and import a JSON file. */
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { exportJson } from '../../store/persistence';
import { importLab } from '../../store/session';
import { useTopologyStore } from '../../store/topologyStore';
import { useUiStore } from '../uiStore';
import { downloadBlob } from './download';
import { Icon } from './Icon';

export function FileTools() {
  const { t } = useTranslation();
  const input = useRef<HTMLInputElement>(null);

  const onExport = () => {
    const { text, filename } = exportJson(useTopologyStore.getState().doc);
    downloadBlob(new Blob([text], { type: 'application/json' }), filename);
  };

  const onImport = async (file: File | undefined) => {
    if (!file) return;
    importLab(await file.text());
    if (input.current) input.current.value = '';
  };

  return (
    <div className="toolbar-group" role="group" aria-label={t('toolbar.file')}>
      <button type="button" className="btn btn-accent" data-testid="btn-share" onClick={() => useUiStore.getState().setShareOpen(true)} title={t('toolbar.shareHint')}>
        <Icon name="share" />
        <span>{t('toolbar.share')}</span>
      </button>
      <button type="button" className="btn btn-icon" data-testid="btn-export" onClick={onExport} title={t('toolbar.exportHint')} aria-label={t('toolbar.export')}>
        <Icon name="download" />
      </button>
      <button type="button" className="btn btn-icon" data-testid="btn-import" onClick={() => input.current?.click()} title={t('toolbar.importHint')} aria-label={t('toolbar.import')}>
        <Icon name="upload" />
      </button>
      <input
        ref={input}
        type="file"
        accept=".json,application/json"
        className="visually-hidden"
        tabIndex={-1}
        data-testid="input-import"
        aria-label={t('toolbar.import')}
        onChange={(e) => void onImport(e.currentTarget.files?.[0])}
      />
    </div>
  );
}
