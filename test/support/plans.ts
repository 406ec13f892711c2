import { openDatabase, type Db } from '../../src-main/db/open';
import { migrate } from '../../src-main/db/migrate';
import { Sql } from '../../src-main/db/sql';

export interface PlanStore {
  db: Db;
  sql: Sql;
  /** the EXPLAIN QUERY PLAN of the last statement `run` prepared */
  planOf(run: () => unknown): string;
  /** the plans of every statement `run` prepared, in order */
  plansOf(run: () => unknown): string[];
  /** every statement `run` prepared, in order, with its plan */
  statementsOf(run: () => unknown): Array<{ sql: string; plan: string }>;
}

/** A migrated in-memory store whose statements are captured as the repositories prepare them. */
export function planStore(): PlanStore {
  const db = openDatabase(':memory:');
  migrate(db);
  const sql = new Sql(db);
  const captured: string[] = [];
  const prepare = db.prepare.bind(db);
  (db as unknown as { prepare: typeof db.prepare }).prepare = ((s: string) => {
    captured.push(s);
    return prepare(s);
  }) as typeof db.prepare;
  const explain = (q: string) => {
    const params = (q.match(/\?/g) ?? []).map(() => 'x');
    return (prepare(`EXPLAIN QUERY PLAN ${q}`).all(...params) as Array<{ detail: string }>).map((r) => r.detail).join(' | ');
  };
  const statementsOf = (run: () => unknown) => {
    captured.length = 0;
    run();
    return captured.map((q) => ({ sql: q, plan: explain(q) }));
  };
  const plansOf = (run: () => unknown): string[] => statementsOf(run).map((s) => s.plan);
  const planOf = (run: () => unknown): string => {
    const q = plansOf(run).at(-1);
    if (q === undefined) throw new Error('no statement prepared (cached?)');
    return q;
  };
  return { db, sql, planOf, plansOf, statementsOf };
}
