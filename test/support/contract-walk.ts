import { contract, type Channel } from '@shared/contract';

/**
 * Walks the input schema of every channel: the object keys it declares, and every string it accepts (with the
 * literal fields, such as a discriminator `kind`, that must be sent alongside to reach it). Zod 4's schema
 * definitions are read directly (`_zod.def`), so nothing in the contract needs to declare itself.
 */
type Path = Array<string | number>;
interface Def {
  type: string;
  shape?: Record<string, Schema>;
  innerType?: Schema;
  element?: Schema;
  options?: Schema[];
  in?: Schema;
  valueType?: Schema;
  values?: unknown[];
}
interface Schema {
  _zod: { def: Def };
  safeParse(v: unknown): { success: boolean; error?: { issues: Array<{ path: PropertyKey[]; message: string }> } };
}

export interface StringLeaf {
  channel: Channel;
  path: Path;
  /** literal fields to send with it, each at its object's path */
  context: Array<{ path: Path; value: unknown }>;
}

const WRAPPERS = new Set(['optional', 'nullable', 'default', 'readonly', 'nonoptional', 'prefault', 'catch']);

function walk(
  s: Schema,
  path: Path,
  context: StringLeaf['context'],
  visit: { key?(k: string): void; leaf?(path: Path, context: StringLeaf['context']): void },
): void {
  const d = s._zod.def;
  if (WRAPPERS.has(d.type) && d.innerType) return walk(d.innerType, path, context, visit);
  switch (d.type) {
    case 'object': {
      const shape = d.shape ?? {};
      const literals = Object.entries(shape).flatMap(([k, v]) =>
        v._zod.def.type === 'literal' ? [{ path: [...path, k], value: v._zod.def.values?.[0] }] : [],
      );
      for (const [k, v] of Object.entries(shape)) {
        visit.key?.(k);
        walk(v, [...path, k], [...context, ...literals], visit);
      }
      return;
    }
    case 'array':
      return d.element ? walk(d.element, [...path, 0], context, visit) : undefined;
    case 'union':
      for (const o of d.options ?? []) walk(o, path, context, visit);
      return;
    case 'pipe':
      return d.in ? walk(d.in, path, context, visit) : undefined;
    case 'record':
      return d.valueType ? walk(d.valueType, [...path, 'any'], context, visit) : undefined;
    case 'string':
      return visit.leaf?.(path, context);
    default:
      return;
  }
}

const channels = () => Object.keys(contract) as Channel[];
const inputOf = (c: Channel) => contract[c].input as unknown as Schema;

/** Every object key any channel's input declares, with the channels that use it. */
export function inputKeys(): Map<string, Channel[]> {
  const keys = new Map<string, Channel[]>();
  for (const c of channels()) {
    walk(inputOf(c), [], [], {
      key(k) {
        const list = keys.get(k) ?? [];
        if (!list.includes(c)) list.push(c);
        keys.set(k, list);
      },
    });
  }
  return keys;
}

/** Every string any channel's input accepts. */
export function stringLeaves(): StringLeaf[] {
  const out: StringLeaf[] = [];
  for (const c of channels()) walk(inputOf(c), [], [], { leaf: (path, context) => out.push({ channel: c, path, context }) });
  return out;
}

function setAt(root: Record<string, unknown>, path: Path, value: unknown): void {
  let at: Record<string | number, unknown> = root;
  path.forEach((p, i) => {
    if (i === path.length - 1) {
      at[p] = value;
      return;
    }
    const next = path[i + 1];
    at[p] ??= typeof next === 'number' ? [] : {};
    at = at[p] as Record<string | number, unknown>;
  });
}

/** A payload that carries `value` at the leaf (and the literals that lead to it); nothing else. */
export function payloadFor(leaf: StringLeaf, value: string): unknown {
  if (leaf.path.length === 0) return value;
  const root: Record<string, unknown> = {};
  for (const c of leaf.context) setAt(root, c.path, c.value);
  setAt(root, leaf.path, value);
  return root;
}

/** The messages of the issues the channel's input schema reports at exactly the leaf's path. */
export function issuesAtLeaf(leaf: StringLeaf, value: string): string[] {
  const r = inputOf(leaf.channel).safeParse(payloadFor(leaf, value));
  if (r.success) return [];
  const want = JSON.stringify(leaf.path);
  return (r.error?.issues ?? []).filter((i) => JSON.stringify(i.path) === want).map((i) => i.message);
}

export const describeLeaf = (l: StringLeaf) => `${l.channel} ${l.path.join('.')}`;
