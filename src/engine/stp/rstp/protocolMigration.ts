/**
 * Port Protocol Migration state machine, 802.1D-2004 17.24: a port starts sending RST BPDUs
 * (CHECKING_RSTP); once Migrate Time has passed, a Configuration or TCN BPDU from a legacy STP
 * bridge makes it send STP BPDUs (SELECTING_STP, sendRSTP = FALSE) until the link goes down or an
 * RST BPDU is heard again. Its first Migrate Time after the port comes up ignores what it hears.
 */
import { MIGRATE_TIME } from '../timers';
import type { RstpPort } from './rstpPort';

function checkingRstp(p: RstpPort, rstpVersion: boolean): void {
  p.ppm = 'CHECKING_RSTP';
  p.mcheck = false;
  p.sendRSTP = rstpVersion;
  // mdelayWhile = Migrate Time; the state re-enters itself while the port is disabled (held).
  if (p.portEnabled) p.mdelayWhile.set(MIGRATE_TIME);
  else p.mdelayWhile.hold(MIGRATE_TIME);
}

function selectingStp(p: RstpPort): void {
  p.ppm = 'SELECTING_STP';
  p.sendRSTP = false;
  p.mdelayWhile.set(MIGRATE_TIME);
}

function sensing(p: RstpPort): void {
  p.ppm = 'SENSING';
  p.rcvdRSTP = p.rcvdSTP = false;
}

/** BEGIN. */
export function protocolMigrationBegin(p: RstpPort, rstpVersion: boolean): void {
  checkingRstp(p, rstpVersion);
}

/** One step; true when the machine moved. */
export function protocolMigration(p: RstpPort, rstpVersion: boolean): boolean {
  switch (p.ppm) {
    case 'CHECKING_RSTP':
      if (!p.portEnabled) return p.mdelayWhile.hold(MIGRATE_TIME);
      if (p.mdelayWhile.isHeldAt(MIGRATE_TIME)) p.mdelayWhile.release();
      if (p.mdelayWhile.isZero) {
        sensing(p);
        return true;
      }
      return false;
    case 'SELECTING_STP':
      if (p.mdelayWhile.isZero || !p.portEnabled || p.mcheck) {
        sensing(p);
        return true;
      }
      return false;
    case 'SENSING':
      if (!p.portEnabled || p.mcheck || (rstpVersion && !p.sendRSTP && p.rcvdRSTP)) {
        checkingRstp(p, rstpVersion);
        return true;
      }
      if (p.sendRSTP && p.rcvdSTP) {
        selectingStp(p);
        return true;
      }
      return false;
  }
}
