/**
 * Spanning tree on one switch: takes BPDUs off the wire (registered before the relay, so BPDUs
 * never reach it), follows bridge ports as links and LAGs come and go, runs the RSTP or legacy STP
 * engine and tells the relay which ports may learn and forward (DeviceServices.stp).
 */
import { CodecError } from '../codecs/errors';
import type { Bpdu } from '../codecs/bpdu';
import { decodeBpduFrame } from '../codecs/bpdu';
import type { Network } from '../device/network';
import type { LagService, StpForwardingState, StpRapidAgeing, StpService } from '../device/services';
import type { ProtocolHandler, SimDevice, SimPort } from '../device/types';
import type { EventSink } from '../events';
import { Timer } from '../scheduler';
import { ingressPort } from '../l2/bridgePorts';
import { LegacyBridge } from './legacy/legacyBridge';
import type { LagLookup, PortNumbering } from './bridgePorts';
import { portLink, portName, portSettings, scanBridgePorts, transmitMember } from './bridgePorts';
import type { BridgeKey } from './priorityVector';
import { bridgeKey } from './priorityVector';
import type { BpduTransmitter } from './reporter';
import { StpReporter } from './reporter';
import { RstpBridge } from './rstp/rstpBridge';
import type { EngineIo, PortLink, PortView, RootView, SharedBpduReceiver, SpanningTreeEngine, StpMcLag } from './types';

/** Frames to the Bridge Group Address 01-80-C2-00-00-00 belong to spanning tree (802.1D-2004 7.12). */
function isBridgeGroupFrame(frame: Uint8Array): boolean {
  return frame[0] === 0x01 && frame[1] === 0x80 && frame[2] === 0xc2 && frame[3] === 0 && frame[4] === 0 && frame[5] === 0;
}

type FlushListener = (bp?: string, rapid?: StpRapidAgeing) => void;

/** What the handler remembers of a bridge port. */
interface PortRecord {
  link: PortLink;
}

/** What a simulation shares with every switch's spanning tree. */
export interface StpContext {
  network: Network;
  emit: EventSink;
  tx: BpduTransmitter;
  lags: (device: string) => LagLookup;
  /** The device's MC-LAG pair, when it is an MC-LAG peer (read when its spanning tree is built). */
  mclag?: (device: string) => StpMcLag | undefined;
}

/** One port as the handler reports it (tests, inspection). */
export interface StpPortSnapshot extends PortView {
  port: string;
}

export class SpanningTree implements ProtocolHandler, StpService, SharedBpduReceiver {
  readonly engine: SpanningTreeEngine;
  readonly mode: 'stp' | 'rstp';
  private readonly records = new Map<string, PortRecord>();
  private readonly flushListeners: FlushListener[] = [];
  private readonly reporter: StpReporter;
  private readonly lags: LagLookup;
  /** The LAG service this handler listens to (it may appear, or be replaced, after us). */
  private subscribedLag: LagService | undefined;
  private isFrozen = false;
  /** Set on an MC-LAG peer: the pair is one bridge (shared identity, peer-link inside it). */
  private readonly pair: StpMcLag | undefined;
  private readonly numbering: PortNumbering | undefined;
  /** The Bridge Identifier this bridge sends (the pair's on an MC-LAG peer). */
  private readonly bridgeId: BridgeKey;
  /**
   * Looks at the bridge ports again every Hello Time: carrier and LAG changes are followed at once,
   * but a LAG added or removed by a live edit notifies nobody that already listens.
   */
  private readonly resync: Timer;

