import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { importCycles, importGraph } from '../support/imports';

/**
 * No import circles: a module never reaches itself through its imports, type-only imports included. A circle is
 * how a composition root starts leaking into the features it wires (a service taking the whole app, the IPC
 * handlers importing a constant back from the root); the layers only stay layers while this holds.
 */
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const show = (cycles: string[][]) => cycles.map((c) => [...c, c[0]].join(' → '));

describe('import circles', () => {
  it('none in src-main and src-shared', () => {
    const graph = importGraph(ROOT, ['src-main', 'src-shared']);
    // the walk really saw the tree (a broken walk would find no circle in an empty graph)
    expect(graph.size).toBeGreaterThan(150);
    expect(graph.get('src-main/compose.ts')).toContain('src-main/services.ts');
    expect(graph.get('src-main/ipc/handlers.ts')).toContain('src-main/features/fees/fees.handlers.ts');
    expect(show(importCycles(graph))).toEqual([]);
  });

  it('none in the renderer and the preload', () => {
    const graph = importGraph(ROOT, ['src-renderer', 'src-preload', 'src-shared']);
    expect(graph.size).toBeGreaterThan(150);
    expect(show(importCycles(graph))).toEqual([]);
  });

  it('the check finds a circle, through a type-only import and the @shared alias too', () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'lobbydesk-cycles-'));
    const write = (file: string, text: string) => {
      fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
      fs.writeFileSync(path.join(root, file), text);
    };
    write('src-main/compose.ts', "import { handlers } from './ipc/handlers';\nexport const VERSION = '1';\nexport const h = handlers;\n");
    write('src-main/ipc/handlers.ts', "import { VERSION } from '../compose';\nexport const handlers = { VERSION };\n");
    write('src-main/features/system.ts', "import type { Core } from '../core';\nexport type S = Core;\n");
    write('src-main/core.ts', "import type { S } from './features/system';\nexport interface Core { s?: S }\n");
    write('src-main/uses-shared.ts', "import { x } from '@shared/a';\nexport const y = x;\n");
    write('src-shared/a.ts', "import { y } from '../src-main/uses-shared';\nexport const x = 1;\nexport const z = y;\n");
    write('src-main/leaf.ts', "import { x } from '@shared/a';\nimport fs from 'node:fs';\nexport const w = [x, fs];\n");
    const cycles = show(importCycles(importGraph(root, ['src-main', 'src-shared'])));
    expect(cycles).toHaveLength(3);
    expect(cycles).toContain('src-main/compose.ts → src-main/ipc/handlers.ts → src-main/compose.ts');
    expect(cycles).toContain('src-main/core.ts → src-main/features/system.ts → src-main/core.ts');
    expect(cycles).toContain('src-main/uses-shared.ts → src-shared/a.ts → src-main/uses-shared.ts');
    fs.rmSync(root, { recursive: true, force: true });
  });
});
