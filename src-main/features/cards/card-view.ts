import { maskName } from '@shared/mask';
import type { CardView } from '@shared/contract/cards';
import type { CardStatus, CardType } from '../../db/schema';
import { cardForms, type CardNumber } from '@shared/card-number';
import type * as repo from './cards.repo';

/** How a card row is shown: the view the screens get, its number as parsed, and the words the core's messages use. */

/** What a replacement costs when the catalogue has no card fee item (￥20). */
export const DEFAULT_REPLACE_FEE_FEN = 2000;
export const STATUS_ZH: Record<CardStatus, string> = { active: '使用中', lost: '已挂失（黑名单）', blacklisted: '已列入黑名单', returned: '已退卡' };
export const TYPE_ZH: Record<CardType, string> = { access: '门禁卡', function: '功能卡' };

/** The CardNumber a stored row stands for (raw is kept as read; the parsed parts beside it). */
export function storedCard(r: Pick<repo.CardRow, 'raw' | 'format' | 'match_key' | 'value32' | 'prefix8'>): CardNumber {
  const w24 = parseInt(r.match_key, 16);
  return { raw: r.raw, format: r.format as CardNumber['format'], w24, value32: r.value32, prefix8: r.prefix8, key: r.match_key };
}

export function cardView(r: repo.CardRow): CardView {
  return {
    id: r.id,
    raw: r.raw,
    format: r.format,
    key: r.match_key,
    forms: cardForms(storedCard(r)),
    type: r.type,
    functionName: r.function_name,
    roomId: r.room_id,
    roomCode: r.room_code,
    holderMasked: maskName(r.holder_name) ?? '',
    validFrom: r.valid_from,
    validUntil: r.valid_until,
    status: r.status,
    depositFen: r.deposit_fen,
    feeOwedFen: r.fee_owed_fen,
    feeReceiptNo: r.fee_receipt_no,
    replacesId: r.replaces_id,
    replacedById: r.replaced_by_id,
    issuedAt: r.issued_at,
    issuedByName: r.issued_by_name,
    closedAt: r.closed_at,
    closeNote: r.close_note,
    note: r.note,
  };
}

/** A ledger sum as shown: below zero means the record is wrong (from before issuing checked the stock) → null. */
export const shown = (n: number): number | null => (n < 0 ? null : n);
