/** Example labs and selection helpers for the panel tests. */
import { readFileSync } from 'node:fs';
import { act, fireEvent, screen } from '@testing-library/react';
import type { Topology } from '../../../src/model';
import { validateTopology } from '../../../src/model';
import { useOverlayStore } from '../../../src/store/overlayStore';
import type { OverlayState } from '../../../src/store/overlayStore';
import { useTopologyStore } from '../../../src/store/topologyStore';

/** An example lab from `examples/`, validated. */
export function exampleLab(name: string): Topology {
  const r = validateTopology(JSON.parse(readFileSync(`examples/${name}.json`, 'utf8')));
  if (!r.ok) throw new Error(`examples/${name}.json must be valid`);
  return r.topology;
}

export function selectDevice(id: string): void {
  act(() => useTopologyStore.getState().select({ devices: [id], links: [], lag: null }));
}

export function selectLink(id: string): void {
  act(() => useTopologyStore.getState().select({ devices: [], links: [id], lag: null }));
}

export function selectLag(device: string, id: string): void {
  act(() => useTopologyStore.getState().select({ devices: [], links: [], lag: { device, id } }));
}

/** Writes live maps into the overlay, as the bridge would. */
export function setLive(part: Partial<OverlayState>): void {
  act(() => useOverlayStore.setState(part));
}

export const store = () => useTopologyStore.getState();

/** Undoes the last edit inside act (the panels re-render). */
export function undo(): void {
  act(() => useTopologyStore.getState().undo());
}

/** Types `value` into the field with test id `testId` and presses `key` (Enter commits, Escape reverts). */
export function type(testId: string, value: string, key = 'Enter'): HTMLElement {
  const field = screen.getByTestId(testId);
  fireEvent.change(field, { target: { value } });
  fireEvent.keyDown(field, { key });
  return field;
}
