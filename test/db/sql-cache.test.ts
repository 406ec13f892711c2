import { sql as raw } from 'kysely';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src-main/db/open';
import { migrate } from '../../src-main/db/migrate';
import { qb, Sql } from '../../src-main/db/sql';

/** Every query, built with Kysely or written as SQL with its `sql` tag, is prepared once and then reused. */
describe('Sql: one statement cache for built and raw queries', () => {
  function counted() {
    const db = openDatabase(':memory:');
    migrate(db);
    const prepared: string[] = [];
    const prepare = db.prepare.bind(db);
    (db as unknown as { prepare: typeof db.prepare }).prepare = ((s: string) => {
      prepared.push(s);
      return prepare(s);
    }) as typeof db.prepare;
    return { sql: new Sql(db), prepared };
  }

  it('raw SQL binds its values as parameters and is prepared once for any values', () => {
    const { sql, prepared } = counted();
    const at = (key: string) => raw<{ value: string }>`SELECT value FROM settings WHERE key = ${key}`;
    sql.run(raw`INSERT INTO settings (key, value, updated_at) VALUES (${'a'}, ${'1'}, ${'now'})`);
    sql.run(raw`INSERT INTO settings (key, value, updated_at) VALUES (${'b'}, ${"2'); DROP TABLE settings; --"}, ${'now'})`);
    expect(sql.get(at('a'))?.value).toBe('1');
    expect(sql.get(at('b'))?.value).toBe("2'); DROP TABLE settings; --");
    expect(sql.all(raw<{ n: number }>`SELECT count(*) AS n FROM settings WHERE key IN (${'a'}, ${'b'})`)).toEqual([{ n: 2 }]);
    expect(prepared.filter((s) => s.startsWith('SELECT value FROM settings'))).toEqual(['SELECT value FROM settings WHERE key = ?']);
    expect(prepared.filter((s) => s.startsWith('INSERT INTO settings'))).toHaveLength(1);
  });

  it('arrays: the same query as rows in select order, from its own statement (objects stay objects), prepared once', () => {
    const { sql, prepared } = counted();
    sql.run(raw`INSERT INTO settings (key, value, updated_at) VALUES (${'a'}, ${'1'}, ${'t1'})`);
    sql.run(raw`INSERT INTO settings (key, value, updated_at) VALUES (${'b'}, ${'2'}, ${'t2'})`);
    const q = () => qb.selectFrom('settings').select(['value', 'key']).where('key', 'in', ['a', 'b']).orderBy('key');
    expect(sql.arrays(q())).toEqual([
      ['1', 'a'],
      ['2', 'b'],
    ]);
    expect(sql.all(q())).toEqual([
      { value: '1', key: 'a' },
      { value: '2', key: 'b' },
    ]);
    expect(sql.arrays(q())).toEqual([
      ['1', 'a'],
      ['2', 'b'],
    ]);
    expect(prepared.filter((s) => s.includes('from "settings"'))).toHaveLength(2);
  });

  it('a built query and a boolean parameter (stored as 0/1) share the same cache', () => {
    const { sql, prepared } = counted();
    const q = (active: boolean) =>
      qb
        .selectFrom('operators')
        .select('id')
        .where('active', '=', active ? 1 : 0);
    sql.all(q(true));
    sql.all(q(false));
    expect(sql.all(raw<{ v: number }>`SELECT ${true} AS v`)).toEqual([{ v: 1 }]);
    expect(prepared.filter((s) => s.includes('from "operators"'))).toHaveLength(1);
  });
});
