/**
 * jsdom setup for component tests: jest-dom matchers, cleanup, and the three shims React Flow
 * needs to measure nodes and draw edges in jsdom (shared/reference/toolchain.md).
 */
import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';
import { loadLanguage, loadPanelTexts } from '../../src/ui/i18n';

// Korean and the on-demand panels' English texts load lazily in the page; tests render panels
// directly and switch languages synchronously, so load both up front.
await loadLanguage('ko');
await loadPanelTexts();

afterEach(() => {
  cleanup();
  localStorage.clear();
});

class ResizeObserverShim {
  constructor(private readonly callback: ResizeObserverCallback) {}
  observe(target: Element): void {
    this.callback([{ target } as unknown as ResizeObserverEntry], this);
  }
  unobserve(): void {}
  disconnect(): void {}
}

class DOMMatrixReadOnlyShim {
  m22: number;
  constructor(transform?: string) {
    const scale = transform?.match(/scale\(([1-9.])\)/)?.[1];
    this.m22 = scale !== undefined ? Number(scale) : 1;
  }
}

Object.assign(globalThis, { ResizeObserver: ResizeObserverShim, DOMMatrixReadOnly: DOMMatrixReadOnlyShim });
Object.defineProperties(HTMLElement.prototype, {
  offsetWidth: { get: () => 800, configurable: true },
  offsetHeight: { get: () => 600, configurable: true },
});
