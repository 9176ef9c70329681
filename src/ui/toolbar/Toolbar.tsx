/** The top bar: title and examples, editing tools, time, the failover report and the SPoF panel, sharing and files, language. */
import { useTranslation } from 'react-i18next';
import { useAnalysisUi } from '../analysis/analysisUi';
import { useLessonStore } from '../../store/lessonStore';
import { useReportUi } from '../report/reportUi';
import { EditTools } from './EditTools';
import { ExamplesMenu } from './ExamplesMenu';
import { FileTools } from './FileTools';
import { Icon } from './Icon';
import { LabTitle } from './LabTitle';
import { LanguageSwitch } from './LanguageSwitch';
import { TimeControls } from './TimeControls';
import { useTimeShortcuts } from './useTimeShortcuts';

export function Toolbar() {
  const { t } = useTranslation();
  useTimeShortcuts();
  return (
    <header className="toolbar" role="toolbar" aria-label={t('toolbar.label')}>
      <LabTitle />
      <ExamplesMenu />
      <EditTools />
      <div className="toolbar-spacer" />
      <TimeControls />
      <div className="toolbar-spacer" />
      <button type="button" className="btn btn-collapsible" data-testid="btn-report" onClick={() => useReportUi.getState().setOpen(true)} title={t('toolbar.reportHint')} aria-label={t('toolbar.report')}>
        <Icon name="activity" />
        <span className="btn-text">{t('toolbar.report')}</span>
      </button>
      <button type="button" className="btn btn-collapsible" data-testid="btn-analysis" onClick={() => useAnalysisUi.getState().setOpen(true)} title={t('toolbar.analysisHint')} aria-label={t('toolbar.analysis')}>
        <Icon name="alert" />
        <span className="btn-text">{t('toolbar.analysis')}</span>
      </button>
      <button type="button" className="btn btn-collapsible" data-testid="btn-lessons" onClick={() => useLessonStore.getState().setOpen(true)} title={t('toolbar.lessonsHint')} aria-label={t('toolbar.lessons')}>
        <Icon name="book" />
        <span className="btn-text">{t('toolbar.lessons')}</span>
      </button>
      <FileTools />
      <LanguageSwitch />
    </header>
  );
}
