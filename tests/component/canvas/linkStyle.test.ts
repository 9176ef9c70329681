import { describe, expect, it } from 'vitest';
import type { LacpPortStatus } from '../../../src/engine/events';
import type { LinkStatus } from '../../../src/ui/canvas/linkStyle';
import { COLORS, LAG_TONE_COLORS, LEGEND, LINK_STYLES, SEVERITY, lagTone, linkView, linkViewOf, pduColor, portColor, worseStatus, worseTone } from '../../../src/ui/canvas/linkStyle';

const ALL: LinkStatus[] = ['down', 'up', 'blocked', 'distributing', 'collecting', 'attached', 'waiting', 'standby', 'detached', 'suspended', 'individual', 'fallback', 'static', 'notStarted'];
const MEMBER = ALL.filter((s): s is LacpPortStatus => s !== 'up' && s !== 'blocked');

describe('when a link status is drawn', () => {
  it('gives every status a style and a severity', () => {
    for (const s of ALL) {
      expect(LINK_STYLES[s], s).toBeDefined();
      expect(SEVERITY[s], s).toBeTypeOf('number');
    }
    expect(Object.keys(LINK_STYLES).sort()).toEqual([...ALL].sort());
  });

  it('draws the palette of the brief', () => {
    expect(LINK_STYLES.down).toMatchObject({ stroke: COLORS.red, dash: expect.any(String) as string });
    expect(LINK_STYLES.up.stroke).toBe(COLORS.slate);
    expect(LINK_STYLES.up.dash).toBeUndefined();
    expect(LINK_STYLES.distributing.stroke).toBe(COLORS.green);
    expect(LINK_STYLES.distributing.width).toBeGreaterThan(LINK_STYLES.up.width);
    for (const s of ['collecting', 'attached', 'waiting'] as const) {
      expect(LINK_STYLES[s]).toMatchObject({ stroke: COLORS.blue, isAnimated: true });
    }
    expect(LINK_STYLES.standby).toMatchObject({ stroke: COLORS.amber, dash: expect.any(String) as string });
    expect(LINK_STYLES.suspended).toMatchObject({ stroke: COLORS.orange, linecap: 'round' });
    expect(LINK_STYLES.individual.stroke).toBe(COLORS.purple);
    expect(LINK_STYLES.fallback.stroke).toBe(COLORS.purple);
    expect(LINK_STYLES.static.stroke).toBe(COLORS.teal);
  });

  it('lists every status in exactly one legend row', () => {
    const listed = LEGEND.flatMap((row) => row.statuses);
    expect([...listed].sort()).toEqual([...ALL].sort());
    for (const row of LEGEND) for (const s of row.statuses) expect(LINK_STYLES[s].legend).toBe(row.key);
  });
});

describe('when the two ends of a link disagree', () => {
  it('shows the worse end (distributing + suspended → suspended)', () => {
    const v = linkView('up', 'distributing', 'suspended');
    expect(v.status).toBe('suspended');
    expect(v.style).toBe(LINK_STYLES.suspended);
  });

  it('marks the end that sees it differently, and only that end', () => {
    const v = linkView('up', 'distributing', 'suspended');
    expect(v.markerA).toBe('distributing');
    expect(v.markerB).toBeNull();
  });

  it('is symmetric', () => {
    for (const a of MEMBER) {
      for (const b of MEMBER) {
        expect(linkView('up', a, b).status).toBe(linkView('up', b, a).status);
      }
    }
  });

  it('puts down above everything and plain up below everything', () => {
    for (const s of ALL) {
      expect(worseStatus(s, 'down')).toBe('down');
      expect(worseStatus('up', s)).toBe(s);
    }
  });

  it('orders the LACP journey: converging is worse than distributing, standby worse than converging', () => {
    expect(worseStatus('distributing', 'collecting')).toBe('collecting');
    expect(worseStatus('waiting', 'standby')).toBe('standby');
    expect(worseStatus('standby', 'suspended')).toBe('suspended');
    expect(worseStatus('static', 'suspended')).toBe('suspended');
  });

  it('puts no marker when both ends look the same (attached vs collecting are both converging)', () => {
    const v = linkView('up', 'attached', 'collecting');
    expect(v.status).toBe('attached');
    expect(v.markerA).toBeNull();
    expect(v.markerB).toBeNull();
  });
});

describe('when a link is not (only) a LAG member', () => {
  it('is plain up with no member on either end, or with no word yet', () => {
    expect(linkView('up', null, null).status).toBe('up');
    expect(linkView(undefined, null, null).status).toBe('up');
  });

  it('takes the member end when only one end is in a LAG', () => {
    const v = linkView('up', null, 'standby');
    expect(v.status).toBe('standby');
    expect(v.markerA).toBeNull();
    expect(v.markerB).toBeNull();
  });

  it('is down when the carrier is down, whatever the ports last said', () => {
    expect(linkView('down', 'distributing', 'distributing')).toMatchObject({ status: 'down', markerA: null, markerB: null });
  });
});

describe('when a spanning tree blocks one end', () => {
  it('draws the link blocked, grey and dashed, whatever LACP says, and names the blocked end', () => {
    const v = linkView('up', 'distributing', 'distributing', false, true);
    expect(v).toMatchObject({ status: 'blocked', blocked: 'b', markerA: null, markerB: null });
    expect(v.style).toMatchObject({ stroke: COLORS.blockedGrey, dash: expect.any(String) as string });
    expect(linkView('up', null, null, true, false).blocked).toBe('a');
    expect(linkView('up', null, null, true, true).blocked).toBe('ab');
    expect(linkView('up', null, null).blocked).toBe('');
  });

  it('still shows down when the carrier is down', () => {
    expect(linkView('down', null, null, true, false)).toMatchObject({ status: 'down', blocked: '' });
  });

  it('shares one view object per combination', () => {
    expect(linkViewOf('up', null, null, false, true)).toBe(linkViewOf('up', null, null, false, true));
    expect(linkViewOf('up', null, null, false, true)).not.toBe(linkViewOf('up', null, null, true, false));
  });
});

describe('when ports, LAGs and PDUs are coloured', () => {
  it('colours a member port by its status and a plain port neutrally', () => {
    expect(portColor('distributing', true)).toBe(COLORS.green);
    expect(portColor(null, true)).toBe(COLORS.slate);
    expect(portColor(null, false)).toBe('#ffffff');
  });

  it('makes a LAG green when up, amber with standby members, red when down', () => {
    expect(lagTone({ up: true, standby: [] })).toBe('up');
    expect(lagTone({ up: true, standby: ['eth3'] })).toBe('partial');
    expect(lagTone({ up: false, standby: [] })).toBe('down');
    expect(lagTone(undefined)).toBe('unknown');
    expect(LAG_TONE_COLORS.up).toBe(COLORS.green);
    expect(LAG_TONE_COLORS.partial).toBe(COLORS.amber);
    expect(LAG_TONE_COLORS.down).toBe(COLORS.red);
    expect(worseTone('up', 'down')).toBe('down');
    expect(worseTone('partial', 'unknown')).toBe('partial');
  });

  it('colours a LACPDU by its actor: Distributing green, in sync blue, else grey (802.1AX 5.4.2.2)', () => {
    expect(pduColor(['lacpActivity', 'aggregation', 'synchronization', 'collecting', 'distributing'])).toBe(COLORS.green);
    expect(pduColor(['lacpActivity', 'aggregation', 'synchronization'])).toBe(COLORS.blue);
    expect(pduColor(['lacpActivity', 'aggregation', 'defaulted'])).toBe(COLORS.slateLight);
  });
});
