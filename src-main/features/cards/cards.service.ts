import { appendAudit } from '../../db/audit';
import type { Sql } from '../../db/sql';
import type { Clock } from '../../lib/clock';
import { AppError } from '../../lib/errors';
import { maskName, maskText } from '@shared/mask';
import { formatFen } from '@shared/money';
import type { CardDaySummary, CardFeeView, CardStockView, CardView } from '@shared/contract/cards';
import type { CardEventKind, CardStatus, CardType } from '../../db/schema';
import { cardCandidates, parseCardNumber, sameCard, type CardFormat, type CardNumber } from '@shared/card-number';
import type { SessionOperator } from '../operators/sessions';
import * as roster from '../roster/roster.repo';
import * as repo from './cards.repo';
import { cardView, DEFAULT_REPLACE_FEE_FEN, shown, STATUS_ZH, storedCard, TYPE_ZH } from './card-view';
import { CardStock } from './card-stock';

export { cardView, DEFAULT_REPLACE_FEE_FEN, storedCard } from './card-view';
import type { PropertyCalendar } from '@shared/calendar';

export interface IssueInput {
  number: string;
  roomId: number;
  residentId?: number | undefined;
  holderName: string;
  type: CardType;
  functionName?: string | undefined;
  validFrom?: string | undefined;
  validUntil?: string | undefined;
  depositFen?: number | undefined;
  note?: string | undefined;
}

/** Access and function cards: issue (refusing numbers held elsewhere), replace, lost/blacklist, return, stock. */
export class CardsService {
  constructor(
    private readonly sql: Sql,
    private readonly clock: Clock,
    /** the site's reader format (typed numbers come from the same reader's keyboard output) */
    private readonly readerFormat: () => CardFormat,
    private readonly calendar: PropertyCalendar,
  ) {
    this.blanks = new CardStock(sql, clock);
  }

  private readonly blanks: CardStock;

  private now(): string {
    return this.clock.now().toISOString();
  }

  /** Reads a presented or typed number in the site format; a typed number that doesn't fit is tried by shape. */
  parse(raw: string): CardNumber {
    const f = this.readerFormat();
    let r = parseCardNumber(raw, f);
    if (!r.ok && f !== 'auto') {
      const a = parseCardNumber(raw, 'auto');
      if (a.ok) r = a;
    }
    if (!r.ok) throw new AppError('BAD_INPUT', r.message, { code: r.code });
    return r.card;
  }

  private mustCard(id: number): repo.CardRow {
    const c = repo.cardById(this.sql, id);
    if (!c) throw new AppError('NOT_FOUND', '找不到这张卡：请刷新。');
    return c;
  }

  /** Refuses a number held by another card: bound elsewhere (room and masked holder) or on the blacklist. */
  private refuseHeld(card: CardNumber): void {
    const held = repo.holdingCards(this.sql, card.key).find((h) => sameCard(storedCard(h), card));
    if (!held) return;
    const who = `${held.room_code} ${maskName(held.holder_name) ?? ''}`.trim();
    const params = { cardId: held.id, roomCode: held.room_code, holder: maskName(held.holder_name) ?? '', status: held.status };
    if (held.status === 'active')
      throw new AppError(
        'CONFLICT',
        `这张卡已绑定在 ${who}（${TYPE_ZH[held.type]}，${this.calendar.dateOf(held.issued_at)} 发卡）：不能再发给其他人。如卡已转手，请先在原房号办理退卡。`,
        params,
      );
    throw new AppError('CONFLICT', `这张卡${STATUS_ZH[held.status]}（原属 ${who}）：黑名单上的卡不能再发。请换一张新卡。`, params);
  }

  private event(
    cardId: number,
    kind: CardEventKind,
    roomId: number,
    type: CardType,
    actor: SessionOperator,
    detail: Record<string, unknown>,
    at: string,
  ): void {
    repo.insertEvent(this.sql, { card_id: cardId, kind, at, operator_id: actor.id, room_id: roomId, card_type: type, detail: JSON.stringify(detail) });
  }

  list(f: { roomId?: number | undefined; status?: CardStatus | undefined; limit?: number | undefined }): CardView[] {
    const q: { roomId?: number; status?: CardStatus; limit: number } = { limit: f.limit ?? 100 };
    if (f.roomId) q.roomId = f.roomId;
    if (f.status) q.status = f.status;
    return repo.listCards(this.sql, q).map(cardView);
  }

