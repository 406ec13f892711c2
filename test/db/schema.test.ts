import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../src-main/db/open';
import { migrate } from '../../src-main/db/migrate';

/**
 * `src-main/db/schema.ts` (the Kysely table types) against the store as the migrations build it: the same tables,
 * the same columns, and for each column the same storage class (TEXT → string, INTEGER → number), the same
 * nullability, a `Generated<>` only where SQLite fills the value itself, and a literal union exactly where the
 * column's CHECK lists its values. The types are read with the TypeScript checker, so aliases and imports resolve.
 */

interface TsColumn {
  kind: 'text' | 'integer' | 'other';
  nullable: boolean;
  generated: boolean;
  /** the string literals of a literal union, sorted; null for a plain string or number */
  literals: string[] | null;
  text: string;
}

const SCHEMA = path.resolve(__dirname, '../../src-main/db/schema.ts');

function tsSchema(): Map<string, Map<string, TsColumn>> {
  const program = ts.createProgram([SCHEMA], {
    strict: true,
    noEmit: true,
    skipLibCheck: true,
    target: ts.ScriptTarget.ES2022,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    module: ts.ModuleKind.ESNext,
  });
  const checker = program.getTypeChecker();
  const file = program.getSourceFile(SCHEMA);
  if (!file) throw new Error('schema.ts not found');
  const db = checker.getExportsOfModule(checker.getSymbolAtLocation(file) as ts.Symbol).find((s) => s.name === 'DB');
  if (!db) throw new Error('schema.ts exports no DB interface');
  const dbType = checker.getDeclaredTypeOfSymbol(db);
  const out = new Map<string, Map<string, TsColumn>>();
  const at = (s: ts.Symbol) => checker.getTypeOfSymbolAtLocation(s, file);
  for (const table of checker.getPropertiesOfType(dbType)) {
    const cols = new Map<string, TsColumn>();
    for (const col of checker.getPropertiesOfType(at(table))) {
      let t = at(col);
      let generated = false;
      // Kysely's Generated<T> / ColumnType<S, I, U>: the row type is __select__; an insert may leave it out when I admits undefined
      const select = t.getProperty('__select__');
      if (select) {
        const insert = t.getProperty('__insert__');
        generated = !!insert && unionOf(at(insert)).some((p) => (p.flags & ts.TypeFlags.Undefined) !== 0);
        t = at(select);
      }
      const parts = unionOf(t);
      const nonNull = parts.filter((p) => (p.flags & ts.TypeFlags.Null) === 0);
      const isText = nonNull.every((p) => (p.flags & ts.TypeFlags.StringLike) !== 0);
      const isInt = nonNull.every((p) => (p.flags & ts.TypeFlags.NumberLike) !== 0);
      const literals = nonNull.every((p) => p.isStringLiteral()) ? nonNull.map((p) => (p as ts.StringLiteralType).value).sort() : null;
      cols.set(col.name, {
        kind: isText ? 'text' : isInt ? 'integer' : 'other',
        nullable: parts.length !== nonNull.length,
        generated,
        literals,
        text: checker.typeToString(t),
      });
    }
    out.set(table.name, cols);
  }
  return out;
}

const unionOf = (t: ts.Type): ts.Type[] => (t.isUnion() ? t.types : [t]);

interface DbColumn {
  name: string;
  type: string;
  notnull: number;
  dflt_value: string | null;
  pk: number;
}

/** The column definitions of a CREATE TABLE text: the top-level comma-separated parts that start with a column name. */
function columnDefs(createSql: string): Map<string, string> {
  const body = createSql.slice(createSql.indexOf('(') + 1, createSql.lastIndexOf(')'));
  const parts: string[] = [];
  let depth = 0;
  let quoted = false;
  let cur = '';
  for (const ch of body) {
    if (ch === "'") quoted = !quoted;
    if (!quoted && ch === '(') depth++;
    if (!quoted && ch === ')') depth--;
    if (!quoted && depth === 0 && ch === ',') {
      parts.push(cur);
      cur = '';
    } else cur += ch;
  }
  parts.push(cur);
  const out = new Map<string, string>();
  for (const p of parts) {
    const def = p.replace(/--[^\n]*/g, '').trim();
    const name = /^"?(\w+)"?\s/.exec(def)?.[1];
    if (name && !/^(CHECK|UNIQUE|PRIMARY|FOREIGN|CONSTRAINT)$/i.test(name)) out.set(name, def);
  }
  return out;
}

