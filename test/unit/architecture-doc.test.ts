import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * docs/architecture.md is the newcomer's map: every file or folder it names in `code` must exist, so the map
 * cannot drift from the tree unnoticed. Placeholders (`<f>`, `NNNN_name.ts`) and bare file names inside the
 * layout block are not paths.
 */
const ROOT = path.resolve(__dirname, '../..');
/** A file, a folder, or a module specifier (`@shared/calendar` → src-shared/calendar.ts). */
const exists = (p: string) => [p, `${p}.ts`, `${p}/index.ts`].some((f) => fs.existsSync(path.join(ROOT, f)));
const DOC = fs.readFileSync(path.join(ROOT, 'docs/architecture.md'), 'utf8');

export function namedPaths(markdown: string): string[] {
  const inline = [...markdown.matchAll(/`([^`\n]+)`/g)].map((m) => m[1] as string);
  const block = [...markdown.matchAll(/```\n([\s\S]*?)```/g)].flatMap((m) => [...(m[1] as string).matchAll(/^(\S+\/\S*)/gm)].map((x) => x[1] as string));
  return [...new Set([...inline, ...block])]
    .map((p) => p.replace(/^@shared\//, 'src-shared/'))
    .filter((p) => /^(src-[a-z]+|test|docs|resources|scripts|security)\//.test(p) || /^[\w.-]+\.(json|js|ts)$/.test(p))
    .filter((p) => !/[<>*]|NNNN/.test(p));
}

describe('docs/architecture.md', () => {
  const paths = namedPaths(DOC);

  it('names the main folders and files (the check has something to check)', () => {
    expect(paths).toEqual(expect.arrayContaining(['src-shared/', 'src-main/services.ts', 'src-main/ipc/', 'src-renderer/lib/query.ts']));
    expect(paths.length).toBeGreaterThan(30);
  });

  it('names only paths that exist', () => {
    const missing = paths.filter((p) => !exists(p));
    expect(missing).toEqual([]);
  });

  it('the check finds a path that does not exist', () => {
    expect(namedPaths('see `src-main/nowhere.ts` and\n```\nsrc-main/gone/   text\n```\n').filter((p) => !exists(p))).toEqual([
      'src-main/nowhere.ts',
      'src-main/gone/',
    ]);
  });
});
