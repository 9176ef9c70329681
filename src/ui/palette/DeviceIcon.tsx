/** Device pictograms for the palette: switch, router / L3 switch, server, upstream cloud. */
import type { JSX } from 'react';
import type { DeviceType } from '../../model';

function Switch() {
  return (
    <>
      <rect x="3" y="8" width="26" height="16" rx="3.5" fill="var(--dev-switch)" />
      <path d="M8 13h10l-2.5-2.5M24 19H14l2.5 2.5" fill="none" stroke="#fff" strokeWidth="1.8" strokeLinecap="round" strokeLinejoin="round" />
    </>
  );
}

function Router() {
  return (
    <>
      <circle cx="16" cy="16" r="12" fill="var(--dev-router)" />
      <path d="M16 7v6M13.5 10.5 16 8l2.5 2.5M16 25v-6M13.5 21.5 16 24l2.5-2.5M7 16h6M10.5 13.5 8 16l2.5 2.5M25 16h-6M21.5 13.5 24 16l-2.5 2.5" fill="none" stroke="#fff" strokeWidth="1.6" strokeLinecap="round" strokeLinejoin="round" />
    </>
  );
}

function Host() {
  return (
    <>
      <rect x="7" y="4" width="18" height="24" rx="3" fill="var(--dev-host)" />
      <path d="M11 10h10M11 15h10M11 20h10" stroke="#fff" strokeWidth="1.8" strokeLinecap="round" opacity="0.9" />
      <circle cx="21" cy="24.5" r="1.2" fill="#fff" />
    </>
  );
}

function Upstream() {
  return <path d="M9.5 25a6.5 6.5 0 0 1-.8-12.95A8.5 8.5 0 0 1 25 11.2a6.9 6.9 0 0 1-.9 13.8z" fill="var(--dev-upstream)" />;
}

const SHAPES: Record<DeviceType, () => JSX.Element> = { switch: Switch, router: Router, host: Host, upstream: Upstream };

export function DeviceIcon({ type, size = 28 }: { type: DeviceType; size?: number }) {
  const Shape = SHAPES[type];
  return (
    <svg width={size} height={size} viewBox="0 0 32 32" aria-hidden="true" focusable="false">
      <Shape />
    </svg>
  );
}
