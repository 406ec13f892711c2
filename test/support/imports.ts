import fs from 'node:fs';
import path from 'node:path';

/**
 * The import graph of the TypeScript sources under some folders: every `import … from` / `export … from` /
 * `import('…')` whose target is a file of the tree (relative paths and the `@shared/*` alias), type-only imports
 * included (a type-only circle is still a circle in the design). Packages are left out.
 */
export function importGraph(root: string, folders: string[]): Map<string, string[]> {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.(ts|tsx)$/.test(e.name) && !e.name.endsWith('.d.ts')) files.push(p);
    }
  };
  for (const f of folders) if (fs.existsSync(path.join(root, f))) walk(path.join(root, f));
  const resolve = (from: string, spec: string): string | null => {
    let base: string;
    if (spec.startsWith('@shared/')) base = path.join(root, 'src-shared', spec.slice('@shared/'.length));
    else if (spec.startsWith('.')) base = path.resolve(path.dirname(from), spec);
    else return null;
    for (const c of [base, `${base}.ts`, `${base}.tsx`, path.join(base, 'index.ts'), path.join(base, 'index.tsx')]) {
      if (fs.existsSync(c) && fs.statSync(c).isFile()) return c;
    }
    return null;
  };
  const RE = /(?:import|export)\s+(?:type\s+)?(?:[^'"`;]*?\s+from\s+)?['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;
  const graph = new Map<string, string[]>();
  for (const f of files) {
    const src = fs.readFileSync(f, 'utf8');
    const out = new Set<string>();
    for (const m of src.matchAll(RE)) {
      const spec = m[1] ?? m[2];
      if (!spec) continue;
      const target = resolve(f, spec);
      if (target && !target.endsWith('.json')) out.add(path.relative(root, target));
    }
    graph.set(path.relative(root, f), [...out].sort());
  }
  return graph;
}

/** Every import circle (each once, from its smallest file name), as the list of files around it. */
export function importCycles(graph: Map<string, string[]>): string[][] {
  const cycles = new Map<string, string[]>();
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (f: string) => {
    state.set(f, 'open');
    stack.push(f);
    for (const g of graph.get(f) ?? []) {
      if (state.get(g) === 'open') {
        const cycle = stack.slice(stack.indexOf(g));
        const start = cycle.indexOf([...cycle].sort()[0] as string);
        const norm = [...cycle.slice(start), ...cycle.slice(0, start)];
        cycles.set(norm.join(' → '), norm);
      } else if (!state.has(g)) visit(g);
    }
    stack.pop();
    state.set(f, 'done');
  };
  for (const f of [...graph.keys()].sort()) if (!state.has(f)) visit(f);
  return [...cycles.values()];
}
