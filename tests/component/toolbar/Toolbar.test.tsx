/** The toolbar: history, Make LAG, fail tool, time controls and shortcuts, files, language. */
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import '../../../src/ui/i18n';
import { i18n, setLanguage } from '../../../src/ui/i18n';
import { useOverlayStore } from '../../../src/store/overlayStore';
import { useTopologyStore } from '../../../src/store/topologyStore';
import { Toolbar } from '../../../src/ui/toolbar/Toolbar';
import { formatClock, formatSpeed, sliderToSpeed, speedToSlider, SLIDER_STEPS } from '../../../src/ui/toolbar/time';
import { useUiStore } from '../../../src/ui/uiStore';
import { LAB, resetStores } from '../labFixture';

const commands = vi.hoisted(() => ({
  play: vi.fn(),
  pause: vi.fn(),
  step: vi.fn(),
  setSpeed: vi.fn(),
  fault: vi.fn(),
  requestFrame: vi.fn(),
  requestPcap: vi.fn(),
  restartWorker: vi.fn(),
}));
const session = vi.hoisted(() => ({ loadDoc: vi.fn(() => true), importLab: vi.fn(() => true) }));

vi.mock('../../../src/store/session', () => ({
  useLabCommands: () => commands,
  loadDoc: session.loadDoc,
  importLab: session.importLab,
}));

const NO_LAGS = { ...LAB, lags: [] };

beforeEach(() => {
  resetStores(NO_LAGS);
  setLanguage('en');
  for (const fn of [...Object.values(commands), ...Object.values(session)]) fn.mockClear();
});

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('when editing', () => {
  it('enables undo after an edit and redo after an undo', () => {
    render(<Toolbar />);
    expect(screen.getByTestId('btn-undo')).toBeDisabled();
    expect(screen.getByTestId('btn-redo')).toBeDisabled();
    act(() => void useTopologyStore.getState().updateDevice('sw1', { name: 'Core' }));
    expect(screen.getByTestId('btn-undo')).toBeEnabled();
    fireEvent.click(screen.getByTestId('btn-undo'));
    expect(useTopologyStore.getState().doc.devices[0]?.name).toBe('SW1');
    expect(screen.getByTestId('btn-redo')).toBeEnabled();
  });

  it('makes a LAG from the selected links only when some are selected', () => {
    render(<Toolbar />);
    const button = screen.getByTestId('btn-make-lag');
    expect(button).toBeDisabled();
    act(() => useTopologyStore.getState().select({ links: ['l1', 'l2'] }));
    expect(button).toBeEnabled();
    fireEvent.click(button);
    expect(useTopologyStore.getState().doc.lags?.map((l) => `${l.device}:${l.id}:${l.members.join('+')}`)).toEqual(['sw1:po1:eth1+eth2', 'sw2:po1:eth1+eth2']);
  });

  it('toggles the fail tool', () => {
    render(<Toolbar />);
    const tool = screen.getByTestId('btn-fail-tool');
    expect(tool).toHaveAttribute('aria-pressed', 'false');
    fireEvent.click(tool);
    expect(tool).toHaveAttribute('aria-pressed', 'true');
    expect(useUiStore.getState().tool).toBe('fail');
  });
});

