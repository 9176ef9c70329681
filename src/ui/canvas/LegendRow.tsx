/** One row of the canvas legend: a small swatch and a short name, the full explanation as its tooltip. */
import type { ReactNode } from 'react';

export interface RowProps {
  name: string;
  detail: string;
  /** SVG content of a 26 × 12 swatch. */
  children?: ReactNode;
  /** A swatch drawn in HTML instead (badges, lettered ports). */
  html?: ReactNode;
}

export function Row({ name, detail, children, html }: RowProps) {
  return (
    <li title={detail}>
      {html ?? (
        <svg className="legend-swatch" width="26" height="12" viewBox="0 0 26 12" aria-hidden="true">
          {children}
        </svg>
      )}
      <span>{name}</span>
    </li>
  );
}