  /** Finds cards by a number in any reader format: every reading's key, refined with sameCard. */
  lookup(raw: string): CardView[] {
    const cands = cardCandidates(raw);
    if (!cands.length) {
      const r = parseCardNumber(raw, 'auto');
      throw new AppError('BAD_INPUT', r.ok ? '卡号无法识别：请核对。' : r.message);
    }
    const rows = repo.cardsByKeys(this.sql, [...new Set(cands.map((c) => c.key))]);
    return rows.filter((r) => cands.some((c) => sameCard(storedCard(r), c))).map(cardView);
  }

  issue(input: IssueInput, actor: SessionOperator): CardView {
    const card = this.parse(input.number);
    return this.sql.tx(() => this.issueInTx(card, input, actor, null, 0));
  }

  private issueInTx(card: CardNumber, input: IssueInput, actor: SessionOperator, replaces: repo.CardRow | null, feeOwedFen: number): CardView {
    const room = roster.roomById(this.sql, input.roomId);
    if (!room) throw new AppError('NOT_FOUND', '找不到这个房号：请重新选择。');
    if (input.residentId) {
      const res = roster.residentById(this.sql, input.residentId);
      if (!res || res.room_id !== input.roomId) throw new AppError('BAD_INPUT', '所选住户不在这个房号：请重新选择。');
    }
    if (input.validFrom && input.validUntil && input.validUntil < input.validFrom) throw new AppError('BAD_INPUT', '有效期的结束日期早于开始日期：请核对。');
    this.refuseHeld(card);
    this.blanks.requireBlank(input.type, replaces !== null);
    const at = this.now();
    const id = repo.insertCard(this.sql, {
      raw: card.raw,
      format: card.format,
      match_key: card.key,
      value32: card.value32,
      prefix8: card.prefix8,
      type: input.type,
      function_name: input.type === 'function' ? (input.functionName?.trim() ?? '') : '',
      room_id: input.roomId,
      resident_id: input.residentId ?? null,
      holder_name: input.holderName.trim(),
      valid_from: input.validFrom ?? null,
      valid_until: input.validUntil ?? null,
      deposit_fen: input.depositFen ?? 0,
      fee_owed_fen: feeOwedFen,
      replaces_id: replaces?.id ?? null,
      issued_at: at,
      issued_by: actor.id,
      note: input.note?.trim() ?? '',
    });
    repo.insertStockMove(this.sql, {
      card_type: input.type,
      kind: 'issue',
      quantity: -1,
      reason: replaces ? '补卡' : '发卡',
      card_id: id,
      operator_id: actor.id,
      at,
    });
    const detail = {
      raw: card.raw,
      key: card.key,
      roomCode: room.code,
      holder: maskName(input.holderName.trim()),
      type: input.type,
      functionName: input.functionName?.trim() ?? '',
      depositFen: input.depositFen ?? 0,
      ...(replaces && { replaces: replaces.id, feeOwedFen }),
    };
    this.event(
      id,
      replaces ? 'replace' : 'issue',
      input.roomId,
      input.type,
      actor,
      { raw: card.raw, ...(replaces && { replaces: replaces.id, feeOwedFen }) },
      at,
    );
    appendAudit(this.sql, this.clock, { operatorId: actor.id, action: replaces ? 'card.replace' : 'card.issue', entity: 'card', entityId: id, detail });
    return cardView(this.mustCard(id));
  }

