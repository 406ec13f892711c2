import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { builtWorkerPath } from '../../src-main/lib/worker-file';

/**
 * The bundler puts shared code in out/main/chunks/ and the worker entries in out/main/: a worker started from code
 * in a chunk must find its entry one folder up. (It did not: the daily integrity check failed to start in every
 * built version, and the failed check then held back the daily backups.)
 */
describe('finding a built worker', () => {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'lobbydesk-out-'));
  fs.mkdirSync(path.join(out, 'chunks'));
  fs.writeFileSync(path.join(out, 'integrity.worker.js'), '');
  fs.writeFileSync(path.join(out, 'chunks', 'maintenance-abc123.js'), '');

  it('from an entry beside it', () => {
    expect(builtWorkerPath('integrity.worker', pathToFileURL(path.join(out, 'host.js')).href)).toBe(path.join(out, 'integrity.worker.js'));
  });

  it('from a chunk one folder down', () => {
    expect(builtWorkerPath('integrity.worker', pathToFileURL(path.join(out, 'chunks', 'maintenance-abc123.js')).href)).toBe(
      path.join(out, 'integrity.worker.js'),
    );
  });

  it('none in a source tree (the caller falls back to the TypeScript source)', () => {
    expect(builtWorkerPath('integrity.worker', pathToFileURL(path.join(os.tmpdir(), 'nowhere', 'x.ts')).href)).toBeNull();
  });
});

describe('the built bundle', () => {
  const OUT = path.resolve('out/main');
  it.skipIf(!fs.existsSync(path.join(OUT, 'host.js')))('has every worker its code starts where that code will look (build first: npm test does)', () => {
    const files = [
      ...fs.readdirSync(OUT).map((f) => path.join(OUT, f)),
      ...fs.readdirSync(path.join(OUT, 'chunks')).map((f) => path.join(OUT, 'chunks', f)),
    ].filter((f) => f.endsWith('.js'));
    const wanted = new Set<string>();
    for (const f of files) for (const m of fs.readFileSync(f, 'utf8').matchAll(/startWorker\(\s*["']([\w.-]+)["']/g)) wanted.add(`${m[1]}|${f}`);
    expect(wanted.size).toBeGreaterThanOrEqual(2);
    for (const w of wanted) {
      const [name, file] = w.split('|') as [string, string];
      expect(builtWorkerPath(name, pathToFileURL(file).href), `${name} from ${path.relative(OUT, file)}`).not.toBeNull();
    }
  });
});
