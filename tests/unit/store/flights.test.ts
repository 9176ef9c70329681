/** LACPDUs in flight (overlayStore.ts): kept until they land, without a new array per frame. */
import { beforeEach, describe, expect, it } from 'vitest';
import type { SimEvent } from '../../../src/engine/events';
import { FLIGHT_VIRTUAL_MS, clearFlights, getFlights, updateFlights } from '../../../src/store/overlayStore';

const info = { systemPriority: 1, system: 'x', key: 1, portPriority: 1, port: 1, state: 0, flags: [] };
const pdu = (t: number): SimEvent => ({ t, type: 'lacpdu', link: 'l1', from: { device: 'a', port: 'p' }, to: { device: 'b', port: 'p' }, arrive: t, frame: t, actor: info, partner: info });

beforeEach(() => clearFlights());

describe('when batches of events arrive', () => {
  it('adds the LACPDUs among them and drops those that have landed', () => {
    updateFlights([pdu(0), { t: 0, type: 'link', link: 'l1', state: 'up' }, pdu(100)], 100);
    expect(getFlights().map((f) => f.t)).toEqual([0, 100]);
    const list = getFlights();
    updateFlights([pdu(300)], FLIGHT_VIRTUAL_MS + 50);
    expect(getFlights().map((f) => f.t)).toEqual([100, 300]);
    expect(getFlights()).toBe(list);
    updateFlights([pdu(0)], 1000);
    expect(getFlights()).toEqual([]);
  });
});
