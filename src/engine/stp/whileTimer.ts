/**
 * A "…While" timer of 802.1D-2004 17.17 in continuous virtual time. The standard's timers count
 * down once a second (17.22) and some states re-enter themselves "while the timer differs from its
 * value" to keep it full (ALTERNATE_PORT keeps fdWhile at forwardDelay, ROOT_PORT keeps rrWhile
 * at FwdDelay…). Here such a state `hold`s the timer at its value; leaving the state `release`s it,
 * and only then does it count down — the same behaviour without a one-second tick.
 */
import type { Scheduler } from '../scheduler';
import { Timer } from '../scheduler';

export class WhileTimer {
  private held: number | null = null;
  private readonly timer: Timer;

  constructor(
    private readonly scheduler: Scheduler,
    onExpire: () => void,
  ) {
    this.timer = new Timer(scheduler, onExpire);
  }

  /** `timer == 0` in the standard's conditions. */
  get isZero(): boolean {
    return this.held === null ? !this.timer.isRunning : this.held <= 0;
  }

  /** Time left in µs (the held value while held). */
  get remainingUs(): number {
    if (this.held !== null) return this.held;
    return this.timer.isRunning ? this.timer.expiresAt - this.scheduler.now : 0;
  }

  /** `timer = value`: starts counting down from `us` (0 stops it). */
  set(us: number): void {
    this.held = null;
    if (us <= 0) this.timer.stop();
    else this.timer.start(us);
  }

  /** Keeps the timer at `us` until released; returns true when that changed anything. */
  hold(us: number): boolean {
    if (this.held === us) return false;
    this.timer.stop();
    this.held = us;
    return true;
  }

  /** True while held at exactly `us` (the standard's `timer == value` while a state keeps it full). */
  isHeldAt(us: number): boolean {
    return this.held === us;
  }

  /** The holding state was left: count down from the held value. */
  release(): void {
    if (this.held === null) return;
    const us = this.held;
    this.held = null;
    this.set(us);
  }

  /** Stops the timer without expiring (BEGIN, power off). */
  stop(): void {
    this.held = null;
    this.timer.stop();
  }
}
