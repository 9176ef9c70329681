/** Share: a URL that decodes back to the same lab, copied at once, with its length. */
import { act, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import '../../../src/ui/i18n';
import { decodeShare, fragmentFromHash } from '../../../src/model/shareCodec';
import { useTopologyStore } from '../../../src/store/topologyStore';
import { ShareDialog } from '../../../src/ui/share/ShareDialog';
import { useUiStore } from '../../../src/ui/uiStore';
import { resetStores } from '../labFixture';

const writeText = vi.fn<(text: string) => Promise<void>>();

beforeEach(() => {
  resetStores();
  writeText.mockReset();
  Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
});

afterEach(() => {
  Reflect.deleteProperty(navigator, 'clipboard');
});

describe('when the share dialog opens', () => {
  it('shows a URL that decodes to the same lab and copies it', async () => {
    writeText.mockResolvedValue(undefined);
    render(<ShareDialog />);
    expect(screen.queryByTestId('share-dialog')).toBeNull();
    act(() => useUiStore.getState().setShareOpen(true));

    const url = screen.getByTestId<HTMLInputElement>('share-url').value;
    expect(url.startsWith(window.location.origin)).toBe(true);
    const fragment = fragmentFromHash(new URL(url).hash);
    expect(fragment).not.toBeNull();
    const decoded = decodeShare(fragment ?? '');
    expect(decoded.ok && decoded.topology).toEqual(useTopologyStore.getState().doc);

    await waitFor(() => expect(screen.getByTestId('share-status')).toHaveAttribute('data-state', 'copied'));
    expect(writeText).toHaveBeenCalledWith(url);
    expect(screen.getByTestId('share-status')).toHaveTextContent(String(url.length));
    expect(screen.queryByTestId('share-long')).toBeNull();
  });

  it('selects the URL for Ctrl+C when the clipboard refuses', async () => {
    writeText.mockRejectedValue(new Error('denied'));
    act(() => useUiStore.getState().setShareOpen(true));
    render(<ShareDialog />);
    await waitFor(() => expect(screen.getByTestId('share-status')).toHaveAttribute('data-state', 'failed'));
    const input = screen.getByTestId<HTMLInputElement>('share-url');
    expect(document.activeElement).toBe(input);
    expect(input.selectionEnd).toBe(input.value.length);
  });

  it('warns when the URL is longer than 8 KB', () => {
    writeText.mockResolvedValue(undefined);
    const doc = useTopologyStore.getState().doc;
    // A long description that does not compress: random-looking text.
    const noise = Array.from({ length: 3900 }, (_, i) => String.fromCharCode(0x4e00 + ((i * 7919) % 20000))).join('');
    act(() => useTopologyStore.getState().setDoc({ ...doc, meta: { ...doc.meta, description: noise } }));
    act(() => useUiStore.getState().setShareOpen(true));
    render(<ShareDialog />);
    expect(screen.getByTestId<HTMLInputElement>('share-url').value.length).toBeGreaterThan(8192);
    expect(screen.getByTestId('share-long')).toBeInTheDocument();
  });
});
