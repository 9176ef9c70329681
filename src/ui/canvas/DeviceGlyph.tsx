/** The pictogram of a device type on its card: switch, router / L3 switch, server, internet. */
import type { JSX } from 'react';
import type { DeviceType } from '../../model';

function Switch() {
  return (
    <>
      <rect x="3" y="8" width="26" height="16" rx="3.5" fill="var(--dev-switch, #4f6bed)" />
      <path d="M8 13h11l-2.5-2.5M24 19H13l2.5 2.5" fill="none" stroke="#fff" strokeWidth="1.8" strokeLinecap="round" strokeLinejoin="round" />
    </>
  );
}

function Router() {
  return (
    <>
      <circle cx="16" cy="16" r="12.5" fill="var(--dev-router, #0e9bb5)" />
      <path
        d="M16 6.5v6.5M13.5 9 16 6.5 18.5 9M16 25.5V19M13.5 23l2.5 2.5 2.5-2.5M6.5 16H13M9 13.5 6.5 16 9 18.5M25.5 16H19M23 13.5l2.5 2.5-2.5 2.5"
        fill="none"
        stroke="#fff"
        strokeWidth="1.6"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </>
  );
}

function Host() {
  return (
    <>
      <rect x="7" y="3.5" width="18" height="25" rx="3" fill="var(--dev-host, #52607a)" />
      <path d="M11 9.5h10M11 14h10M11 18.5h10" stroke="#fff" strokeWidth="1.8" strokeLinecap="round" opacity="0.9" />
      <circle cx="21" cy="24" r="1.3" fill="#7ee2a8" />
    </>
  );
}

function Upstream() {
  return <path d="M9.5 25a6.5 6.5 0 0 1-.8-12.95A8.5 8.5 0 0 1 25 11.2a6.9 6.9 0 0 1-.9 13.8z" fill="var(--dev-upstream, #5b9cf0)" />;
}

const SHAPES: Record<DeviceType, () => JSX.Element> = { switch: Switch, router: Router, host: Host, upstream: Upstream };

export function DeviceGlyph({ type, size = 28 }: { type: DeviceType; size?: number }) {
  const Shape = SHAPES[type];
  return (
    <svg width={size} height={size} viewBox="0 0 32 32" aria-hidden="true" focusable="false">
      <Shape />
    </svg>
  );
}
