import { beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { openDatabase } from '../../src-main/db/open';
import { migrate } from '../../src-main/db/migrate';
import { Sql, qb } from '../../src-main/db/sql';
import { ManualClock } from '../../src-main/lib/clock';
import { RosterService } from '../../src-main/features/roster/roster.service';
import { generateDemo } from '../../src-main/features/roster/demo';
import * as repo from '../../src-main/features/roster/roster.repo';
import { nameKeys } from '../../src-main/features/roster/rules';
import { buildRosterIndex, cmp, sameAnswer, searchRosterIndex, type RosterIndex } from '../../src-shared/roster-index';

/**
 * The renderer answers a keystroke from its copy of the roster index before main's answer arrives. The two must
 * show the same rows in the same order, or the list would change under the receptionist's eyes: every query here
 * is asked of both, on a demo roster with the awkward cases added.
 */
let sql: Sql;
let roster: RosterService;
let ix: RosterIndex;
const typed: string[] = [];

function addResident(room: string, name: string, phone: string | null, kind: 'owner' | 'tenant' | 'family' = 'owner', moveOut: string | null = null) {
  const roomId = repo.roomByCode(sql, room)?.id as number;
  const k = nameKeys(name);
  return repo.insertResident(sql, { roomId, name, kind, initials: k.initials, pinyin: k.pinyin, phone, moveIn: null, moveOut, note: '', at: 'now' });
}

beforeAll(async () => {
  const db = openDatabase(':memory:');
  migrate(db);
  sql = new Sql(db);
  const clock = new ManualClock('2026-11-23T00:00:00Z');
  await generateDemo(sql, clock, null, { buildings: 12, units: 3, floors: 12, perFloor: 4, residents: 4000 }, 11);
  addResident('3-2-501', '曾国藩', '13900001111');
  addResident('3-2-501', '单田芳', '13900002222', 'family');
  addResident('3-2-501', '欧阳娜娜', null, 'tenant');
  addResident('2-1-1002', '张伟', '13812345678');
  addResident('2-1-1002', 'Jean-Luc Picard', '02112345678', 'tenant');
  addResident('11-3-1204', '李雷', '13912341234', 'owner', '2026-01-31');
  const erased = addResident('11-3-1204', '韩梅梅', '13700009999');
  sql.run(qb.updateTable('residents').set({ erased_at: '2026-11-01T00:00:00Z' }).where('id', '=', erased));
  // a room with nobody in it yet (created by hand): found as a room, never as a resident
  const unit = sql.get(qb.selectFrom('rooms').select('unit_id').where('code', '=', '3-2-501'));
  repo.insertRoom(sql, { unitId: unit?.unit_id as number, number: '599', code: '3-2-599', areaCm2: null, at: 'now' });
  roster = new RosterService(sql, clock);
  ix = buildRosterIndex(roster.index());
  // what a receptionist types, keystroke by keystroke: rooms both ways, names, initials, pinyin, phone digits
  const whole = [
    '3-2-501',
    '3栋2单元501',
    '3号楼2单元599室',
    '11-3-12',
    '2-1-1002',
    '12-',
    '1002',
    '501',
    '1234',
    '5678',
    '0912',
    '曾国藩',
    '国藩',
    '欧阳',
    '娜娜',
    '单',
    'zgf',
    'stf',
    'oyn',
    'zhangw',
    'jeanluc',
    'Jean-Luc',
    'li lei',
    '李',
    '张',
    '王',
    'ZW',
    '３－２－５０１',
    '13812345678',
    '138',
    '9',
  ];
  const people = sql
    .all(qb.selectFrom('residents').select(['id', 'name', 'initials', 'pinyin', 'phone_last4']).where('id', '<=', 4000))
    .filter((p) => p.id % 97 === 0);
  for (const p of people) whole.push(p.name, p.initials, p.pinyin.slice(0, 6), p.phone_last4 ?? '');
  for (const w of whole) for (let i = 1; i <= w.length; i++) typed.push(w.slice(0, i));
});

const ask = (q: string, limit: number) => {
  const local = searchRosterIndex(ix, q, limit);
  const main = roster.search(q, limit);
  return { local, main };
};

describe('the roster index in the renderer', () => {
  it('answers every keystroke exactly as main does (rows, order, more, rooms), at the list sizes the screens ask for', () => {
    let compared = 0;
    for (const limit of [50, 8]) {
      for (const q of typed) {
        const { local, main } = ask(q, limit);
        if (local === null) continue;
        expect({ q, ...local }).toEqual({ q, ...main });
        expect(sameAnswer(local, main)).toBe(true);
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(400);
  });

  it('agrees with main on random texts too (digits, dashes, room words, letters, Chinese)', () => {
    const alphabet = fc.constantFrom(...'0123456789-- 栋单元号楼室#zwlhgxyjnaieou张王李曾国欧阳伟芳娜ZW３－'.split(''), '单元', '栋', '号楼');
    fc.assert(
      fc.property(fc.array(alphabet, { minLength: 1, maxLength: 9 }), fc.constantFrom(50, 6), (parts, limit) => {
        const q = parts.join('');
        const { local, main } = ask(q, limit);
        if (local !== null) expect(local).toEqual(main);
      }),
      { numRuns: 1500 },
    );
  });

  it('leaves a full phone number to main, finds phone last four and rooms with nobody in them', () => {
    expect(searchRosterIndex(ix, '13812345678')).toBeNull();
    expect(roster.search('13812345678').items.map((h) => h.name)).toEqual(['张伟']);
    expect(searchRosterIndex(ix, '5678')?.items.map((h) => h.name)).toContain('张伟');
    expect(searchRosterIndex(ix, '3-2-59')?.rooms?.map((r) => r.code)).toEqual(['3-2-599']);
    expect(searchRosterIndex(ix, '3-2-59')?.items).toEqual([]);
  });

  it('holds no erased resident and no full phone number', () => {
    const data = roster.index();
    expect(data.residents.name).not.toContain('韩梅梅');
    expect(data.residents.name.length).toBe(ix.size);
    expect(JSON.stringify(data)).not.toMatch(/1[3-9]\d{9}/);
    expect(data.residents.phoneMasked).toContain('138****5678');
    expect(searchRosterIndex(ix, '韩梅梅')?.items).toEqual([]);
    expect(roster.search('韩梅梅').items).toEqual([]);
  });

  it('orders names with characters past U+FFFF as SQLite does (the slower comparison then)', () => {
    // 龘𠀀 (U+20000) comes after 龘Ｑ (U+FF31) in SQLite; JS's own order would put it first
    addResident('5-1-101', '龘\u{20000}', null);
    addResident('5-1-102', '龘\uFF31', null);
    addResident('5-1-103', '\u{20021}明', null);
    const again = buildRosterIndex(roster.index());
    expect(searchRosterIndex(again, '龘')?.items.map((h) => h.name)).toEqual(['龘\uFF31', '龘\u{20000}']);
    for (const q of ['龘', '龘\u{20000}', '\u{20021}', 'l', '5-1-10', '明', '王'])
      for (const limit of [50, 3]) expect(searchRosterIndex(again, q, limit)).toEqual(roster.search(q, limit));
  });

  it('orders text as SQLite does (by code point, not UTF-16 unit)', () => {
    // U+20000 (an extension-B character) sorts after U+FF01 in SQLite's byte order; a plain JS comparison says before
    expect(cmp('\u{20000}', '\uFF01')).toBeGreaterThan(0);
    expect('\u{20000}' < '\uFF01').toBe(true);
    expect(cmp('3-2-501', '3-2-502')).toBeLessThan(0);
  });
});
