/**
 * An MC-LAG domain: the two peers, who is whose partner, and the split-brain check (both
 * peers acting alone while both are alive — the dual-active danger the chapter warns about).
 */
import type { ResolvedLag, ResolvedMcLag } from '../../model';
import type { Network } from '../device/network';
import type { EventSink } from '../events';
import type { McLagPair } from './mclagPeer';
import { McLagPeer } from './mclagPeer';

export class McLagDomain implements McLagPair {
  readonly peers: [McLagPeer, McLagPeer];
  private isEvaluating = false;

  constructor(
    readonly config: ResolvedMcLag,
    network: Network,
    emit: EventSink,
    lagsOf: (device: string) => readonly ResolvedLag[],
  ) {
    const device = (id: string) => {
      const d = network.devices.get(id);
      if (!d) throw new Error(`unknown MC-LAG peer ${id}`);
      return d;
    };
    this.peers = [new McLagPeer(device(config.peers[0]), this, network, emit, lagsOf), new McLagPeer(device(config.peers[1]), this, network, emit, lagsOf)];
  }

  other(self: McLagPeer): McLagPeer {
    return this.peers[0] === self ? this.peers[1] : this.peers[0];
  }

  start(): void {
    for (const p of this.peers) p.start();
  }

  destroy(): void {
    for (const p of this.peers) p.destroy();
  }

  reevaluate(): void {
    if (this.isEvaluating) return;
    this.isEvaluating = true;
    try {
      for (const p of this.peers) p.evaluate();
      const [a, b] = this.peers;
      const alive = !a.device.isFailed && !b.device.isFailed;
      const dual = alive && a.state === 'peerDead' && b.state === 'peerDead';
      for (const p of this.peers) p.report(dual);
    } finally {
      this.isEvaluating = false;
    }
  }
}
