import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * Each area's style sheet (src-renderer/features/<f>/<f>.css) comes with its screen's chunk, loaded the first
 * time the area opens. A class it styles must therefore be used only where that sheet is sure to be loaded:
 * in that feature's own components, rendered nowhere else. Otherwise another screen would look different
 * before and after the area was first opened. What several areas use belongs in src-renderer/styles/.
 *
 * Class names are read from `className=` attributes (string literals and the static parts of template
 * literals; `prefix-${x}` counts for every class starting with `prefix-`).
 */
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const RENDERER = path.join(ROOT, 'src-renderer');
const FEATURES = path.join(RENDERER, 'features');

function walk(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) => (d.isDirectory() ? walk(path.join(dir, d.name)) : [path.join(dir, d.name)]));
}

const sources = walk(RENDERER).filter((f) => /\.tsx?$/.test(f));
const rel = (f: string) => path.relative(RENDERER, f).split(path.sep).join('/');
const featureOf = (f: string): string | null => /^features\/([^/]+)\//.exec(rel(f))?.[1] ?? null;

/** The string literals inside each `className=` attribute, as class tokens ('x-' for a `x-${…}` prefix). */
function classTokens(code: string): string[] {
  const tokens: string[] = [];
  const words = (text: string) => tokens.push(...(text.match(/[A-Za-z_][\w-]*/g) ?? []));
  const literals = (expr: string) => {
    for (const m of expr.matchAll(/'([^'\n]*)'|"([^"\n]*)"|`([^`]*)`/g)) {
      if (m[3] === undefined) words(m[1] ?? m[2] ?? '');
      else {
        // a template: its static parts (a part right before ${…} ending in '-' is a prefix), and the literals inside ${…}
        for (const inner of m[3].matchAll(/\$\{([^}]*)\}/g)) literals(inner[1] ?? '');
        words(m[3].replace(/\$\{[^}]*\}/g, ' '));
      }
    }
  };
  for (const m of code.matchAll(/className=/g)) {
    const start = (m.index ?? 0) + m[0].length;
    if (code[start] === '"' || code[start] === "'") {
      const end = code.indexOf(code[start] as string, start + 1);
      words(code.slice(start + 1, end));
    } else if (code[start] === '{') {
      let depth = 0;
      let end = start;
      for (; end < code.length; end++) {
        if (code[end] === '{') depth++;
        else if (code[end] === '}' && --depth === 0) break;
      }
      literals(code.slice(start + 1, end));
    }
  }
  return tokens;
}

/** The areas a source file is drawn in: its own feature's, and those of every feature that imports it. */
function areasOf(): Map<string, Set<string>> {
  const importers = new Map<string, Set<string>>();
  for (const f of sources) {
    for (const m of fs.readFileSync(f, 'utf8').matchAll(/import\s+(?:type\s+)?\{([^}]*)\}\s+from '(\.[^']+)'/g)) {
      // only a component (PascalCase) or a hook (use…) draws something where it is imported; labels and helpers do not
      const names = (m[1] as string).split(',').map(
        (n) =>
          n
            .trim()
            .replace(/^type\s+/, '')
            .split(/\s+as\s+/)[0] ?? '',
      );
      if (m[0].startsWith('import type') || !names.some((n) => /^[A-Z][a-z]|^use[A-Z]/.test(n))) continue;
      const base = path.resolve(path.dirname(f), m[2] as string);
      const target = [`${base}.tsx`, `${base}.ts`].find((x) => fs.existsSync(x));
      if (target) importers.set(target, (importers.get(target) ?? new Set()).add(f));
    }
  }
  const areas = new Map<string, Set<string>>();
  const of = (f: string, seen = new Set<string>()): Set<string> => {
    const known = areas.get(f);
    if (known) return known;
    const own = featureOf(f);
    // app/ and lib/ are drawn everywhere: a class used there is shared
    const out = new Set<string>([own ?? '(shared)']);
    seen.add(f);
    for (const by of importers.get(f) ?? []) if (!seen.has(by) && featureOf(by) !== own && featureOf(by) !== null) for (const a of of(by, seen)) out.add(a);
    areas.set(f, out);
    return out;
  };
  for (const f of sources) of(f);
  return areas;
}

