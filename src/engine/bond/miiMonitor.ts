/**
 * The MII link monitor (`miimon`), as `bond_miimon_inspect` in drivers/net/bonding/bond_main.c
 * runs it: every poll it samples each slave's carrier and walks the slave's link state
 *
 *   UP ──carrier lost──▶ FAIL ──downdelay polls──▶ DOWN ──carrier back──▶ BACK ──updelay polls──▶ UP
 *
 * A change is noticed only at a poll; `downdelay` / `updelay` (whole polls: the document's ms are
 * rounded down to multiples of miimon) must then pass before the slave is declared down / up.
 * Carrier returning during FAIL puts the slave straight back UP; carrier lost during BACK puts it
 * back DOWN. `updelay` is ignored while the bond has no usable slave (bonding.rst §13.1 ¶4; the
 * kernel's `ignore_updelay`), and only for the first slave brought up by that poll.
 */

/** A slave's link state in the bond (`BOND_LINK_UP/FAIL/DOWN/BACK`; /proc says up, going down, down, going back). */
export type MiiLink = 'up' | 'fail' | 'down' | 'back';

/** What the monitor keeps per slave. */
export interface MiiSlave {
  link: MiiLink;
  /** Polls still to wait in FAIL / BACK (`slave->delay`). */
  delay: number;
}

/** Delays in whole polls (`bond->params.downdelay` / `updelay` are stored divided by miimon). */
export interface MiiDelays {
  downdelayPolls: number;
  updelayPolls: number;
}

/** Slaves (by index) that this poll declared up or down: the bond acts on these (`bond_miimon_commit`). */
export interface MiiCommit {
  up: number[];
  down: number[];
  /** Some slave changed state (FAIL and BACK included). */
  isChanged: boolean;
}

function inspectUp(s: MiiSlave, carrier: boolean, d: MiiDelays): 'down' | 'up' | null {
  if (carrier) return null;
  s.link = 'fail';
  s.delay = d.downdelayPolls;
  return inspectFail(s, carrier);
}

function inspectFail(s: MiiSlave, carrier: boolean): 'down' | 'up' | null {
  if (carrier) {
    // Recovered before downdelay expired: it never stopped being up.
    s.link = 'up';
    return null;
  }
  if (s.delay <= 0) {
    s.link = 'down';
    return 'down';
  }
  s.delay--;
  return null;
}

/**
 * One poll over every slave, in slave order. `ignoreUpdelay` is true when the bond has no active
 * slave (active-backup) or no usable slave (other modes). Mutates the slaves; returns the commits.
 */
export function miiInspect(slaves: readonly MiiSlave[], carriers: readonly boolean[], d: MiiDelays, ignoreUpdelay: boolean): MiiCommit {
  const out: MiiCommit = { up: [], down: [], isChanged: false };
  let ignore = ignoreUpdelay;
  slaves.forEach((s, i) => {
    const carrier = carriers[i] === true;
    const was = s.link;
    let result: 'down' | 'up' | null = null;
    switch (s.link) {
      case 'up':
        result = inspectUp(s, carrier, d);
        break;
      case 'fail':
        result = inspectFail(s, carrier);
        break;
      case 'down':
        if (!carrier) break;
        s.link = 'back';
        s.delay = d.updelayPolls;
        result = inspectBack(s, carrier, ignore);
        break;
      case 'back':
        result = inspectBack(s, carrier, ignore);
        break;
    }
    if (s.link !== was) out.isChanged = true;
    if (result === 'up') {
      out.up.push(i);
      ignore = false;
    } else if (result === 'down') {
      out.down.push(i);
    }
  });
  return out;
}

function inspectBack(s: MiiSlave, carrier: boolean, ignoreUpdelay: boolean): 'up' | null {
  if (!carrier) {
    // Link down again before updelay expired: back to DOWN, nothing to commit.
    s.link = 'down';
    return null;
  }
  if (ignoreUpdelay) s.delay = 0;
  if (s.delay <= 0) {
    s.link = 'up';
    return 'up';
  }
  s.delay--;
  return null;
}
