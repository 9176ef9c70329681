/** A guided lesson: a starting lab and a goal the app checks live (texts in i18n `lessons.items.<id>`). */
import type { Topology } from '../model';
import type { LiveMaps } from '../store/overlayStore';

/** What a goal check reads of the live overlay. */
export type LessonLive = Pick<LiveMaps, 'links' | 'lags' | 'stp' | 'bonds' | 'flows' | 'vrrp' | 'outages' | 'traffic'>;

export interface GoalResult {
  met: boolean;
  /** i18n key under `lessons.detail`, saying what is missing (or that the goal is met). */
  detail: string;
  values?: Record<string, string | number>;
}

/** A pure function of the document and the live maps. */
export type GoalCheck = (doc: Topology, live: LessonLive) => GoalResult;

export interface Lesson {
  /** Stable id, used in `#lesson=<id>` and in saved progress. */
  id: string;
  /** The example lab (`examples/<lab>.json`) the lesson starts from. */
  lab: string;
  /** The student breaks it: the lab starts without its example's scenario (which would meet the goal by itself). */
  isByHand?: boolean;
  check: GoalCheck;
}
