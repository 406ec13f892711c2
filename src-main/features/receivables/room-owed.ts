import { formatFen } from '@shared/money';
import type { DuesView, RoomOwedView } from '@shared/contract/receivables';
import type { RoomFileHook } from '../rooms/rooms.service';

/** What a room still owes, in short, from its dues (months not yet written as charges included: priced as the counter would). */
export function roomOwed(dues: DuesView): RoomOwedView {
  const items = dues.items
    .filter((i) => i.owedFen > 0)
    .map((i) => {
      const months = i.owed.filter((u) => u.kind === 'month');
      return {
        itemId: i.itemId,
        name: i.name,
        months: months.length,
        owedFen: i.owedFen,
        oldestMonth: months[0]?.month ?? null,
        paidThrough: i.paidThrough,
        openingFen: i.owed.filter((u) => u.kind === 'opening').reduce((s, u) => s + u.amountFen, 0),
      };
    });
  return { roomId: dues.roomId, roomCode: dues.roomCode, thisMonth: dues.thisMonth, owedFen: dues.totalFen, lateFeeFen: dues.lateFeeFen, items };
}

/** The room file's 欠费 section: a line per item with something unpaid, linking to 收费 (refId: the item). */
export function owedHook(dues: (roomId: number) => DuesView): RoomFileHook {
  return {
    area: 'fees',
    title: '欠费',
    lines: (roomId) =>
      roomOwed(dues(roomId)).items.map((i) => ({
        area: 'fees',
        refId: i.itemId,
        label: i.name,
        detail: [
          i.months ? `欠 ${i.months} 个月（${i.oldestMonth ?? ''} 起）` : '',
          i.openingFen ? `期初欠费 ￥${formatFen(i.openingFen)}` : '',
          `共 ￥${formatFen(i.owedFen)}`,
        ]
          .filter(Boolean)
          .join(' · '),
      })),
  };
}