  constructor(
    readonly device: SimDevice,
    private readonly ctx: StpContext,
  ) {
    const cfg = device.config.stp;
    this.mode = cfg.mode === 'stp' ? 'stp' : 'rstp';
    this.lags = ctx.lags(device.id);
    const pair = ctx.mclag?.(device.id);
    this.pair = pair;
    this.numbering = pair && { offset: pair.portOffset, lagNumber: (lag) => pair.mcLagPortNumber(lag) };
    this.reporter = new StpReporter(ctx.network, ctx.emit, device.id);
    const io: EngineIo = {
      scheduler: ctx.network.scheduler,
      transmit: (bp, bpdu) => this.transmit(bp, bpdu),
      flush: (bp, rapid) => {
        for (const l of this.flushListeners) l(bp, rapid);
      },
      settled: () => this.report(),
    };
    const identity = pair ? { priority: pair.priority, mac: pair.mac } : { priority: cfg.priority, mac: device.config.mac };
    this.bridgeId = bridgeKey(identity);
    const settings = { ...identity, helloMs: cfg.helloMs, maxAgeMs: cfg.maxAgeMs, forwardDelayMs: cfg.forwardDelayMs };
    this.engine = this.mode === 'rstp' ? new RstpBridge(settings, io) : new LegacyBridge(settings, io);
    this.resync = new Timer(ctx.network.scheduler, () => {
      this.sync();
      this.resync.start(cfg.helloMs * 1000);
    });
    device.services.stp = this;
    this.start();
  }

  /** BEGIN, then the ports as they are now. */
  private start(): void {
    this.isFrozen = false;
    this.engine.begin();
    this.sync();
    this.resync.start(this.device.config.stp.helloMs * 1000);
  }

  /** Every machine and timer stops. */
  private stop(): void {
    this.engine.freeze();
    this.resync.stop();
    this.isFrozen = true;
  }

  /** StpService: how the relay treats a bridge port now. */
  portState(bp: string): StpForwardingState {
    // vPC / MLAG: the peer-link is inside the pair's one bridge, never an STP port, never blocked.
    if (bp === this.pair?.peerLinkPort) return 'forwarding';
    let rec = this.records.get(bp);
    if (!rec?.link.isEnabled && !this.isFrozen) {
      this.sync();
      rec = this.records.get(bp);
    }
    if (!rec?.link.isEnabled) return 'discarding';
    return this.engine.view(bp)?.forwarding ?? 'discarding';
  }

  /** StpService: topology-change flushes for the relay's filtering database. */
  subscribeFlush(listener: FlushListener): void {
    this.flushListeners.push(listener);
  }

  /**
   * Follows the bridge ports: new ones are added, enabled ones whose link or LAG went away are
   * disabled, a LAG's cost follows its distributing members. The LAG service may appear after this
   * handler (a LAG added while the lab runs), so its subscription is taken when first seen.
   */
  sync(): void {
    if (this.isFrozen || this.device.isFailed) return;
    const lag = this.device.services.lag;
    if (lag && lag !== this.subscribedLag) {
      this.subscribedLag = lag;
      lag.subscribe(() => {
        if (this.device.services.lag === lag) this.sync();
      });
    }
    const changes: [string, PortLink][] = [];
    const seen = new Set<string>();
    for (const { bp, members } of scanBridgePorts(this.device)) {
      if (bp === this.pair?.peerLinkPort) continue;
      seen.add(bp);
      let rec = this.records.get(bp);
      const link = portLink(this.device, bp, this.lags, members, this.mode, rec?.link.pathCost ?? 0);
      if (!rec) {
        if (!link.isEnabled) continue;
        this.engine.addPort(portSettings(this.device, bp, this.lags, members, this.numbering));
        rec = { link: { isEnabled: false, pathCost: 0, isPointToPoint: true } };
        this.records.set(bp, rec);
      }
      if (!sameLink(rec.link, link)) changes.push([bp, link]);
      rec.link = link;
    }
    for (const [bp, rec] of this.records) {
      if (seen.has(bp) || !rec.link.isEnabled) continue;
      rec.link = { ...rec.link, isEnabled: false };
      changes.push([bp, rec.link]);
    }
    if (changes.length > 0) this.engine.applyLinks(changes);
  }

  private transmit(bp: string, bpdu: Bpdu): void {
    if (this.isFrozen || this.device.isFailed) return;
    const member = transmitMember(this.device, bp);
    if (member) this.ctx.tx.send(member, bpdu);
  }