  /** Old card blacklisted, a new one issued to the same room and holder; the fee is owed until collected. */
  replace(
    cardId: number,
    number: string,
    reason: string,
    feeFen: number | undefined,
    actor: SessionOperator,
  ): { old: CardView; card: CardView; fee: CardFeeView | null } {
    const card = this.parse(number);
    return this.sql.tx(() => {
      const old = this.mustCard(cardId);
      // 补卡 is for a card in use or a lost one not yet replaced (the screen offers it there only: canReplace)
      if (old.status === 'returned') throw new AppError('CONFLICT', '这张卡已退卡：请直接发新卡。');
      if (old.replaced_by_id) throw new AppError('CONFLICT', '这张卡已经补办过：请在新卡上操作。');
      if (old.status === 'blacklisted')
        throw new AppError('CONFLICT', '这张卡已被主管列入黑名单，不能补卡：如确需给住户一张新卡，请主管核实后用「发卡」发新卡。');
      const item = repo.cardFeeItem(this.sql);
      const fee = feeFen ?? item?.unit_price_fen ?? DEFAULT_REPLACE_FEE_FEN;
      const at = this.now();
      // blacklist first: the new number is checked against every other card, and the old one is no longer active
      if (old.status === 'active') {
        repo.closeCard(this.sql, old.id, 'blacklisted', at, `补卡：${reason.trim()}`);
        this.event(old.id, 'blacklist', old.room_id, old.type, actor, { reason: maskText(reason.trim()), replaced: true }, at);
      }
      const issued = this.issueInTx(
        card,
        {
          number,
          roomId: old.room_id,
          ...(old.resident_id !== null && { residentId: old.resident_id }),
          holderName: old.holder_name,
          type: old.type,
          functionName: old.function_name,
          ...(old.valid_from !== null && { validFrom: old.valid_from }),
          ...(old.valid_until !== null && { validUntil: old.valid_until }),
          depositFen: old.deposit_fen,
          note: old.note,
        },
        actor,
        old,
        fee,
      );
      repo.setReplacedBy(this.sql, old.id, issued.id);
      appendAudit(this.sql, this.clock, {
        operatorId: actor.id,
        action: 'card.blacklist',
        entity: 'card',
        entityId: old.id,
        detail: { raw: old.raw, roomCode: old.room_code, reason: maskText(reason.trim()), replacedBy: issued.id },
      });
      return {
        old: cardView(this.mustCard(old.id)),
        card: issued,
        fee:
          fee > 0
            ? {
                cardId: issued.id,
                amountFen: fee,
                itemId: item?.id ?? null,
                itemCode: item?.code ?? null,
                itemName: item?.name ?? '补卡费',
                roomId: old.room_id,
                roomCode: old.room_code,
              }
            : null,
      };
    });
  }

  private close(cardId: number, status: 'lost' | 'blacklisted', kind: CardEventKind, note: string, actor: SessionOperator): CardView {
    return this.sql.tx(() => {
      const c = this.mustCard(cardId);
      if (c.status !== 'active') throw new AppError('CONFLICT', `这张卡${STATUS_ZH[c.status]}，不能再${kind === 'lost' ? '挂失' : '拉黑'}。`);
      const at = this.now();
      repo.closeCard(this.sql, c.id, status, at, note || null);
      this.event(c.id, kind, c.room_id, c.type, actor, { note: maskText(note) }, at);
      appendAudit(this.sql, this.clock, {
        operatorId: actor.id,
        action: kind === 'lost' ? 'card.lost' : 'card.blacklist',
        entity: 'card',
        entityId: c.id,
        detail: { raw: c.raw, roomCode: c.room_code, note: maskText(note) },
      });
      return cardView(this.mustCard(c.id));
    });
  }

  /** Lost: on the blacklist at once (the number is refused everywhere from now on). */
  reportLost(cardId: number, note: string | undefined, actor: SessionOperator): CardView {
    return this.close(cardId, 'lost', 'lost', note?.trim() ?? '', actor);
  }

  blacklist(cardId: number, reason: string, actor: SessionOperator): CardView {
    return this.close(cardId, 'blacklisted', 'blacklist', reason.trim(), actor);
  }

  /** The holder gives the card back; the deposit refund is noted (paid through 收费收据 → 退押金). */
  returnCard(cardId: number, depositNote: string | undefined, restock: boolean, actor: SessionOperator): CardView {
    return this.sql.tx(() => {
      const c = this.mustCard(cardId);
      if (c.status !== 'active') throw new AppError('CONFLICT', `这张卡${STATUS_ZH[c.status]}，不能退卡。`);
      const note = depositNote?.trim() || (c.deposit_fen > 0 ? `押金 ${formatFen(c.deposit_fen)} 待退` : '无押金');
      const at = this.now();
      repo.closeCard(this.sql, c.id, 'returned', at, note);
      if (restock)
        repo.insertStockMove(this.sql, { card_type: c.type, kind: 'return', quantity: 1, reason: '退卡回库', card_id: c.id, operator_id: actor.id, at });
      this.event(c.id, 'return', c.room_id, c.type, actor, { depositFen: c.deposit_fen, restock }, at);
      appendAudit(this.sql, this.clock, {
        operatorId: actor.id,
        action: 'card.return',
        entity: 'card',
        entityId: c.id,
        detail: { raw: c.raw, roomCode: c.room_code, depositFen: c.deposit_fen, depositNote: maskText(note), restock },
      });
      return cardView(this.mustCard(c.id));
    });
  }

