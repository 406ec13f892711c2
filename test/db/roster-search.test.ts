import { beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src-main/db/open';
import { migrate } from '../../src-main/db/migrate';
import { Sql, qb } from '../../src-main/db/sql';
import { ManualClock } from '../../src-main/lib/clock';
import { RosterService } from '../../src-main/features/roster/roster.service';
import { generateDemo } from '../../src-main/features/roster/demo';
import * as repo from '../../src-main/features/roster/roster.repo';
import { nameKeys } from '../../src-main/features/roster/rules';

let sql: Sql;
let roster: RosterService;

function addResident(room: string, name: string, phone: string | null, kind: 'owner' | 'tenant' | 'family' = 'owner') {
  const roomId = repo.roomByCode(sql, room)?.id as number;
  const k = nameKeys(name);
  repo.insertResident(sql, { roomId, name, kind, initials: k.initials, pinyin: k.pinyin, phone, moveIn: null, moveOut: null, note: '', at: 'now' });
}

beforeAll(async () => {
  const db = openDatabase(':memory:');
  migrate(db);
  sql = new Sql(db);
  const clock = new ManualClock('2026-11-23T00:00:00Z');
  await generateDemo(sql, clock, null, { buildings: 4, units: 2, floors: 10, perFloor: 4, residents: 600 }, 7);
  addResident('3-2-501', '曾国藩', '13900001111');
  addResident('3-2-501', '单田芳', '13900002222', 'family');
  addResident('2-1-1002', '张伟', '13812345678');
  roster = new RosterService(sql, clock);
});

describe('roster search', () => {
  it('finds by pinyin initials with surnames read as surnames (曾 zeng, 单 shan)', () => {
    expect(roster.search('zgf').items.map((r) => r.name)).toContain('曾国藩');
    expect(roster.search('stf').items.map((r) => r.name)).toContain('单田芳');
    expect(roster.search('zw').items.map((r) => r.name)).toContain('张伟');
    expect(roster.search('ZW').kind).toBe('initials');
    // not the everyday readings
    expect(roster.search('cgf').items.map((r) => r.name)).not.toContain('曾国藩');
    expect(roster.search('dtf').items.map((r) => r.name)).not.toContain('单田芳');
  });

  it('finds by full pinyin prefix', () => {
    expect(roster.search('zengguo').items.map((r) => r.name)).toContain('曾国藩');
  });

  it('finds a room in each way it is written, owner first', () => {
    for (const q of ['3-2-501', '3栋2单元501', '3号楼2单元501室', '３－２－５０１']) {
      const r = roster.search(q);
      expect(r.kind).toBe('room');
      expect(r.items.every((i) => i.roomCode === '3-2-501')).toBe(true);
      // the fees screen charges the room the hit lives in
      expect(r.items.every((i) => i.roomId === repo.roomByCode(sql, '3-2-501')?.id)).toBe(true);
      expect(r.items.map((i) => i.name)).toEqual(expect.arrayContaining(['曾国藩', '单田芳']));
      expect(r.items[0]?.kind).toBe('owner');
    }
  });

  it('narrows as a room is typed', () => {
    const broad = roster.search('3-2').items;
    expect(broad.length).toBeGreaterThan(0);
    expect(broad.every((i) => i.roomCode.startsWith('3-2-'))).toBe(true);
  });

  it('finds by the last four digits of a phone, and by a whole phone', () => {
    expect(roster.search('5678').items.map((r) => r.name)).toContain('张伟');
    const full = roster.search('13812345678');
    expect(full.kind).toBe('phone');
    expect(full.items.map((r) => r.name)).toEqual(['张伟']);
  });

  it('finds by Chinese name prefix and by given name', () => {
    expect(roster.search('曾国').items.map((r) => r.name)).toContain('曾国藩');
    expect(roster.search('国藩').items.map((r) => r.name)).toContain('曾国藩');
    expect(roster.search('田芳').items.map((r) => r.name)).toContain('单田芳');
  });

  it('understands phones and rooms typed with separators, and Latin names with hyphens', () => {
    for (const q of ['138-1234-5678', '+86 138 1234 5678', '+8613812345678', '(138) 1234 5678']) {
      const r = roster.search(q);
      expect(r.kind).toBe('phone');
      expect(r.items.map((i) => i.name)).toEqual(['张伟']);
    }
    for (const q of ['3栋2单元501号', '3 2 501', '3#2-501室']) {
      expect(roster.search(q).items.map((i) => i.roomCode)).toContain('3-2-501');
    }
    addResident('1-1-101', 'Jean-Luc Picard', null, 'tenant');
    expect(roster.search('Jean-Luc').items.map((i) => i.name)).toContain('Jean-Luc Picard');
    expect(roster.search('jlp').items.map((i) => i.name)).toContain('Jean-Luc Picard');
  });

  it('phones are masked in every result', () => {
    const r = roster.search('zw');
    for (const i of r.items) expect(i.phoneMasked === '' || /^\d{3}\*{4}\d{4}$/.test(i.phoneMasked)).toBe(true);
    expect(JSON.stringify(roster.search('13812345678'))).not.toContain('13812345678');
  });

  it('limits results and says there are more', () => {
    const r = roster.search('z', 5);
    expect(r.items).toHaveLength(5);
    expect(r.more).toBe(true);
  });

  it('empty query returns nothing', () => {
    expect(roster.search('  ')).toEqual({ kind: 'empty', items: [], more: false });
  });
});

describe('search uses indexes (EXPLAIN QUERY PLAN)', () => {
  const plan = (q: { compile(): { sql: string; parameters: readonly unknown[] } }) => {
    const c = q.compile();
    return (sql.db.prepare(`EXPLAIN QUERY PLAN ${c.sql}`).all(...(c.parameters as unknown[])) as Array<{ detail: string }>).map((r) => r.detail).join(' | ');
  };
  const hits = () => qb.selectFrom('residents as r').innerJoin('rooms as rm', 'rm.id', 'r.room_id').select(['r.id']);

  it.each([
    ['initials range', () => hits().where('r.initials', '>=', 'zw').where('r.initials', '<', 'zx'), 'residents_initials'],
    ['pinyin range', () => hits().where('r.pinyin', '>=', 'zhang').where('r.pinyin', '<', 'zhanh'), 'residents_pinyin'],
    ['name range', () => hits().where('r.name', '>=', '张').where('r.name', '<', '张\u0001'), 'residents_name'],
    ['given name range', () => hits().where('r.given_name', '>=', '国').where('r.given_name', '<', '国\u0001'), 'residents_given_name'],
    ['phone last 4', () => hits().where('r.phone_last4', '=', '5678'), 'residents_phone_last4'],
    ['room number', () => hits().where('rm.number', '=', '501'), 'rooms_number'],
    ['room code prefix', () => hits().where('rm.code', '>=', '3-2-').where('rm.code', '<', '3-2.'), 'sqlite_autoindex_rooms'],
  ])('%s', (_name, q, index) => {
    const p = plan(q());
    expect(p).toContain(index);
    expect(p).not.toMatch(/SCAN r\b|SCAN residents\b/);
  });
});
