import { FakeCardReaderPort } from '../../src-main/devices/card-reader';
import * as roster from '../../src-main/features/roster/roster.repo';
import { openReadyCore, type TestCore } from './core';

export interface KeysCardsFixture extends TestCore {
  reader: FakeCardReaderPort;
  rooms: { a: number; b: number };
  /** a resident of room a */
  residentA: number;
  /** signs in client `test:2` as receptionist li (li/li-pass-1234) */
  asReceptionist(): Promise<string>;
  approve(action: 'key.lendTrust', subject: string, clientId?: string): Promise<string>;
}

/** Blank cards the fixture puts in stock unless told otherwise (issuing takes one from stock). */
export const FIXTURE_BLANKS = { access: 20, function: 5 } as const;

/**
 * A terminal with two rooms (3-2-501, 3-2-502), a resident, a card fee item (BK 门禁卡补办 ￥20), a supervisor
 * (zhao), a receptionist (li), a fake card reader (the site format chosen by the test, default auto) and blank
 * cards in stock (FIXTURE_BLANKS; `blanks: false` for none).
 */
export async function openKeysCardsCore(opts: { blanks?: boolean } = {}): Promise<KeysCardsFixture> {
  const reader = new FakeCardReaderPort();
  const t = await openReadyCore({ cardReaderPort: (c) => (reader.setFormat(c.format), reader) });
  await t.call('settings.update', { propertyName: '阳光花园', idleLockMinutes: 240 });
  const sql = t.core.need().sql;
  const { a, b, residentA } = sql.tx(() => {
    const bId = roster.insertBuilding(sql, { code: '3', name: '3栋', at: 'now' });
    const u = roster.insertUnit(sql, bId, '2');
    const a = roster.insertRoom(sql, { unitId: u, number: '501', code: '3-2-501', areaCm2: 8950, at: 'now' });
    const b = roster.insertRoom(sql, { unitId: u, number: '502', code: '3-2-502', areaCm2: 8950, at: 'now' });
    const residentA = roster.insertResident(sql, {
      roomId: a,
      name: '张伟',
      kind: 'owner',
      initials: 'zw',
      pinyin: 'zhangwei',
      phone: '13812345678',
      moveIn: null,
      moveOut: null,
      note: '',
      at: 'now',
    });
    return { a, b, residentA };
  });
  await t.call('fees.items.save', {
    code: 'BK',
    name: '门禁卡补办',
    category: 'card',
    rule: 'fixed',
    unitPriceFen: 2000,
    unitLabel: '张',
    refundable: false,
    active: true,
    sort: 0,
  });
  await t.call('operators.create', { username: 'zhao', displayName: '赵主管', role: 'supervisor', password: 'zhao-pass-123' });
  await t.call('operators.create', { username: 'li', displayName: '李前台', role: 'receptionist', password: 'li-pass-1234' });
  if (opts.blanks !== false) {
    for (const cardType of ['access', 'function'] as const)
      await t.call('cards.stockMove', { cardType, kind: 'in', quantity: FIXTURE_BLANKS[cardType], reason: '采购入库' });
  }
  return {
    ...t,
    reader,
    rooms: { a, b },
    residentA,
    async asReceptionist() {
      await t.call('auth.login', { username: 'li', password: 'li-pass-1234' }, 'test:2');
      return 'test:2';
    },
    async approve(action, subject, clientId = 'test:1') {
      return (await t.call('auth.approve', { username: 'zhao', password: 'zhao-pass-123', action, subject, reason: '业主电话授权，已核实' }, clientId))
        .approvalId;
    },
  };
}