  private report(): void {
    const root = this.engine.root();
    for (const bp of this.records.keys()) {
      const view = this.engine.view(bp);
      if (view) this.reporter.report(bp, portName(bp), view, root);
    }
  }

  onFrame(port: SimPort, frame: Uint8Array): boolean {
    if (!isBridgeGroupFrame(frame)) return false;
    if (this.isFrozen || this.device.isFailed) return true;
    const bp = ingressPort(this.device, port);
    if (bp === null) return true;
    if (!this.records.get(bp)?.link.isEnabled) this.sync();
    if (!this.records.get(bp)?.link.isEnabled) return true;
    const bpdu = decode(frame);
    if (!bpdu || this.isOwnLoopback(bp, bpdu)) return true;
    this.engine.receive(bp, bpdu);
    if (bp.startsWith('l:') && this.pair?.isMcLagPort(portName(bp))) this.pair.partner()?.receiveShared(bp, bpdu);
    return true;
  }

  /**
   * The other peer received `bpdu` on MC-LAG port `bp`: our half of that port hears it too, so
   * both halves of the pair's one port agree (vPC relays vPC ports' BPDUs over the peer-link).
   */
  receiveShared(bp: string, bpdu: Bpdu): void {
    if (this.isFrozen || this.device.isFailed) return;
    if (!this.records.get(bp)?.link.isEnabled) this.sync();
    if (this.records.get(bp)?.link.isEnabled) this.engine.receive(bp, bpdu);
  }

  /** 9.3.4: a Configuration BPDU carrying this port's own Bridge and Port Identifier is our own, looped back. */
  private isOwnLoopback(bp: string, bpdu: Bpdu): boolean {
    if (bpdu.kind === 'tcn') return false;
    if (bridgeKey(bpdu.bridgeId) !== this.bridgeId) return false;
    return portSettings(this.device, bp, this.lags, [], this.numbering).portId === bpdu.portId.raw;
  }

  onCarrier(): void {
    this.sync();
  }

  /** Power off: every port is disabled and the machines stop; power on: BEGIN. */
  onPower(isOn: boolean): void {
    if (isOn) {
      this.start();
      return;
    }
    const changes: [string, PortLink][] = [];
    for (const [bp, rec] of this.records) {
      rec.link = { ...rec.link, isEnabled: false };
      changes.push([bp, rec.link]);
    }
    this.engine.applyLinks(changes);
    this.stop();
  }

  /** Muted: the machines stop and the ports keep their last state (the ASIC does); unmuted: BEGIN. */
  onMute(isMuted: boolean): void {
    if (isMuted) this.stop();
    else this.start();
  }

  /** Stops everything (the device is being removed). */
  destroy(): void {
    this.stop();
    if (this.device.services.stp === this) delete this.device.services.stp;
  }

  /** Every STP port as it stands now, in the order they appeared. */
  ports(): StpPortSnapshot[] {
    const out: StpPortSnapshot[] = [];
    for (const bp of this.records.keys()) {
      const view = this.engine.view(bp);
      if (view) out.push({ port: portName(bp), ...view });
    }
    return out;
  }

  /** The root this bridge believes in. */
  root(): RootView {
    return this.engine.root();
  }
}

function sameLink(a: PortLink, b: PortLink): boolean {
  return a.isEnabled === b.isEnabled && a.pathCost === b.pathCost && a.isPointToPoint === b.isPointToPoint;
}

/** Decodes a BPDU frame; anything malformed is dropped (802.1D-2004 9.3.4 validation). */
function decode(frame: Uint8Array): Bpdu | null {
  try {
    const { bpdu } = decodeBpduFrame(frame);
    // Linux br_stp_rcv: a Configuration BPDU older than its Max Age is discarded.
    if (bpdu.kind === 'config' && bpdu.messageAge > bpdu.maxAge) return null;
    return bpdu;
  } catch (err) {
    if (err instanceof CodecError) return null;
    throw err;
  }
}
