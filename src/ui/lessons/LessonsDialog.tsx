/**
 * The lesson list (issue 6): each lesson with its title, goal and done mark, a Start button that
 * loads its lab, and a button copying the link that opens it. A modal opened from the toolbar.
 */
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LESSONS } from '../../lessons/lessons';
import { useLessonStore } from '../../store/lessonStore';
import { Icon } from '../toolbar/Icon';
import { useEscapeKey } from '../useEscapeKey';
import './lessons.css';
import { lessonLink, startLesson } from './startLesson';

function LessonsBody({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const done = useLessonStore((s) => s.done);
  const [copied, setCopied] = useState<string | null>(null);

  const onCopy = (id: string) => {
    void navigator.clipboard?.writeText(lessonLink(id)).then(
      () => setCopied(id),
      () => setCopied(null),
    );
  };

  return (
    <div className="modal lessons-modal" role="dialog" aria-modal="true" aria-labelledby="lessons-title" data-testid="lessons-dialog">
      <header className="modal-head">
        <h2 id="lessons-title" className="modal-title">
          {t('lessons.title')}
        </h2>
        <span className="muted small" data-testid="lessons-progress">
          {t('lessons.progress', { done: LESSONS.filter((l) => done.includes(l.id)).length, total: LESSONS.length })}
        </span>
        <button type="button" className="btn btn-icon" data-testid="lessons-close" onClick={onClose} aria-label={t('lessons.close')} title={t('lessons.close')}>
          <Icon name="close" />
        </button>
      </header>
      <div className="modal-body">
        <p className="muted small">{t('lessons.intro')}</p>
        <ol className="lessons-list">
          {LESSONS.map((lesson, i) => {
            const isDone = done.includes(lesson.id);
            return (
              <li key={lesson.id} className="lessons-item" data-testid="lesson-item" data-lesson={lesson.id} data-done={isDone}>
                <span className={isDone ? 'lessons-num is-done' : 'lessons-num'} aria-label={isDone ? t('lessons.done') : undefined}>
                  {isDone ? '✓' : i + 1}
                </span>
                <div className="lessons-text">
                  <strong>{t(`lessons.items.${lesson.id}.title`)}</strong>
                  <span className="muted small">{t(`lessons.items.${lesson.id}.goal`)}</span>
                </div>
                <button type="button" className="btn btn-icon" data-testid="lesson-link" onClick={() => onCopy(lesson.id)} title={t('lessons.copyLink')} aria-label={t('lessons.copyLink')}>
                  <Icon name={copied === lesson.id ? 'check' : 'link'} />
                </button>
                <button type="button" className="btn" data-testid="lesson-start" onClick={() => startLesson(lesson.id)}>
                  {isDone ? t('lessons.again') : t('lessons.start')}
                </button>
              </li>
            );
          })}
        </ol>
      </div>
    </div>
  );
}

export function LessonsDialog() {
  const isOpen = useLessonStore((s) => s.isOpen);
  const close = useCallback(() => useLessonStore.getState().setOpen(false), []);
  useEscapeKey(isOpen, close);
  if (!isOpen) return null;
  return (
    <div className="modal-backdrop" onClick={(e) => e.target === e.currentTarget && close()}>
      <LessonsBody onClose={close} />
    </div>
  );
}
