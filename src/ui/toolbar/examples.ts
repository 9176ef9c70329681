/** The shipped example labs (`examples/*.json`), bundled at build time. */
import type { Topology } from '../../model';

const files = import.meta.glob<Topology>('../../../examples/*.json', { eager: true, import: 'default' });

export interface ExampleLab {
  /** File name without `.json`, e.g. `active-active`. */
  id: string;
  doc: Topology;
}

/** The page's default lab (store/persistence.ts), listed first. */
const MAIN_LAB = 'reference-lab';

/** Every example, the main lab (`reference-lab`) first, then by file name. */
export const EXAMPLES: readonly ExampleLab[] = Object.entries(files)
  .map(([path, doc]) => ({ id: /([\w-]+)\.json$/.exec(path)?.[1] ?? path, doc }))
  .sort((a, b) => (a.id === MAIN_LAB ? -1 : b.id === MAIN_LAB ? 1 : a.id.localeCompare(b.id)));

/** A lab's title or description in the given language, falling back to the document's own. */
export function labText(doc: Topology, field: 'title' | 'description', lang: string): string | undefined {
  const meta = doc.meta;
  if (!meta) return undefined;
  const short = lang.split('-')[0] ?? lang;
  return meta.i18n?.[short]?.[field] ?? meta[field];
}
