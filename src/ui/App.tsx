/**
 * The lab's page: toolbar on top, palette | canvas | inspector in the middle, the event log at
 * the bottom (its height dragged from its top edge), and the packet inspector, share dialog and
 * messages above it all. Starts the lab session once.
 */
import { useEffect } from 'react';
import type { CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import { startSession } from '../store/session';
import './app.css';
import { AnalysisDialog } from './analysis/AnalysisDialog';
import { Canvas } from './canvas/Canvas';
import { Inspector } from './inspector/Inspector';
import { LessonsMount } from './lessons/LessonsMount';
import { Notices } from './notices/Notices';
import { PacketInspector } from './packet/PacketInspector';
import { Palette } from './palette/Palette';
import { ReportMount } from './report/ReportMount';
import { ShareDialog } from './share/ShareDialog';
import { EventLog } from './timeline/EventLog';
import { ResizeHandle } from './timeline/ResizeHandle';
import { useResizableHeight } from './timeline/useResizableHeight';
import { Toolbar } from './toolbar/Toolbar';

export function App() {
  const { t } = useTranslation();
  const { height, onPointerDown, onKeyDown } = useResizableHeight();

  useEffect(() => {
    const session = startSession();
    return () => session.dispose();
  }, []);

  return (
    <div className="app" style={{ '--log-height': `${height}px` } as CSSProperties}>
      <Toolbar />
      <div className="workspace">
        <Palette />
        <div className="canvas-area" data-testid="canvas-area" role="region" aria-label={t('app.canvas')}>
          <Canvas />
        </div>
        <Inspector />
      </div>
      <div className="app-bottom">
        <ResizeHandle height={height} onPointerDown={onPointerDown} onKeyDown={onKeyDown} />
        <EventLog />
      </div>
      <Notices />
      <PacketInspector />
      <ShareDialog />
      <ReportMount />
      <AnalysisDialog />
      <LessonsMount />
    </div>
  );
}
