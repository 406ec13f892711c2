import { sql as raw } from 'kysely';
import { qb, type Sql } from '../../db/sql';
import { maskName } from '@shared/mask';
import type { RoomIssues } from '@shared/contract/visitor-passes';

/**
 * A room's open matters, shown before a removal pass is issued: keys lent out for the room, its cards in use and,
 * once receivables are recorded, unpaid fees. Each is a source; `unpaidFees` is the extension point — until a
 * feature provides it, the answer says it is not available (never a zero that could be read as "nothing owed").
 */
export interface RoomIssueSources {
  keysOnLoan(roomId: number, now: string): RoomIssues['keysOnLoan'];
  activeCards(roomId: number): RoomIssues['activeCards'];
  unpaidFees?: (roomId: number) => { totalFen: number; items: Array<{ name: string; amountFen: number }> };
}

const OPEN_LOAN = raw<boolean>`l.returned_at IS NULL`;

/** The keys and cards sources, read from those features' tables (read only). */
export function storeRoomIssueSources(sql: Sql): RoomIssueSources {
  return {
    keysOnLoan: (roomId, now) =>
      sql
        .all(
          qb
            .selectFrom('key_loans as l')
            .innerJoin('keys as k', 'k.id', 'l.key_id')
            .select(['k.tag as tag', 'k.label as label', 'l.borrower_name as borrower', 'l.due_at as due_at'])
            .where('k.room_id', '=', roomId)
            .where(OPEN_LOAN)
            .orderBy('l.due_at'),
        )
        .map((r) => ({ tag: r.tag, label: r.label, borrowerMasked: maskName(r.borrower) ?? '', dueAt: r.due_at, overdue: r.due_at < now })),
    activeCards: (roomId) =>
      sql
        .all(
          qb.selectFrom('cards').select(['id', 'type', 'holder_name', 'issued_at']).where('room_id', '=', roomId).where('status', '=', 'active').orderBy('id'),
        )
        .map((c) => ({ id: c.id, type: c.type, holderMasked: maskName(c.holder_name) ?? '', issuedAt: c.issued_at })),
  };
}

export function roomIssues(src: RoomIssueSources, room: { id: number; code: string }, now: string): RoomIssues {
  const keysOnLoan = src.keysOnLoan(room.id, now);
  const activeCards = src.activeCards(room.id);
  const fees = src.unpaidFees?.(room.id);
  return {
    roomId: room.id,
    roomCode: room.code,
    keysOnLoan,
    activeCards,
    unpaidFees: fees ? { available: true, ...fees } : { available: false, reason: '本终端尚未记录应收费用：欠费请向收费处或财务核实。' },
    any: keysOnLoan.length > 0 || activeCards.length > 0 || (fees?.totalFen ?? 0) > 0,
  };
}
