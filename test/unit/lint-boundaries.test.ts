import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint, type Linter } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

/**
 * The process boundaries (docs/architecture.md) are enforced by eslint.config.js, not by habit. These tests
 * lint small snippets through ESLint's Node API with the repo's real config, at paths inside each
 * process folder (the files need not exist), so a config change that silently disables a boundary fails here.
 */
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

let eslint: ESLint;
beforeAll(() => {
  eslint = new ESLint({ cwd: ROOT });
});

async function boundaryErrors(code: string, file: string): Promise<Linter.LintMessage[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(ROOT, file) });
  if (!result) throw new Error('no lint result');
  // a file no config block matches comes back as a single "ignored" warning: that would make every case pass
  expect(result.messages.filter((m) => /ignored|no matching configuration/i.test(m.message))).toEqual([]);
  expect(result.messages.filter((m) => m.fatal)).toEqual([]);
  return result.messages.filter((m) => m.ruleId === 'no-restricted-imports' && m.severity === 2);
}

describe('electron only in src-main/app (and the preload)', () => {
  const code = "import { app } from 'electron';\nexport const quit = () => app.quit();\n";

  it('refuses electron in a feature module', async () => {
    const errors = await boundaryErrors(code, 'src-main/features/x.ts');
    expect(errors).toHaveLength(1);
    expect(errors[0]?.message).toMatch(/Only src-main\/app/);
  });

  it('refuses electron in other main-process folders', async () => {
    for (const file of ['src-main/ipc/x.ts', 'src-main/db/x.ts', 'src-main/devices/x.ts', 'src-main/compose-x.ts']) {
      expect(await boundaryErrors(code, file), file).toHaveLength(1);
    }
  });

  it('allows electron in src-main/app and src-preload', async () => {
    expect(await boundaryErrors(code, 'src-main/app/x.ts')).toEqual([]);
    expect(await boundaryErrors(code, 'src-preload/x.ts')).toEqual([]);
  });
});

describe('the renderer is a browser page', () => {
  it('refuses node:fs and fs', async () => {
    for (const spec of ['node:fs', 'fs', 'node:child_process', 'path']) {
      const errors = await boundaryErrors(`import x from '${spec}';\nexport default x;\n`, 'src-renderer/x.tsx');
      expect(errors, spec).toHaveLength(1);
      expect(errors[0]?.message).toMatch(/no Node modules/);
    }
  });

  it('refuses electron', async () => {
    const errors = await boundaryErrors("import { ipcRenderer } from 'electron';\nexport default ipcRenderer;\n", 'src-renderer/features/x.tsx');
    expect(errors).toHaveLength(1);
  });

  it('refuses main-process code, such as the database', async () => {
    const errors = await boundaryErrors(
      "import { openDatabase } from '../../src-main/db/open';\nexport default openDatabase;\n",
      'src-renderer/features/x.tsx',
    );
    expect(errors).toHaveLength(1);
    expect(errors[0]?.message).toMatch(/no main-process code/);
  });

  it('refuses anything from src-main, even a contract-looking path (the contract is in src-shared)', async () => {
    for (const spec of ['../../src-main/contract/fees', '../../../src-main/lib/errors']) {
      const errors = await boundaryErrors(`import type { X } from '${spec}';\nexport type Y = X;\n`, 'src-renderer/features/x/y.tsx');
      expect(errors, spec).toHaveLength(1);
    }
  });

  it('refuses main-process libraries imported by name', async () => {
    const errors = await boundaryErrors("import Database from 'better-sqlite3';\nexport default Database;\n", 'src-renderer/features/x.tsx');
    expect(errors).toHaveLength(1);
  });

  it('allows a type import from the contract', async () => {
    const code = "import type { Channel } from '@shared/contract';\nexport type C = Channel;\n";
    expect(await boundaryErrors(code, 'src-renderer/features/x.tsx')).toEqual([]);
  });
});

describe('src-shared is pure code both processes use', () => {
  it('refuses Node modules and electron', async () => {
    for (const spec of ['node:fs', 'fs', 'path', 'electron']) {
      const errors = await boundaryErrors(`import x from '${spec}';\nexport default x;\n`, 'src-shared/x.ts');
      expect(errors, spec).toHaveLength(1);
    }
  });

  it('refuses imports from either side', async () => {
    for (const spec of ['../src-main/db/sql', '../../src-renderer/lib/api', '../src-main/contract/money']) {
      const errors = await boundaryErrors(`import { x } from '${spec}';\nexport const y = x;\n`, 'src-shared/calendar-x.ts');
      expect(errors, spec).toHaveLength(1);
      expect(errors[0]?.message).toMatch(/imports neither side/);
    }
  });

  it('allows other shared modules', async () => {
    expect(await boundaryErrors("import { x } from './money';\nexport const y = x;\n", 'src-shared/x.ts')).toEqual([]);
    expect(await boundaryErrors("import { x } from '@shared/money';\nexport const y = x;\n", 'src-renderer/x.ts')).toEqual([]);
  });
});
