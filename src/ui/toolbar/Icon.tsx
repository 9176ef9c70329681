/**
 * Small stroke icons (24×24 grid, drawn with `currentColor`) shared by the panels. Decorative:
 * the button or row that holds one carries the translated label.
 */
const CIRCLE = 'M12 2a10 10 0 1 0 0 20a10 10 0 1 0 0-20z';

const PATHS = {
  undo: ['M9 14 4 9l5-5', 'M4 9h10.5a5.5 5.5 0 0 1 0 11H11'],
  redo: ['m15 14 5-5-5-5', 'M20 9H9.5a5.5 5.5 0 0 0 0 11H13'],
  play: ['M7 4.5v15l12-7.5z'],
  pause: ['M7 4.5h3v15H7z', 'M14 4.5h3v15h-3z'],
  step: ['M5 5v14l9-7z', 'M18 5v14'],
  share: ['M4 12v7a2 2 0 0 0 2 2h12a2 2 0 0 0 2-2v-7', 'M16 6l-4-4-4 4', 'M12 2v13'],
  download: ['M12 3v12', 'M7 10l5 5 5-5', 'M5 21h14'],
  upload: ['M12 21V9', 'M7 14l5-5 5 5', 'M5 3h14'],
  lag: ['M7 5h10a3 3 0 0 1 3 3v8a3 3 0 0 1-3 3H7a3 3 0 0 1-3-3V8a3 3 0 0 1 3-3z', 'M1 10h22', 'M1 14h22'],
  bolt: ['M13 2 4 14h8l-1 8 9-12h-8l1-8z'],
  globe: [CIRCLE, 'M2 12h20', 'M12 2a15 15 0 0 1 0 20a15 15 0 0 1 0-20z'],
  book: ['M4 19.5A2.5 2.5 0 0 1 6.5 17H20V2H6.5A2.5 2.5 0 0 0 4 4.5z', 'M4 19.5A2.5 2.5 0 0 0 6.5 22H20v-5'],
  close: ['M18 6 6 18', 'M6 6l12 12'],
  chevronDown: ['m6 9 6 6 6-6'],
  link: ['M10 13a5 5 0 0 0 7.5.5l3-3a5 5 0 0 0-7-7l-1.7 1.7', 'M14 11a5 5 0 0 0-7.5-.5l-3 3a5 5 0 0 0 7 7l1.7-1.7'],
  alert: ['M10.3 3.9 1.8 18a2 2 0 0 0 1.7 3h17a2 2 0 0 0 1.7-3L13.7 3.9a2 2 0 0 0-3.4 0z', 'M12 9v4', 'M12 17h.01'],
  info: [CIRCLE, 'M12 16v-4', 'M12 8h.01'],
  envelope: ['M3 6h18v12H3z', 'm3 7 9 6 9-6'],
  activity: ['M22 12h-4l-3 9L9 3l-3 9H2'],
  check: ['M20 6 9 17l-5-5'],
  plus: ['M12 5v14', 'M5 12h14'],
  restart: ['M3 12a9 9 0 1 0 3-6.7L3 8', 'M3 3v5h5'],
  filter: ['M3 4h18l-7 8.5V19l-4 2v-8.5z'],
  unlink: ['M9 7 7.5 5.5a4 4 0 0 0-5.6 5.6L3.5 12.7', 'M15 17l1.5 1.5a4 4 0 0 0 5.6-5.6l-1.6-1.6', 'M8 2v3', 'M2 8h3', 'M16 22v-3', 'M22 16h-3'],
  arrowDown: ['M12 5v14', 'm19 12-7 7-7-7'],
} as const satisfies Record<string, readonly string[]>;

export type IconName = keyof typeof PATHS;

export function Icon({ name, size = 16 }: { name: IconName; size?: number }) {
  return (
    <svg
      className="icon"
      width={size}
      height={size}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth={2}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      {PATHS[name].map((d) => (
        <path key={d} d={d} />
      ))}
    </svg>
  );
}