describe('when controlling time', () => {
  it('pauses while running and plays while paused', () => {
    render(<Toolbar />);
    fireEvent.click(screen.getByTestId('btn-pause'));
    expect(commands.pause).toHaveBeenCalledOnce();
    act(() => useOverlayStore.setState({ running: false }));
    fireEvent.click(screen.getByTestId('btn-play'));
    expect(commands.play).toHaveBeenCalledOnce();
    fireEvent.click(screen.getByTestId('btn-step'));
    expect(commands.step).toHaveBeenCalledOnce();
  });

  it('answers Space and "." but not while typing', () => {
    render(
      <>
        <Toolbar />
        <input data-testid="typing" />
      </>,
    );
    fireEvent.keyDown(document.body, { key: ' ', code: 'Space' });
    expect(commands.pause).toHaveBeenCalledOnce();
    fireEvent.keyDown(document.body, { key: '.' });
    expect(commands.step).toHaveBeenCalledOnce();
    fireEvent.keyDown(screen.getByTestId('typing'), { key: ' ', code: 'Space' });
    fireEvent.keyDown(screen.getByTestId('typing'), { key: '.' });
    expect(commands.pause).toHaveBeenCalledOnce();
    expect(commands.step).toHaveBeenCalledOnce();
  });

  it('sets the speed on a log scale and shows it', () => {
    render(<Toolbar />);
    const slider = screen.getByTestId('speed-slider');
    expect(screen.getByTestId('speed-value')).toHaveTextContent('1×');
    fireEvent.change(slider, { target: { value: String(SLIDER_STEPS) } });
    expect(commands.setSpeed).toHaveBeenLastCalledWith(100);
    expect(screen.getByTestId('speed-value')).toHaveTextContent('100×');
    fireEvent.change(slider, { target: { value: '0' } });
    expect(commands.setSpeed).toHaveBeenLastCalledWith(0.1);
  });

  it('formats the clock and the speed scale', () => {
    expect(formatClock(0)).toBe('00:00.000');
    expect(formatClock(83_456.7)).toBe('01:23.456');
    expect(sliderToSpeed(speedToSlider(1))).toBe(1);
    expect(sliderToSpeed(speedToSlider(10))).toBe(10);
    expect(sliderToSpeed(SLIDER_STEPS / 2)).toBeCloseTo(3.2, 1);
    expect(formatSpeed(0.25)).toBe('0.25');
    expect(screen.queryByTestId('clock')).toBeNull();
    render(<Toolbar />);
    expect(screen.getByTestId('clock').textContent).toMatch(/^\d\d:\d\d\.\d{3}$/);
  });
});

describe('when using files and examples', () => {
  it('loads an example from the menu with its localized title', () => {
    render(<Toolbar />);
    fireEvent.click(screen.getByTestId('examples-menu'));
    const items = screen.getAllByTestId('example-item');
    expect(items.length).toBeGreaterThanOrEqual(5);
    expect(items[0]).toHaveAttribute('data-example', 'reference-lab');
    act(() => setLanguage('ko'));
    expect(screen.getAllByTestId('example-item')[0]).toHaveTextContent('기준 실습');
    fireEvent.click(screen.getAllByTestId('example-item')[1] as HTMLElement);
    expect(session.loadDoc).toHaveBeenCalledOnce();
    expect(screen.queryByTestId('example-item')).toBeNull();
  });

  it('exports the lab as a JSON download', () => {
    const createObjectURL = vi.fn(() => 'blob:lab');
    vi.stubGlobal('URL', Object.assign(URL, { createObjectURL, revokeObjectURL: vi.fn() }));
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    render(<Toolbar />);
    fireEvent.click(screen.getByTestId('btn-export'));
    expect(createObjectURL).toHaveBeenCalledOnce();
    expect(click).toHaveBeenCalledOnce();
    click.mockRestore();
  });

  it('imports a chosen JSON file', async () => {
    render(<Toolbar />);
    const file = new File([JSON.stringify(LAB)], 'lab.json', { type: 'application/json' });
    fireEvent.change(screen.getByTestId('input-import'), { target: { files: [file] } });
    await waitFor(() => expect(session.importLab).toHaveBeenCalledWith(JSON.stringify(LAB)));
  });

  it('opens the share dialog', () => {
    render(<Toolbar />);
    fireEvent.click(screen.getByTestId('btn-share'));
    expect(useUiStore.getState().shareOpen).toBe(true);
  });
});

describe('when switching language', () => {
  it('flips between English and Korean and shows the lab title in it', () => {
    render(<Toolbar />);
    expect(screen.getByTestId('lab-title')).toHaveTextContent('Two switches');
    fireEvent.click(screen.getByTestId('lang-switch'));
    expect(i18n.language).toBe('ko');
    expect(document.documentElement.lang).toBe('ko');
    expect(screen.getByTestId('lab-title')).toHaveTextContent('스위치 두 대');
    fireEvent.click(screen.getByTestId('lang-switch'));
    expect(i18n.language).toBe('en');
  });
});
