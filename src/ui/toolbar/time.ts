/** Clock and speed formatting for the time controls (pure, so tests call them directly). */
import { MAX_SPEED, MIN_SPEED } from '../../worker/protocol';

/** Virtual milliseconds as `mm:ss.mmm` (minutes keep growing past 59). */
export function formatClock(ms: number): string {
  const total = Math.max(0, Math.floor(ms));
  const minutes = Math.floor(total / 60_000);
  const seconds = Math.floor((total % 60_000) / 1000);
  const millis = total % 1000;
  return `${String(minutes).padStart(2, '0')}:${String(seconds).padStart(2, '0')}.${String(millis).padStart(3, '0')}`;
}

/** The slider runs 0…SLIDER_STEPS; its position maps to a speed on a log scale. */
export const SLIDER_STEPS = 300;
const LOG_MIN = Math.log10(MIN_SPEED);
const LOG_SPAN = Math.log10(MAX_SPEED) - LOG_MIN;

/** Speeds the slider snaps to when it passes close by (what a teacher asks for out loud). */
const NICE = [0.1, 0.25, 0.5, 1, 2, 5, 10, 25, 50, 100];

function roundSpeed(speed: number): number {
  const nice = NICE.find((n) => Math.abs(Math.log10(n) - Math.log10(speed)) < 0.03);
  if (nice !== undefined) return nice;
  const digits = speed < 1 ? 2 : speed < 10 ? 1 : 0;
  return Number(speed.toFixed(digits));
}

export function sliderToSpeed(position: number): number {
  const clamped = Math.min(SLIDER_STEPS, Math.max(0, position));
  return roundSpeed(10 ** (LOG_MIN + (clamped / SLIDER_STEPS) * LOG_SPAN));
}

export function speedToSlider(speed: number): number {
  const clamped = Math.min(MAX_SPEED, Math.max(MIN_SPEED, speed));
  return Math.round(((Math.log10(clamped) - LOG_MIN) / LOG_SPAN) * SLIDER_STEPS);
}

/** `0.25`, `1`, `2.5`, `100`: no trailing zeros. */
export function formatSpeed(speed: number): string {
  return String(Number(speed.toFixed(speed < 1 ? 2 : 1)));
}
