/** Messages: store notices and worker problems, translated, with their level. */
import { act, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import '../../../src/ui/i18n';
import { setLanguage } from '../../../src/ui/i18n';
import { useOverlayStore } from '../../../src/store/overlayStore';
import { useTopologyStore } from '../../../src/store/topologyStore';
import { INFO_MS, Notices } from '../../../src/ui/notices/Notices';
import { resetStores } from '../labFixture';

const restartWorker = vi.hoisted(() => vi.fn());
vi.mock('../../../src/store/session', () => ({ useLabCommands: () => ({ restartWorker }) }));

beforeEach(() => {
  resetStores();
  setLanguage('en');
  restartWorker.mockClear();
});

afterEach(() => {
  vi.useRealTimers();
});

describe('when the store refuses an edit', () => {
  it('shows the translated reason with its parameters as an error', () => {
    render(<Notices />);
    act(() => void useTopologyStore.getState().updateLag('sw1', 'po1', { key: 0 }));
    const notice = screen.getByTestId('notice');
    expect(notice).toHaveAttribute('data-level', 'error');
    expect(notice).toHaveTextContent('key must be between 1 and 65535.');
    fireEvent.click(screen.getByTestId('notice-close'));
    expect(screen.queryByTestId('notice')).toBeNull();
    expect(useTopologyStore.getState().notice).toBeNull();
  });

  it('falls back to a generic message for an unknown key', () => {
    render(<Notices />);
    act(() => useTopologyStore.getState().showNotice({ key: 'errors.nobody.knows', level: 'error' }));
    expect(screen.getByTestId('notice')).toHaveTextContent('Something went wrong');
  });

  it('lets an info message fade by itself', () => {
    vi.useFakeTimers();
    render(<Notices />);
    act(() => useTopologyStore.getState().showNotice({ key: 'notices.share.loaded', level: 'info' }));
    expect(screen.getByTestId('notice')).toHaveAttribute('data-level', 'info');
    act(() => {
      vi.advanceTimersByTime(INFO_MS + 10);
    });
    expect(screen.queryByTestId('notice')).toBeNull();
  });
});

describe('when the worker reports a problem', () => {
  it('shows a crash, offers a restart, and hides when closed', () => {
    render(<Notices />);
    act(() => useOverlayStore.setState({ problem: { key: 'errors.worker.crashed', detail: 'boom' } }));
    expect(screen.getByTestId('notice')).toHaveTextContent('restarted with your lab');
    fireEvent.click(screen.getByTestId('btn-restart-worker'));
    expect(restartWorker).toHaveBeenCalledOnce();
    expect(screen.queryByTestId('notice')).toBeNull();
  });

  it('speaks Korean', () => {
    render(<Notices />);
    act(() => setLanguage('ko'));
    act(() => useOverlayStore.setState({ problem: { key: 'errors.worker.noFrame' } }));
    expect(screen.getByTestId('notice')).toHaveTextContent('프레임');
  });
});
