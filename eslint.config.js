// ESLint flat config for TopoLab.
//
// The layer rules below enforce the dependency table of the style guide §2 (DESIGN.md §2): the
// engine is pure and deterministic, the UI never reaches into the engine, nothing imports the CLI.
// tests/unit/lint/layers.test.ts proves that the layer rules actually report.
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

const TS_FILES = ['**/*.ts', '**/*.tsx', '**/*.mts', '**/*.cts'];
const SRC_TS = ['src/**/*.ts', 'src/**/*.tsx'];

// A restricted-import pattern for one layer folder. `**/name` matches the folder itself (an import
// of its index.ts) and `**/name/**` everything below it.
function layer(name, message, extra = {}) {
  return { group: [`**/${name}`, `**/${name}/**`], message, ...extra };
}

const UI_PACKAGES = ['react', 'react-dom', 'zustand', '@xyflow/*'];

// Each message says why, so a failing lint explains the architecture (style guide §2).
const msg = {
  modelIsBottom:
    'src/model is the bottom layer: it may import only zod, lz-string (share links) and other files in src/model.',
  modelBareImports: 'src/model may import only zod, lz-string and other files in src/model.',
  workerFromLower:
    'only the UI side reaches the worker (through worker/client); this layer never imports it.',
  storeFromLower: 'stores belong to the UI side: model, engine, worker and cli never import them.',
  uiFromLower: 'the UI sits on top: no other layer imports src/ui.',
  cliFromOthers: 'the CLI is a leaf entry point: no other layer imports it.',
  uiPackages:
    'React, zustand and React Flow belong to src/ui and src/store: this layer must run headless.',
  nodeBuiltins:
    'the engine runs in a browser worker too: no Node built-ins here; the CLI does the I/O.',
  engineValues:
    'only `import type` from the engine here: the engine lives in the worker, reached by ' +
    'commands and events.',
  workerInternals: 'the UI reaches the worker only through worker/client and worker/protocol.',
};

const DETERMINISM = 'the engine is deterministic: take the clock / RNG from the scheduler';

// Globals that read wall time, schedule on wall time, draw randomness or touch the page.
const ENGINE_BANNED_GLOBALS = [
  'Date',
  'performance',
  'setTimeout',
  'clearTimeout',
  'setInterval',
  'clearInterval',
  'setImmediate',
  'queueMicrotask',
  'requestAnimationFrame',
  'cancelAnimationFrame',
  'crypto',
  'window',
  'document',
  'self',
];