/** Every sheet in a feature's folder: `<f>.css`, and any other a long sheet was split into. */
const sheets = fs.readdirSync(FEATURES).flatMap((f) =>
  fs
    .readdirSync(path.join(FEATURES, f))
    .filter((n) => n.endsWith('.css'))
    .map((n) => ({ feature: f, name: n, file: path.join(FEATURES, f, n) })),
);

/** Each selector of a sheet (the parts of a selector list apart), with the classes it names. */
function selectorsOf(css: string): { selector: string; classes: string[] }[] {
  const text = css
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/@media[^{]*\{/g, '')
    .replace(/\{[^{}]*\}/g, ',');
  return text
    .split(',')
    .map((x) => x.trim())
    .filter((x) => x && !x.startsWith('}') && !x.startsWith('@') && !/^(from|to|\d+%)$/.test(x))
    .map((selector) => ({ selector, classes: [...selector.matchAll(/\.([A-Za-z_][\w-]*)/g)].map((m) => m[1] as string) }));
}

describe('each area’s style sheet styles only that area', () => {
  it('finds the sheets (at least the areas split out of the old global sheets)', () => {
    expect(sheets.map((s) => s.feature)).toEqual(expect.arrayContaining(['cash', 'cards', 'fees', 'handover', 'keys', 'parcels', 'roster', 'service']));
  });

  it('every sheet is imported by a module of its own feature (so it loads with that screen)', () => {
    for (const s of sheets) {
      const importers = sources.filter((f) => featureOf(f) === s.feature && fs.readFileSync(f, 'utf8').includes(`import './${s.name}';`));
      expect(importers.map(rel), s.name).toHaveLength(1);
    }
  });

  it('no selector of a sheet can match anything outside its area', () => {
    const areas = areasOf();
    const users = new Map<string, string[]>();
    for (const f of sources) for (const tok of classTokens(fs.readFileSync(f, 'utf8'))) users.set(tok, [...(users.get(tok) ?? []), f]);
    /** the areas where a class is drawn: by the files naming it (or, for a class no file names, a `prefix-${…}`) */
    const drawnIn = (cls: string): Set<string> => {
      const literal = users.get(cls);
      const files = literal ?? [...users].filter(([tok]) => tok.endsWith('-') && cls.startsWith(tok)).flatMap(([, fs]) => fs);
      return new Set(files.flatMap((f) => [...(areas.get(f) ?? [])]));
    };
    const misplaced: string[] = [];
    for (const s of sheets) {
      for (const { selector, classes } of selectorsOf(fs.readFileSync(s.file, 'utf8'))) {
        if (classes.length === 0) {
          misplaced.push(`${s.feature}/${s.name}: ${selector} (names no class: it matches in every area)`);
          continue;
        }
        // an element it matches carries (or sits in) every class it names: only where all of them are drawn
        const where = classes.map(drawnIn).reduce((a, b) => new Set([...a].filter((x) => b.has(x))));
        if ([...where].some((a) => a !== s.feature)) misplaced.push(`${s.feature}/${s.name}: ${selector} (drawn in ${[...where].join(', ')})`);
      }
    }
    expect(misplaced).toEqual([]);
  });

  it('reads class names the way the screens write them', () => {
    const code =
      "<li className={`room-result${h.movedOut ? ' moved-out' : ''}`}><span className=\"tag kind-x\" /><b className={`tag kind-${k}`} /><i className={on ? 'a' : 'b'} />";
    expect(classTokens(code)).toEqual(expect.arrayContaining(['room-result', 'moved-out', 'tag', 'kind-x', 'kind-', 'a', 'b']));
  });
});
