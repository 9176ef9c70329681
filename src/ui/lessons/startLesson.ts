/** Starting a lesson (its lab into the session) and the `#lesson=<id>` share link. */
import { lessonById } from '../../lessons/lessons';
import { useLessonStore } from '../../store/lessonStore';
import { loadDoc } from '../../store/session';
import { EXAMPLES } from '../toolbar/examples';

/** Loads the lesson's starting lab (without its scenario when the student is to break it) and shows its goal card; false for an unknown lesson or lab. */
export function startLesson(id: string): boolean {
  const lesson = lessonById(id);
  const lab = lesson && EXAMPLES.find((e) => e.id === lesson.lab);
  if (!lesson || !lab) return false;
  if (lesson.isByHand) {
    const { scenario: _scenario, ...doc } = lab.doc;
    loadDoc(doc);
  } else {
    loadDoc(lab.doc);
  }
  useLessonStore.setState({ activeId: id, isOpen: false });
  return true;
}

/** The lesson id of a location hash (`#lesson=<id>`, also among other `&`-separated parts). */
export function lessonIdFromHash(hash: string): string | null {
  const part = hash.replace(/^#/, '').split('&').find((p) => p.startsWith('lesson='));
  if (!part) return null;
  try {
    return decodeURIComponent(part.slice('lesson='.length)) || null;
  } catch {
    return null;
  }
}

/** The address that opens a lesson. */
export function lessonLink(id: string, location: Pick<Location, 'origin' | 'pathname' | 'search'> = window.location): string {
  return `${location.origin}${location.pathname}${location.search}#lesson=${encodeURIComponent(id)}`;
}

/**
 * Opens the lesson named in the address, if any, and removes the fragment so a reload keeps the
 * student's work instead of restarting the lesson. Returns the lesson started.
 */
export function openLessonFromHash(location: Location = window.location, history: History = window.history): string | null {
  const id = lessonIdFromHash(location.hash);
  if (!id || !startLesson(id)) return null;
  const rest = location.hash.replace(/^#/, '').split('&').filter((p) => !p.startsWith('lesson=')).join('&');
  history.replaceState(history.state, '', `${location.pathname}${location.search}${rest ? `#${rest}` : ''}`);
  return id;
}
