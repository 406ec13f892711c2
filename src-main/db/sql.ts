import { DummyDriver, Kysely, SqliteAdapter, SqliteIntrospector, SqliteQueryCompiler, type Compilable, type CompiledQuery, type RawBuilder } from 'kysely';
import type { Statement } from 'better-sqlite3';
import type { Db } from './open';
import type { DB } from './schema';

/**
 * Kysely is used as a typed query *builder* only; queries run synchronously on better-sqlite3.
 * That keeps transactions synchronous (no other request can interleave inside one), and lets us
 * cache prepared statements, which Kysely's own SqliteDriver does not (see docs/decisions.md).
 */
export const qb = new Kysely<DB>({
  dialect: {
    createAdapter: () => new SqliteAdapter(),
    createDriver: () => new DummyDriver(),
    createIntrospector: (k) => new SqliteIntrospector(k),
    createQueryCompiler: () => new SqliteQueryCompiler(),
  },
});

/**
 * What `Sql` runs: a Kysely builder, or raw SQL written with Kysely's `sql` template tag (for aggregates that read
 * better as SQL). Both compile to text with `?` placeholders and go through the same statement cache.
 */
export type Query = Compilable<unknown> | RawBuilder<unknown>;
type Row<Q> = Q extends RawBuilder<infer R> ? R : Q extends Compilable<infer R> ? R : never;

const isRaw = (q: Query): q is RawBuilder<unknown> => (q as Partial<RawBuilder<unknown>>).isRawBuilder === true;
const compile = (q: Query): CompiledQuery => (isRaw(q) ? q.compile(qb) : q.compile());

export class Sql {
  private readonly cache = new Map<string, Statement<unknown[]>>();
  /** statements in raw mode (rows as arrays): their own cache, since the mode belongs to the statement */
  private readonly rawCache = new Map<string, Statement<unknown[]>>();
  /**
   * Runs at the end of every outermost transaction, inside it, just before the commit: the ledger stamp
   * (db/ledger.ts) writes the digest of each money and custody row the transaction wrote into the audit chain.
   */
  beforeCommit: (() => void) | null = null;
  constructor(readonly db: Db) {}

  private stmt(q: CompiledQuery) {
    let s = this.cache.get(q.sql);
    if (!s) {
      s = this.db.prepare<unknown[]>(q.sql);
      if (this.cache.size > 500) this.cache.clear();
      this.cache.set(q.sql, s);
    }
    return s;
  }

  private params(q: CompiledQuery): unknown[] {
    return q.parameters.map((p) => (typeof p === 'boolean' ? (p ? 1 : 0) : p));
  }

  all<Q extends Query>(query: Q): Row<Q>[] {
    const q = compile(query);
    return this.stmt(q).all(...this.params(q)) as Row<Q>[];
  }

  /**
   * The rows as arrays, in the order the query selects its columns. The driver then builds no object per row: for
   * long lists (hundreds of rows, many columns) that is about half the cost; the repository turns them into rows.
   */
  arrays(query: Query): unknown[][] {
    const q = compile(query);
    let s = this.rawCache.get(q.sql);
    if (!s) {
      s = this.db.prepare<unknown[]>(q.sql).raw(true);
      if (this.rawCache.size > 100) this.rawCache.clear();
      this.rawCache.set(q.sql, s);
    }
    return s.all(...this.params(q)) as unknown[][];
  }

  get<Q extends Query>(query: Q): Row<Q> | undefined {
    const q = compile(query);
    return this.stmt(q).get(...this.params(q)) as Row<Q> | undefined;
  }

  run(query: Query): { changes: number; lastInsertRowid: number } {
    // a lone write outside a transaction still gets its ledger stamp in the same transaction
    if (this.beforeCommit && !this.db.inTransaction) return this.tx(() => this.run(query));
    const q = compile(query);
    const r = this.stmt(q).run(...this.params(q));
    return { changes: r.changes, lastInsertRowid: Number(r.lastInsertRowid) };
  }

  /** Runs fn in one IMMEDIATE transaction (nested calls become savepoints). Services own transactions. */
  tx<T>(fn: () => T): T {
    const hook = this.beforeCommit;
    if (!hook || this.db.inTransaction) return this.db.transaction(fn).immediate();
    return this.db
      .transaction(() => {
        const out = fn();
        hook();
        return out;
      })
      .immediate();
  }
}
