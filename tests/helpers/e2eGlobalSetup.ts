/**
 * Global setup of the `e2e` Vitest project: builds the app once with Vite's JS API into a temp
 * folder (never `dist/`, which may hold a developer's build), serves it with `vite preview` on a
 * free 127.0.0.1 port and hands the URL to the tests (`inject('baseUrl')`). The returned teardown
 * closes the server and removes the build.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import type { Served } from './e2eServer';
import { buildAndPreview } from './e2eServer';

declare module 'vitest' {
  interface ProvidedContext {
    /** The preview server's origin with a trailing slash, e.g. `http://127.0.0.1:41234/`. */
    baseUrl: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const outDir = mkdtempSync(join(tmpdir(), 'topolab-e2e-'));
  let served: Served;
  try {
    served = await buildAndPreview(outDir);
  } catch (error) {
    // No teardown runs when setup throws: remove the half-made build here.
    rmSync(outDir, { recursive: true, force: true });
    throw error;
  }
  project.provide('baseUrl', served.url);
  return async () => {
    await served.close();
    rmSync(outDir, { recursive: true, force: true });
  };
}
