/**
 * Where the lessons live in the page: opens the lesson of a `#lesson=<id>` address once the lab
 * session has started, and renders the lesson list and the goal card (split out, loaded on first
 * use) only while open or active.
 */
import { lazy, Suspense, useEffect } from 'react';
import { useLessonStore } from '../../store/lessonStore';
import { loadPanelTexts } from '../i18n';
import { openLessonFromHash } from './startLesson';

// Each waits for the lessons' English texts too (Korean comes whole with the language).
const LessonsDialog = lazy(() => Promise.all([import('./LessonsDialog'), loadPanelTexts()]).then(([m]) => ({ default: m.LessonsDialog })));
const GoalCard = lazy(() => Promise.all([import('./GoalCard'), loadPanelTexts()]).then(([m]) => ({ default: m.GoalCard })));

export function LessonsMount() {
  const isOpen = useLessonStore((s) => s.isOpen);
  const isActive = useLessonStore((s) => s.activeId !== null);

  useEffect(() => {
    // Child effects run before App's: wait a tick so the session (and its initial lab) starts first.
    const timer = setTimeout(() => openLessonFromHash(), 0);
    const onHash = () => openLessonFromHash();
    window.addEventListener('hashchange', onHash);
    return () => {
      clearTimeout(timer);
      window.removeEventListener('hashchange', onHash);
    };
  }, []);

  return (
    <>
      <Suspense fallback={null}>{isOpen && <LessonsDialog />}</Suspense>
      <Suspense fallback={null}>{isActive && <GoalCard />}</Suspense>
    </>
  );
}
