/** Guided lessons: the list from the toolbar, Start loading the lab, the live goal card, progress, `#lesson=`. */
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import passiveLab from '../../../examples/passive-passive.json';
import memberLab from '../../../examples/member-failure.json';
import nMinus1Lab from '../../../examples/n-minus-1.json';
import pxeLab from '../../../examples/pxe-fallback.json';
import type { Topology } from '../../../src/model';
import { LESSONS_KEY, readProgress, useLessonStore } from '../../../src/store/lessonStore';
import { useOverlayStore } from '../../../src/store/overlayStore';
import '../../../src/ui/i18n';
import { setLanguage } from '../../../src/ui/i18n';
import { LessonsMount } from '../../../src/ui/lessons/LessonsMount';
import { Toolbar } from '../../../src/ui/toolbar/Toolbar';
import { resetStores } from '../labFixture';

const session = vi.hoisted(() => ({ loadDoc: vi.fn(() => true), importLab: vi.fn(() => true) }));
vi.mock('../../../src/store/session', () => ({
  useLabCommands: () => ({ play: vi.fn(), pause: vi.fn(), step: vi.fn(), setSpeed: vi.fn(), fault: vi.fn(), requestFrame: vi.fn(), requestPcap: vi.fn(), restartWorker: vi.fn(), analyze: vi.fn() }),
  loadDoc: session.loadDoc,
  importLab: session.importLab,
}));

const up = { up: true, active: ['eth1', 'eth2'], standby: [], partner: undefined };

beforeEach(() => {
  resetStores(passiveLab as Topology);
  useLessonStore.setState({ isOpen: false, activeId: null, done: [] });
  session.loadDoc.mockClear();
  setLanguage('en');
  window.history.replaceState(null, '', '/');
});

function openList() {
  render(
    <>
      <Toolbar />
      <LessonsMount />
    </>,
  );
  fireEvent.click(screen.getByTestId('btn-lessons'));
  return screen.findByTestId('lessons-dialog');
}

describe('the lesson list', () => {
  it('opens from the toolbar and lists every lesson with its title, none done yet', async () => {
    const dialog = await openList();
    const items = within(dialog).getAllByTestId('lesson-item');
    expect(items).toHaveLength(10);
    expect(items[0]).toHaveTextContent('Single point of failure');
    expect(items[1]).toHaveTextContent('LACP modes: active and passive');
    expect(within(dialog).getByTestId('lessons-progress')).toHaveTextContent('0 of 10 done');
  });

  it('speaks Korean', async () => {
    setLanguage('ko');
    const dialog = await openList();
    expect(screen.getByTestId('btn-lessons')).toHaveTextContent('학습');
    expect(within(dialog).getAllByTestId('lesson-start')[0]).toHaveTextContent('시작');
  });
});

describe('starting a lesson', () => {
  it('loads its lab, closes the list and shows the goal card, ✗ until the live state meets the goal', async () => {
    const dialog = await openList();
    const item = within(dialog).getAllByTestId('lesson-item')[1] as HTMLElement;
    fireEvent.click(within(item).getByTestId('lesson-start'));
    expect(session.loadDoc).toHaveBeenCalledWith(passiveLab);
    expect(screen.queryByTestId('lessons-dialog')).toBeNull();
    const card = await screen.findByTestId('lesson-card');
    expect(card).toHaveAttribute('data-met', 'false');
    expect(within(card).getByTestId('lesson-goal')).toHaveTextContent('✗');
    expect(within(card).getByTestId('lesson-goal-detail')).toHaveTextContent('LAG sw1:po1 is not up with two active members.');

    act(() => useOverlayStore.setState({ lags: { 'sw1:po1': up, 'sw2:po1': up } }));
    expect(card).toHaveAttribute('data-met', 'true');
    expect(within(card).getByTestId('lesson-goal')).toHaveTextContent('✓');
    expect(within(card).getByTestId('lesson-goal-detail')).toHaveTextContent('Goal met: lesson complete!');
  });

  it('starts a lesson the student is to break (member failure, VRRP failover) without its example\u2019s scenario, and keeps the N-1 lesson\u2019s', async () => {
    const dialog = await openList();
    const start = (id: string) => fireEvent.click(within(dialog.querySelector(`[data-lesson="${id}"]`) as HTMLElement).getByTestId('lesson-start'));
    const loaded = () => session.loadDoc.mock.calls.at(-1)?.at(0) as Topology | undefined;
    start('lacp-member-failure');
    expect(loaded()?.meta?.title).toBe((memberLab as Topology).meta?.title);
    expect(loaded()?.scenario).toBeUndefined();
    expect((memberLab as Topology).scenario?.length, 'the example itself keeps its scenario').toBeGreaterThan(0);
    fireEvent.click(screen.getByTestId('btn-lessons'));
    const again = await screen.findByTestId('lessons-dialog');
    fireEvent.click(within(again.querySelector('[data-lesson="n-minus-1"]') as HTMLElement).getByTestId('lesson-start'));
    expect(loaded()?.scenario).toEqual(nMinus1Lab.scenario);
  });

  it('keeps the completed lesson in localStorage and marks it done in the list', async () => {
    useLessonStore.setState({ activeId: 'lacp-modes' });
    useOverlayStore.setState({ lags: { 'sw1:po1': up, 'sw2:po1': up } });
    render(<LessonsMount />);
    await screen.findByTestId('lesson-card');
    expect(JSON.parse(localStorage.getItem(LESSONS_KEY) ?? '{}')).toEqual({ done: ['lacp-modes'] });
    expect(readProgress()).toEqual(['lacp-modes']);

    act(() => useLessonStore.getState().setOpen(true));
    const dialog = await screen.findByTestId('lessons-dialog');
    const item = within(dialog).getAllByTestId('lesson-item')[1] as HTMLElement;
    expect(item).toHaveAttribute('data-done', 'true');
    expect(within(dialog).getByTestId('lessons-progress')).toHaveTextContent('1 of 10 done');
  });
});

describe('a lesson link', () => {
  it('opens the lesson named in #lesson= on page load and removes the fragment', async () => {
    window.history.replaceState(null, '', '/#lesson=pxe-fallback');
    render(<LessonsMount />);
    await waitFor(() => expect(session.loadDoc).toHaveBeenCalledWith(pxeLab));
    expect(useLessonStore.getState().activeId).toBe('pxe-fallback');
    expect(window.location.hash).toBe('');
    expect(await screen.findByTestId('lesson-card')).toHaveTextContent('LACP fallback for PXE boot');
  });

  it('ignores an unknown lesson', async () => {
    window.history.replaceState(null, '', '/#lesson=nope');
    render(<LessonsMount />);
    await new Promise((r) => setTimeout(r, 10));
    expect(session.loadDoc).not.toHaveBeenCalled();
    expect(useLessonStore.getState().activeId).toBeNull();
  });
});
