import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker, type WorkerOptions } from 'node:worker_threads';

/**
 * A worker thread from its entry's name: the built `<name>.js` next to the calling module or one folder up (the
 * bundler puts shared code in `out/main/chunks/` while worker entries sit in `out/main/`), else the TypeScript
 * source beside the caller under tsx (tests, scripts).
 */
export function builtWorkerPath(name: string, callerUrl: string): string | null {
  const here = path.dirname(fileURLToPath(callerUrl));
  for (const dir of [here, path.dirname(here)]) {
    const js = path.join(dir, `${name}.js`);
    if (fs.existsSync(js)) return js;
  }
  return null;
}

export function startWorker(name: string, callerUrl: string, opts: WorkerOptions): Worker {
  const js = builtWorkerPath(name, callerUrl);
  if (js) return new Worker(js, opts);
  const ts = path.join(path.dirname(fileURLToPath(callerUrl)), `${name}.ts`);
  return new Worker(`import('tsx/esm/api').then((m) => { m.register(); return import(${JSON.stringify(pathToFileURL(ts).href)}); });`, { ...opts, eval: true });
}
