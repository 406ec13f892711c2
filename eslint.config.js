// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import { builtinModules } from 'node:module';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];

export default tseslint.config(
  { ignores: ['out/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'bench/**', 'test/fixtures/lint/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      // A file with more than 400 lines of code has more than one job: split it along its seams.
      'max-lines': ['warn', { max: 400, skipBlankLines: true, skipComments: true }],
      // Process boundary: only src-main/app may import Electron (see docs/architecture.md).
      'no-restricted-imports': [
        'error',
        { paths: [{ name: 'electron', message: 'Only src-main/app/ may import electron; pass what you need in through an interface.' }] },
      ],
    },
  },
  {
    files: ['src-main/app/**', 'src-preload/**', 'test/e2e/electron*.ts', 'scripts/**'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    // Pure code both processes use: no Node, no Electron, nothing from either side.
    files: ['src-shared/**'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'electron', message: 'src-shared is pure code: no Electron.' },
            ...nodeBuiltins.map((name) => ({ name, message: 'src-shared is pure code used by the renderer too: no Node modules.' })),
          ],
          patterns: [{ regex: '(^|/)src-(main|renderer|preload)(/|$)', message: 'src-shared imports neither side: move the shared part here instead.' }],
        },
      ],
    },
  },
  {
    // The renderer is a browser page: no Node modules, no electron, nothing from main but the contract's types.
    files: ['src-renderer/**'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'electron', message: 'The renderer talks to main only through lib/api.ts.' },
            ...nodeBuiltins.map((name) => ({ name, message: 'The renderer runs in a sandboxed browser page: no Node modules.' })),
          ],
          patterns: [
            {
              regex: '(^|/)src-main(/|$)',
              message: 'The renderer imports no main-process code: what both sides use is in src-shared (@shared/*); call main through lib/api.ts.',
            },
            { regex: '^(better-sqlite3|kysely|node-hid|exceljs|iconv-lite|papaparse)$', message: 'Main-process library: call it through the contract.' },
          ],
        },
      ],
    },
  },
);
