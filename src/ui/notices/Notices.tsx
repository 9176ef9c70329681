/**
 * The message area: the topology store's notice (a refused edit, a bad file, a shared lab
 * opened) and the live lab's problem (a worker error or crash), translated with their params.
 * Info messages fade after a few seconds; errors stay until closed.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useOverlayStore } from '../../store/overlayStore';
import { useLabCommands } from '../../store/session';
import { useTopologyStore } from '../../store/topologyStore';
import { Icon } from '../toolbar/Icon';
import { noticeText } from './noticeText';
import { Toast } from './Toast';

/** How long an info message stays (ms). */
export const INFO_MS = 5000;

export function Notices() {
  const { t, i18n } = useTranslation();
  const notice = useTopologyStore((s) => s.notice);
  const problem = useOverlayStore((s) => s.problem);
  const commands = useLabCommands();
  const clearNotice = () => useTopologyStore.getState().clearNotice();
  // The overlay belongs to the bridge: closing a problem only hides this one locally.
  const [hidden, setHidden] = useState<object | null>(null);

  useEffect(() => {
    if (notice?.level !== 'info') return;
    const timer = setTimeout(() => {
      if (useTopologyStore.getState().notice === notice) useTopologyStore.getState().clearNotice();
    }, INFO_MS);
    return () => clearTimeout(timer);
  }, [notice]);

  const problemKey = problem?.key ?? '';
  const canRestart = problemKey === 'errors.worker.internal' || problemKey === 'errors.worker.crashed';

  return (
    <div className="notices" aria-live="polite">
      {notice && <Toast level={notice.level} text={noticeText(t, i18n, notice.key, notice.params)} onClose={clearNotice} />}
      {problem !== null && problem !== hidden && (
        <Toast
          level="error"
          text={noticeText(t, i18n, problem.key, problem.detail === undefined ? {} : { detail: problem.detail })}
          detail={problem.detail}
          onClose={() => setHidden(problem)}
          action={
            canRestart && (
              <button type="button" className="btn btn-subtle btn-small" data-testid="btn-restart-worker" onClick={() => { commands.restartWorker(); setHidden(problem); }}>
                <Icon name="restart" size={14} />
                <span>{t('errors.restart')}</span>
              </button>
            )
          }
        />
      )}
    </div>
  );
}