/** The text values a column's own CHECK allows (`col IN ('a', 'b')`), or null when it lists none (or only numbers). */
function checkedValues(def: string, col: string): string[] | null {
  const m = new RegExp(`\\b${col} IN \\(([^)]*)\\)`).exec(def);
  const values = m ? [...(m[1] as string).matchAll(/'([^']*)'/g)].map((x) => x[1] as string).sort() : [];
  return values.length ? values : null;
}

function dbSchema(db: Db) {
  const tables = db.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as {
    name: string;
    sql: string;
  }[];
  return new Map(tables.map((t) => [t.name, { defs: columnDefs(t.sql), columns: db.prepare(`SELECT * FROM pragma_table_info(?)`).all(t.name) as DbColumn[] }]));
}

describe('schema.ts matches the migrated store', () => {
  const db = openDatabase(':memory:');
  migrate(db);
  const store = dbSchema(db);
  const types = tsSchema();

  it('has every table of the store, and no other', () => {
    expect([...types.keys()].sort()).toEqual([...store.keys()].sort());
  });

  it('has every column of each table, and no other', () => {
    const problems: string[] = [];
    for (const [table, { columns }] of store) {
      const cols = types.get(table);
      if (!cols) continue;
      const inDb = columns.map((c) => c.name).sort();
      const inTs = [...cols.keys()].sort();
      for (const c of inDb) if (!inTs.includes(c)) problems.push(`${table}.${c}: in the store, missing from schema.ts`);
      for (const c of inTs) if (!inDb.includes(c)) problems.push(`${table}.${c}: in schema.ts, not in the store`);
    }
    expect(problems).toEqual([]);
  });

  it('gives each column its storage class, nullability, default and allowed values', () => {
    const problems: string[] = [];
    for (const [table, { columns, defs }] of store) {
      for (const c of columns) {
        const t = types.get(table)?.get(c.name);
        if (!t) continue;
        const where = `${table}.${c.name} (${t.text})`;
        const want = c.type === 'TEXT' ? 'text' : c.type === 'INTEGER' ? 'integer' : c.type;
        if (t.kind !== want) problems.push(`${where}: the store says ${c.type}`);
        // a rowid alias (INTEGER PRIMARY KEY) is never NULL whatever pragma table_info says
        const rowid = c.pk === 1 && c.type === 'INTEGER';
        const nullable = c.notnull === 0 && c.pk === 0;
        if (t.nullable !== nullable) problems.push(`${where}: the store says ${nullable ? 'NULL allowed' : 'NOT NULL'}`);
        if (t.generated && !rowid && c.dflt_value === null) problems.push(`${where}: Generated, but the store has no default for it`);
        const allowed = checkedValues(defs.get(c.name) ?? '', c.name);
        if (allowed && JSON.stringify(t.literals) !== JSON.stringify(allowed)) problems.push(`${where}: the CHECK allows ${allowed.join(', ')}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('reads the checks the way the store enforces them (the comparison itself is sound)', () => {
    // a value outside a listed CHECK is refused by the store, so a literal union that differs from the list is a real mismatch
    expect(checkedValues(store.get('card_stock_moves')?.defs.get('kind') ?? '', 'kind')).toEqual(['count', 'in', 'issue', 'out', 'return']);
    expect(checkedValues(store.get('key_loans')?.defs.get('return_condition') ?? '', 'return_condition')).toEqual(['damaged', 'lost', 'ok']);
    expect(types.get('operators')?.get('id')).toMatchObject({ kind: 'integer', generated: true, nullable: false });
    expect(types.get('approvals')?.get('consumed_by')).toMatchObject({ kind: 'integer', nullable: true, generated: false });
    expect(types.get('parcels')?.get('carrier')?.literals).toContain('CAINIAO');
  });
});
