/** The top bar: title and examples, editing tools, time, sharing and files, language. */
import { useTranslation } from 'react-i18next';
import { EditTools } from './EditTools';
import { ExamplesMenu } from './ExamplesMenu';
import { FileTools } from './FileTools';
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
      <FileTools />
      <LanguageSwitch />
    </header>
  );
}
