import { describe, expect, it } from 'vitest';
import type { FeeItemView } from '@shared/contract';
import type { DuesView } from '@shared/contract/receivables';
import { duesLines } from '../../src-renderer/features/fees/duesLines';
import { checkLine } from '../../src-renderer/features/fees/lines';

const fee = (id: number, code: string, name: string): FeeItemView => ({
  id,
  code,
  name,
  category: 'property',
  rule: 'per_area_month',
  unitPriceFen: 250,
  unitLabel: '',
  refundable: false,
  active: true,
  sort: id,
});
const unit = (month: string, amountFen: number, kind: 'month' | 'opening' = 'month') => ({ kind, month, baseFen: amountFen, amountFen, ageBucket: null });
const item = (itemId: number, name: string, owed: ReturnType<typeof unit>[], ahead: ReturnType<typeof unit>[]) => ({
  itemId,
  code: `I${itemId}`,
  name,
  category: 'property' as const,
  paidThrough: '2026-08',
  owed,
  owedFen: owed.reduce((s, u) => s + u.amountFen, 0),
  ahead,
  lateFeeFen: 0,
  lateWaivedFen: 0,
});
const dues = (items: DuesView['items']): DuesView => ({
  roomId: 1,
  roomCode: '1-1-201',
  thisMonth: '2026-11',
  items,
  totalFen: 0,
  lateFeeFen: 0,
  lateWaivedFen: 0,
});

const ITEMS = [fee(1, 'WYF', '物业费'), fee(2, 'LJ', '垃圾清运费')];
const owing = dues([
  item(1, '物业费', [unit('2026-08', 12050, 'opening'), unit('2026-09', 25575), unit('2026-10', 25575), unit('2026-11', 25575)], [unit('2026-12', 25575)]),
  item(2, '垃圾清运费', [], [unit('2026-12', 1000)]),
]);

describe('the lines that collect a room’s dues', () => {
  it('collect all: every unit owed per item (opening arrears counted), from the oldest; an item owing nothing gets no line', () => {
    const r = duesLines(owing, ITEMS, 'all');
    if (!('lines' in r)) throw new Error('no lines');
    expect(r.lines.map((l) => [l.item.id, l.months, l.from])).toEqual([[1, '4', '2026-08']]);
    expect(r.lines.map(checkLine)).toEqual([{ ok: true, input: { itemId: 1, months: 4, from: '2026-08' } }]);
  });

  it('the first N months: N for every planned item from its first unpaid one, paying ahead where nothing is owed', () => {
    const r = duesLines(owing, ITEMS, 2);
    if (!('lines' in r)) throw new Error('no lines');
    expect(r.lines.map((l) => [l.item.id, l.months, l.from])).toEqual([
      [1, '2', '2026-08'],
      [2, '2', '2026-12'],
    ]);
  });

  it('nothing owed: collect all has nothing to do; an item gone from the active catalogue is named', () => {
    const paid = dues([item(1, '物业费', [], [unit('2026-12', 25575)])]);
    expect(duesLines(paid, ITEMS, 'all')).toEqual({ problem: 'nothing' });
    expect(duesLines(owing, [ITEMS[1] as FeeItemView], 'all')).toEqual({ problem: { inactive: '物业费' } });
  });
});
