/**
 * The active lesson's floating card: title, the explanation (collapsed), the goal with its live
 * ✓ / ✗ state and what is still missing, and the hint. Marks the lesson done when the goal is met.
 */
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { lessonById } from '../../lessons/lessons';
import type { Lesson } from '../../lessons/types';
import { useLessonStore } from '../../store/lessonStore';
import { Icon } from '../toolbar/Icon';
import './lessons.css';
import { useLessonGoal } from './useLessonGoal';

function Card({ lesson }: { lesson: Lesson }) {
  const { t } = useTranslation();
  const goal = useLessonGoal(lesson);
  const base = `lessons.items.${lesson.id}`;

  useEffect(() => {
    if (goal.met) useLessonStore.getState().markDone(lesson.id);
  }, [goal.met, lesson.id]);

  return (
    <aside className="lesson-card" role="complementary" aria-labelledby="lesson-card-title" data-testid="lesson-card" data-met={goal.met}>
      <header className="lesson-card-head">
        <span className="lesson-card-kicker">{t('lessons.kicker')}</span>
        <h2 id="lesson-card-title" className="lesson-card-title">
          {t(`${base}.title`)}
        </h2>
        <button type="button" className="btn btn-icon" data-testid="lesson-end" onClick={() => useLessonStore.getState().setActive(null)} aria-label={t('lessons.end')} title={t('lessons.end')}>
          <Icon name="close" />
        </button>
      </header>
      <details className="lesson-explain">
        <summary>{t('lessons.explain')}</summary>
        <p>{t(`${base}.explain`)}</p>
      </details>
      <div className={goal.met ? 'lesson-goal is-met' : 'lesson-goal'} data-testid="lesson-goal">
        <span className="lesson-goal-mark" aria-hidden="true">
          {goal.met ? '✓' : '✗'}
        </span>
        <div>
          <strong>{t('lessons.goal')}</strong> {t(`${base}.goal`)}
          <p className="small" data-testid="lesson-goal-detail">
            {t(`lessons.detail.${goal.detail}`, goal.values ?? {})}
          </p>
        </div>
      </div>
      {!goal.met && (
        <details className="lesson-hint">
          <summary>{t('lessons.hint')}</summary>
          <p>{t(`${base}.hint`)}</p>
        </details>
      )}
    </aside>
  );
}

export function GoalCard() {
  const activeId = useLessonStore((s) => s.activeId);
  const lesson = activeId ? lessonById(activeId) : undefined;
  return lesson ? <Card key={lesson.id} lesson={lesson} /> : null;
}
