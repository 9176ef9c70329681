/**
 * A restartable protocol timer (current_while, periodic_timer, wait_while…). Restarting it to a
 * later deadline does not touch the heap: the pending event re-arms itself when it fires early.
 * LACP restarts current_while on every received PDU, so this keeps the heap small and fast.
 */
import type { ScheduledEvent, Scheduler, VirtualUs } from './scheduler';

export class Timer {
  private deadline: VirtualUs = -1;
  private pending: ScheduledEvent | null = null;

  constructor(
    private readonly scheduler: Scheduler,
    private readonly onExpire: () => void,
  ) {}

  /** True while the timer runs. */
  get isRunning(): boolean {
    return this.deadline >= 0;
  }

  /** Absolute expiry time, or -1 when stopped. */
  get expiresAt(): VirtualUs {
    return this.deadline;
  }

  /** (Re)starts the timer to expire `durationUs` from now. */
  start(durationUs: VirtualUs): void {
    this.deadline = this.scheduler.now + durationUs;
    if (this.pending && this.pending.time <= this.deadline) return;
    this.pending?.cancel();
    this.pending = this.scheduler.at(this.deadline, this.fire);
  }

  /** Stops the timer; it will not expire. */
  stop(): void {
    this.deadline = -1;
    this.pending?.cancel();
    this.pending = null;
  }

  private readonly fire = (): void => {
    this.pending = null;
    if (this.deadline < 0) return;
    if (this.scheduler.now < this.deadline) {
      this.pending = this.scheduler.at(this.deadline, this.fire);
      return;
    }
    this.deadline = -1;
    this.onExpire();
  };
}
