/**
 * Turns a bond's state into `bond` events, only when something a reader sees changed. Changes
 * are gathered until the end of the instant (like the LACP reporter), so a poll that declares a
 * slave down and picks a new active slave gives one event.
 */
import type { BondEvent, BondSlaveLink, EventSink } from '../events';
import type { Scheduler } from '../scheduler';
import { usToMs } from '../scheduler';

/** What a `bond` event says, minus time and identity. */
export interface BondView {
  active: string[];
  activeSlave: string | undefined;
  down: string[];
  mii: Record<string, BondSlaveLink>;
}

function key(v: BondView): string {
  return `${v.active.join(',')}|${v.activeSlave ?? ''}|${v.down.join(',')}|${Object.entries(v.mii).map(([k, s]) => `${k}=${s}`).join(',')}`;
}

export class BondReporter {
  private last: string | undefined;
  private isPending = false;
  private isStopped = false;

  constructor(
    private readonly scheduler: Scheduler,
    private readonly emit: EventSink,
    private readonly who: Pick<BondEvent, 'device' | 'bond' | 'mode'>,
    private readonly hasActiveSlave: boolean,
    private readonly view: () => BondView,
  ) {}

  /** Checks the bond at the end of the current instant. */
  schedule(): void {
    if (this.isPending || this.isStopped) return;
    this.isPending = true;
    this.scheduler.at(this.scheduler.now, this.onInstantEnd);
  }

  /** No more events (the bond was removed). */
  stop(): void {
    this.isStopped = true;
  }

  private readonly onInstantEnd = (): void => {
    this.isPending = false;
    if (!this.isStopped) this.flush();
  };

  private flush(): void {
    const v = this.view();
    const k = key(v);
    if (k === this.last) return;
    this.last = k;
    const activeSlave = this.hasActiveSlave && v.activeSlave !== undefined ? { activeSlave: v.activeSlave } : {};
    const event: BondEvent = { t: usToMs(this.scheduler.now), type: 'bond', ...this.who, active: v.active, ...activeSlave, down: v.down, mii: v.mii };
    this.emit(event);
  }
}
