/**
 * Builds the app with Vite's JS API, serves the build with `vite preview` on 127.0.0.1 and a
 * free port, and launches Debian's Chromium. Shared by the e2e tests and the browser benchmark,
 * so nothing here imports Vitest.
 */
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { chromium } from 'playwright-core';
import { build, preview } from 'vite';
import type { Topology } from '../../src/model';

/** The repository root (this file is `tests/helpers/e2eServer.ts`). */
export const ROOT = fileURLToPath(new URL('../..', import.meta.url));

export interface Served {
  /** Origin with a trailing slash, e.g. `http://127.0.0.1:41234/`. */
  url: string;
  outDir: string;
  close(): Promise<void>;
}

/**
 * A production build into `outDir`. Inside Vitest `NODE_ENV` is `test`, which would bundle
 * React's development build (toolchain.md): force `production` for the build only.
 */
export async function buildApp(outDir: string): Promise<void> {
  const saved = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({
      root: ROOT,
      mode: 'production',
      logLevel: 'warn',
      build: { outDir, emptyOutDir: true },
    });
  } finally {
    if (saved === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = saved;
  }
}

/** Serves a build on 127.0.0.1 and a port the OS picks. */
export async function previewApp(outDir: string): Promise<Served> {
  const server = await preview({
    root: ROOT,
    logLevel: 'warn',
    build: { outDir },
    preview: { host: '127.0.0.1', port: 0, strictPort: false, open: false },
  });
  const address = server.httpServer.address() as AddressInfo | null;
  if (!address || typeof address === 'string') throw new Error('vite preview did not listen on a TCP port');
  return {
    url: `http://127.0.0.1:${address.port}/`,
    outDir,
    close: () => server.close(),
  };
}

export async function buildAndPreview(outDir: string): Promise<Served> {
  await buildApp(outDir);
  return previewApp(outDir);
}

/** Debian's Chromium with the flags of toolchain.md; Playwright makes its own profile. */
export const CHROMIUM_PATH = '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Where the app autosaves the lab (`{ savedAt, doc }`). */
export const AUTOSAVE_KEY = 'topolab.lab.v1';
/** Where the app remembers the language. */
export const LANG_KEY = 'topolab.lang';

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
}

/** The value the app's autosave writes, for seeding a context's localStorage. */
export function savedLab(doc: Topology): string {
  return JSON.stringify({ savedAt: 0, doc });
}
