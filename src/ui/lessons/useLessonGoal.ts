/** The active lesson's goal, checked live against the document and the overlay maps. */
import { useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { Lesson, GoalResult, LessonLive } from '../../lessons/types';
import { useLiveMaps } from '../../store/overlayStore';
import { useTopologyStore } from '../../store/topologyStore';

export function useLessonGoal(lesson: Lesson): GoalResult {
  const doc = useTopologyStore((s) => s.doc);
  const live: LessonLive = useLiveMaps(
    useShallow((s) => ({ links: s.links, lags: s.lags, stp: s.stp, bonds: s.bonds, flows: s.flows, vrrp: s.vrrp, outages: s.outages, traffic: s.traffic })),
  );
  return useMemo(() => lesson.check(doc, live), [lesson, doc, live]);
}