  settleFee(cardId: number, receiptNo: string, actor: SessionOperator): CardView {
    return this.sql.tx(() => {
      const c = this.mustCard(cardId);
      if (c.fee_owed_fen === 0) throw new AppError('CONFLICT', '这张卡没有未收的补卡费。');
      const no = receiptNo.trim().toUpperCase();
      const r = repo.receiptByNo(this.sql, no);
      if (!r || r.kind !== 'receipt') throw new AppError('NOT_FOUND', `找不到收据 ${no}：请核对收据号。`);
      if (repo.isVoided(this.sql, r.id)) throw new AppError('CONFLICT', `收据 ${no} 已作废：请重新收费。`);
      if (r.room_id !== null && r.room_id !== c.room_id) throw new AppError('CONFLICT', `收据 ${no} 不是这个房号（${c.room_code}）的：请核对。`);
      // the receipt must have collected a card fee that no other card has claimed, and at least this one's amount
      const cap = repo.cardFeeCapacity(this.sql, r.id, no);
      if (cap.lines === 0) throw new AppError('CONFLICT', `收据 ${no} 里没有补卡费（门禁卡类收费项目）：请核对收据号，或到「收费收据」收取补卡费。`);
      if (cap.linkedCards >= cap.lines) throw new AppError('CONFLICT', `收据 ${no} 上的补卡费已登记给其他卡：请核对收据号。`);
      if (cap.amountFen < c.fee_owed_fen)
        throw new AppError('CONFLICT', `收据 ${no} 收的补卡费 ￥${formatFen(cap.amountFen)} 少于应收 ￥${formatFen(c.fee_owed_fen)}：请补收差额后再登记。`);
      repo.settleFee(this.sql, c.id, no);
      appendAudit(this.sql, this.clock, {
        operatorId: actor.id,
        action: 'card.fee_settled',
        entity: 'card',
        entityId: c.id,
        detail: { receiptNo: no, amountFen: c.fee_owed_fen },
      });
      return cardView(this.mustCard(c.id));
    });
  }

  owedFees(): CardFeeView[] {
    const item = repo.cardFeeItem(this.sql);
    return repo.owedFees(this.sql).map((r) => ({
      cardId: r.id,
      amountFen: r.fee_owed_fen,
      itemId: item?.id ?? null,
      itemCode: item?.code ?? null,
      itemName: item?.name ?? '补卡费',
      roomId: r.room_id,
      roomCode: r.room_code,
    }));
  }

  /** Blank-card stock (card-stock.ts). */
  stock(): CardStockView {
    return this.blanks.stock();
  }

  stockCount(cardType: CardType, counted: number, reason: string, actor: SessionOperator): ReturnType<CardStock['stockCount']> {
    return this.blanks.stockCount(cardType, counted, reason, actor);
  }

  stockMove(cardType: CardType, kind: 'in' | 'out', quantity: number, reason: string, actor: SessionOperator): CardStockView {
    return this.blanks.stockMove(cardType, kind, quantity, reason, actor);
  }

  /** One day (the property's calendar) of card changes, counts only. */
  daySummary(date: string): CardDaySummary {
    const day = this.calendar.day(date);
    const ev = repo.eventCounts(this.sql, day.from, day.to);
    const st = repo.statusCounts(this.sql);
    const stock = repo.stockOnHand(this.sql);
    return {
      date,
      issued: ev.issue,
      replaced: ev.replace,
      lost: ev.lost,
      returned: ev.return,
      blacklisted: ev.blacklist,
      activeTotal: st.active,
      blacklistTotal: st.lost + st.blacklisted,
      stockOnHand: (shown(stock.access) ?? 0) + (shown(stock.function) ?? 0),
    };
  }
}