// A zero-dependency processor so that `eslint index.html` lints instead of warning "no matching
// configuration". It blanks everything except inline scripts (keeping every character's line and
// column, so reported positions are exact) and lints the result as one JS block; a page whose
// scripts all use `src=` yields an empty block.
const htmlProcessor = {
  meta: { name: 'topolab/html-inline-scripts' },
  preprocess(text) {
    const keep = new Uint8Array(text.length);
    for (const m of text.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
      const attrs = m[1];
      const type = /\btype\s*=\s*["']?([^"'\s>]+)/i.exec(attrs)?.[1].toLowerCase();
      const isJs = type === undefined || type === 'module' || type === 'text/javascript';
      if (!isJs || /\bsrc\s*=/i.test(attrs)) continue;
      const start = m.index + m[0].length - '</script>'.length - m[2].length;
      keep.fill(1, start, start + m[2].length);
    }
    const code = Array.from(text, (ch, i) => (keep[i] || ch === '\n' ? ch : ' ')).join('');
    return [{ text: code, filename: 'inline.js' }];
  },
  postprocess(messages) {
    return messages.flat();
  },
  supportsAutofix: false,
};

export default defineConfig([
  {
    name: 'topolab/ignores',
    ignores: ['dist/', 'node_modules/', 'coverage/', 'docs/', 'examples/'],
  },

  // ---- rule sets ---------------------------------------------------------------------------
  {
    name: 'topolab/js',
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    ignores: ['**/*.html/*.js'], // inline page scripts get browser globals below
    extends: [js.configs.recommended],
    languageOptions: { ecmaVersion: 2023, sourceType: 'module', globals: { ...globals.node } },
  },
  {
    name: 'topolab/html',
    files: ['**/*.html'],
    processor: htmlProcessor,
  },
  {
    name: 'topolab/html-inline-scripts',
    files: ['**/*.html/*.js'],
    extends: [js.configs.recommended],
    languageOptions: { ecmaVersion: 2023, sourceType: 'module', globals: { ...globals.browser } },
  },
  {
    name: 'topolab/ts',
    files: TS_FILES,
    extends: [js.configs.recommended, ...tseslint.configs.recommendedTypeChecked],
    languageOptions: {
      ecmaVersion: 2023,
      sourceType: 'module',
      // Type-aware linting uses the root tsconfig.json (src, tests, bench, vite/vitest configs).
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_' },
      ],
    },
  },

  // ---- everywhere --------------------------------------------------------------------------
  {
    name: 'topolab/common',
    rules: {
      eqeqeq: ['error', 'smart'],
      'no-console': ['error', { allow: ['warn', 'error'] }],
    },
  },
  {
    name: 'topolab/console-allowed',
    files: ['src/cli/**', 'bench/**', 'scripts/**', 'tests/**', '.ci/**'],
    rules: { 'no-console': 'off' },
  },

  // ---- size (style guide §7); --max-warnings=0 makes these fail CI too ------------------------
  {
    name: 'topolab/size',
    files: SRC_TS,
    ignores: ['src/**/*.data.ts'], // data tables are exempt
    rules: {
      'max-lines': ['warn', { max: 400, skipBlankLines: true, skipComments: true }],
      'max-lines-per-function': ['warn', { max: 80, skipBlankLines: true, skipComments: true }],
    },
  },
  {
    name: 'topolab/react-hooks',
    files: ['src/ui/**/*.{ts,tsx}', 'src/store/**/*.ts', 'tests/component/**/*.{ts,tsx}'],
    ...reactHooks.configs.flat['recommended-latest'],
  },
  {
    // style guide §7: components may run to 150 lines; plain functions stay under 80.
    name: 'topolab/size-components',
    files: ['src/ui/**/*.tsx'],
    rules: {
      'max-lines-per-function': ['warn', { max: 150, skipBlankLines: true, skipComments: true }],
    },
  },

  // ---- tests -------------------------------------------------------------------------------
  {
    name: 'topolab/tests',
    files: ['tests/**'],
    rules: {
      'no-restricted-properties': [
        'error',
        ...['describe', 'it', 'test', 'suite'].flatMap((object) =>
          ['only', 'skip'].map((property) => ({
            object,
            property,
            message: `${object}.${property} must not be committed: it narrows the test run.`,
          })),
        ),
      ],
    },
  },
  {
    // expect(obj.method).toHaveBeenCalled() is idiomatic in tests.
    name: 'topolab/tests-ts',
    files: ['tests/**/*.ts', 'tests/**/*.tsx'],
    rules: { '@typescript-eslint/unbound-method': 'off' },
  },

  // ---- layers (style guide §2) --------------------------------------------------------------
  {
    name: 'topolab/layer-model',
    files: ['src/model/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            layer('engine', msg.modelIsBottom),
            layer('worker', msg.workerFromLower),
            layer('store', msg.storeFromLower),
            layer('ui', msg.uiFromLower),
            layer('cli', msg.cliFromOthers),
            { group: UI_PACKAGES, message: msg.uiPackages },
            // Any other bare specifier (not relative, not zod) is outside the model's budget.
            { regex: '^(?!\\.{1,2}/|zod(/|$)|lz-string$)', message: msg.modelBareImports },
          ],
        },
      ],
    },
  },
  {
    name: 'topolab/layer-engine',
    files: ['src/engine/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: UI_PACKAGES, message: msg.uiPackages },
            layer('worker', msg.workerFromLower),
            layer('store', msg.storeFromLower),
            layer('ui', msg.uiFromLower),
            layer('cli', msg.cliFromOthers),
            { group: ['node:*', 'fs', 'path'], message: msg.nodeBuiltins },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        ...ENGINE_BANNED_GLOBALS.map((name) => ({ name, message: DETERMINISM })),
      ],
      'no-restricted-properties': [
        'error',
        { object: 'Math', property: 'random', message: DETERMINISM },
        // Close the `globalThis.Date.now()` back door.
        ...ENGINE_BANNED_GLOBALS.map((property) => ({
          object: 'globalThis',
          property,
          message: DETERMINISM,
        })),
      ],
    },
  },
  {
    name: 'topolab/layer-worker',
    files: ['src/worker/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: UI_PACKAGES, message: msg.uiPackages },
            layer('store', msg.storeFromLower),
            layer('ui', msg.uiFromLower),
            layer('cli', msg.cliFromOthers),
          ],
        },
      ],
    },
  },
  {
    name: 'topolab/layer-store',
    files: ['src/store/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            layer('ui', msg.uiFromLower),
            layer('cli', msg.cliFromOthers),
            layer('engine', msg.engineValues, { allowTypeImports: true }),
          ],
        },
      ],
    },
  },
  {
    name: 'topolab/layer-ui',
    files: ['src/ui/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            layer('engine', msg.engineValues, { allowTypeImports: true }),
            layer('cli', msg.cliFromOthers),
            {
              // gitignore semantics cannot re-include a file below an excluded folder, so the
              // folder's own index import is matched by a separate regex.
              group: [
                '**/worker/**',
                '!**/worker/client',
                '!**/worker/client.js',
                '!**/worker/protocol',
                '!**/worker/protocol.js',
              ],
              message: msg.workerInternals,
            },
            { regex: '(^|/)worker/?$', message: msg.workerInternals },
          ],
        },
      ],
    },
  },
  {
    name: 'topolab/layer-cli',
    files: ['src/cli/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: UI_PACKAGES, message: msg.uiPackages },
            layer('worker', msg.workerFromLower),
            layer('store', msg.storeFromLower),
            layer('ui', msg.uiFromLower),
          ],
        },
      ],
    },
  },
]);
