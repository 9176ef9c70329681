/**
 * One edge of a device card: the port names in a strip inside the card and, straddling the
 * border, one square React Flow handle per port. A handle is coloured by the port's LACP status
 * (a LAG member), its spanning-tree state (with its role's letter inside: R, D, A, B) or its bond
 * slave state, and is both source and target (the flow runs in loose mode), so a wire can start
 * from either end. The row reads its ports' live state itself (a narrow selector returning one
 * string), so a change re-renders this row, not the whole card.
 */
import { Handle, Position } from '@xyflow/react';
import type { TFunction } from 'i18next';
import { memo, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { LacpPortStatus, StpPortState, StpRole } from '../../engine/events';
import type { LiveMaps } from '../../store/overlayStore';
import { useLiveMaps } from '../../store/overlayStore';
import type { PortInfo } from './derive';
import type { BondSlaveState } from './l2View';
import { STP_LETTER, bondSlaveState, isStpBlocked, stpTone } from './l2View';
import type { PortSlot, Side } from './layout';
import { STRIP_HEIGHT } from './layout';
import { BOND_SLAVE_COLORS, COLORS, STP_TONE_COLORS, portColor } from './linkStyle';
import { memoT } from './memoT';

export interface PortRowProps {
  device: string;
  side: Side;
  slots: PortSlot[];
  ports: ReadonlyMap<string, PortInfo>;
}

/** A port's live state: LACP status, spanning-tree role and state, bond slave state. */
export interface PortLive {
  status: LacpPortStatus | null;
  role: StpRole | null;
  state: StpPortState | null;
  bond: BondSlaveState | null;
  /** The active-backup (tlb, alb) bond's current slave: the one port that receives. */
  isActiveSlave: boolean;
}

/** A slot's keys into the live maps, built once per row (the selector runs on every map change). */
interface SlotKeys {
  port: string;
  /** LACP member key (`device:port`), null for a port outside a LAG. */
  member: string | null;
  /** The STP port: the LAG's key for a member, else the port's. */
  stpLag: string | null;
  stpPort: string;
  bond: string | null;
}

function slotKeys(device: string, slot: PortSlot, info: PortInfo | undefined): SlotKeys {
  const own = `${device}:${slot.id}`;
  return {
    port: slot.id,
    member: info?.lag ? own : null,
    stpLag: info?.lag ? `${device}:${info.lag}` : null,
    stpPort: own,
    bond: info?.bond ? `${device}:${info.bond}` : null,
  };
}

/** One port's live state as `status/role/state/bond/*` (empty fields when absent). */
function portKey(s: LiveMaps, k: SlotKeys): string {
  const status = k.member !== null ? (s.ports[k.member]?.status ?? '') : '';
  const stp = (k.stpLag !== null ? s.stp[k.stpLag] : undefined) ?? s.stp[k.stpPort];
  const view = k.bond !== null ? s.bonds[k.bond] : undefined;
  const bond = view ? `${bondSlaveState(view, k.port) ?? ''}/${view.activeSlave === k.port ? '*' : ''}` : '/';
  return `${status}/${stp?.role ?? ''}/${stp?.state ?? ''}/${bond}`;
}

const orNull = <T extends string>(v: string | undefined): T | null => (v ? (v as T) : null);

/**
 * The live state of each slot's port. The selector returns one string (`distributing////,…`),
 * compared by value, so it allocates no array for the hundreds of rows a big lab has.
 */
function usePortLive(device: string, slots: readonly PortSlot[], ports: ReadonlyMap<string, PortInfo>): PortLive[] {
  const keys = useMemo(() => slots.map((slot) => slotKeys(device, slot, ports.get(slot.id))), [device, slots, ports]);
  const joined = useLiveMaps((s) => {
    let out = '';
    for (const k of keys) out += `${portKey(s, k)},`;
    return out;
  });
  return useMemo(
    () =>
      joined.split(',', keys.length).map((v) => {
        const [status, role, state, bond, current] = v.split('/');
        return { status: orNull<LacpPortStatus>(status), role: orNull<StpRole>(role), state: orNull<StpPortState>(state), bond: orNull<BondSlaveState>(bond), isActiveSlave: current === '*' };
      }),
    [joined, keys.length],
  );
}

/** The handle's fill: a blocked STP port red, else its LACP status, its STP state, its bond slave state. */
function handleColor(live: PortLive, isConnected: boolean): string {
  const blocked = live.role !== null && live.state !== null && isStpBlocked({ role: live.role, state: live.state });
  if (blocked) return COLORS.red;
  if (live.status !== null) return portColor(live.status, isConnected);
  if (live.state !== null && live.role !== 'disabled') return STP_TONE_COLORS[stpTone(live.state)];
  if (live.bond !== null) return BOND_SLAVE_COLORS[live.bond];
  return portColor(null, isConnected);
}

function portTitle(t: TFunction, port: string, info: PortInfo | undefined, live: PortLive): string {
  const parts: string[] = [];
  if (info?.lag && live.status) parts.push(memoT(t, 'canvas.port.member', { port, lag: info.lag, status: memoT(t, `canvas.status.${live.status}`) }));
  else parts.push(memoT(t, info?.isConnected ? 'canvas.port.connected' : 'canvas.port.free', { port }));
  if (live.role && live.state) parts.push(memoT(t, 'canvas.stp.portTitle', { role: memoT(t, `canvas.stp.role.${live.role}`), state: memoT(t, `canvas.stp.state.${live.state}`) }));
  if (info?.bond && live.bond) parts.push(memoT(t, 'canvas.bond.slaveTitle', { bond: info.bond, state: memoT(t, `canvas.bond.slave.${live.bond}`) }));
  return parts.join(' · ');
}

/** One port's handle (a plain function, no hooks: a big lab re-renders hundreds of rows at once). */
function portHandle(t: TFunction, device: string, slot: PortSlot, info: PortInfo | undefined, live: PortLive) {
  const isConnected = info?.isConnected ?? false;
  const title = portTitle(t, slot.id, info, live);
  const hasStp = live.role !== null && live.state !== null;
  const className = `port-handle${isConnected ? ' is-connected' : ''}${info?.lag ? ' is-member' : ''}${hasStp ? ' has-stp' : ''}`;
  return (
    <Handle
      key={slot.id}
      id={slot.id}
      type="source"
      position={slot.side === 'top' ? Position.Top : Position.Bottom}
      className={className}
      style={{ left: slot.x, background: handleColor(live, isConnected) }}
      title={title}
      aria-label={title}
      data-testid={`port-${device}-${slot.id}`}
      data-status={live.status ?? (isConnected ? 'connected' : 'free')}
      data-stp-role={live.role ?? undefined}
      data-stp-state={live.state ?? undefined}
      data-bond={live.bond ?? undefined}
      data-bond-active-slave={live.isActiveSlave ? 'true' : undefined}
    >
      {hasStp && live.role && (
        <span className="port-stp-letter" aria-hidden="true">
          {STP_LETTER[live.role]}
        </span>
      )}
    </Handle>
  );
}

function PortRowView({ device, side, slots, ports }: PortRowProps) {
  const { t } = useTranslation();
  const live = usePortLive(device, slots, ports);
  if (slots.length === 0) return null;
  return (
    <>
      <div className={`port-strip port-strip-${side}`} style={{ height: STRIP_HEIGHT }} aria-hidden="true">
        {slots.map((slot, i) => {
          const bond = live[i]?.bond ?? null;
          const isCurrent = live[i]?.isActiveSlave ?? false;
          return (
            <span key={slot.id} className={`port-label${bond ? ` bond-${bond}` : ''}${isCurrent ? ' is-active-slave' : ''}`} style={{ left: slot.x }}>
              {isCurrent ? '★' : ''}
              {slot.id}
            </span>
          );
        })}
      </div>
      {slots.map((slot, i) => portHandle(t, device, slot, ports.get(slot.id), live[i] ?? EMPTY_LIVE))}
    </>
  );
}

const EMPTY_LIVE: PortLive = { status: null, role: null, state: null, bond: null, isActiveSlave: false };

export const PortRow = memo(PortRowView);
