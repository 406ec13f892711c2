import { appendAudit } from '../../db/audit';
import type { Sql } from '../../db/sql';
import type { Clock } from '../../lib/clock';
import { AppError } from '../../lib/errors';
import { fenToChineseUpper, sumFen, yuanSign as fenToYuanSign } from '@shared/money';
import type { FeeItemView, ReceiptView } from '@shared/contract/fees';
import type { ParsedInput } from '@shared/contract';
import type { PayMethod } from '../../db/schema';
import type { Width } from '../../devices/printer/receipt';
import * as roster from '../roster/roster.repo';
import type { CashService } from '../cash/cash.service';
import type { OperatorsService } from '../operators/operators.service';
import type { SessionOperator } from '../operators/sessions';
import * as repo from './fees.repo';
import type { PropertyCalendar } from '@shared/calendar';
import { priceLine, PricingError, type PricedLine } from './pricing';
import { receiptView, type PrintInfo } from './receipt-view';
import type { Settlements, SettleUnits } from './settlements';
import { checkPayments, itemView, toPriced, type ItemRow } from './fee-items';
import { postReversal } from './reversal';

export { itemView } from './fee-items';

type CollectInput = ParsedInput<'fees.collect'>;

/** receipt, approval, reason, method, reference, who; `forCase`: a decoration case's refund of this amount */
export type RefundArgs = [
  receiptId: number,
  approvalId: string,
  reason: string,
  method: PayMethod,
  reference: string | undefined,
  actor: SessionOperator,
  forCase?: { amountFen: number },
];

export interface PrintSink {
  /** queues a receipt for printing inside the posting transaction; returns false when no printer is set up */
  enqueueReceipt(receiptId: number, opts: { copy: number; kickDrawer: boolean }): boolean;
  info(receiptId: number): PrintInfo;
  /** the receipt as it prints, for the on-screen preview */
  preview(receiptId: number, copy: number): { svg: string; width: Width };
}

export class FeesService {
  constructor(
    private readonly sql: Sql,
    private readonly clock: Clock,
    private readonly terminalId: () => string,
    private readonly cash: CashService,
    private readonly operators: OperatorsService,
    private readonly print: PrintSink,
    private readonly calendar: PropertyCalendar,
    /** receivables: plan items are priced by the room's plan and settle its months */
    private readonly settlements: Settlements | null = null,
  ) {}

  private now(): string {
    return this.clock.now().toISOString();
  }

  items(includeInactive = false): FeeItemView[] {
    return repo.listItems(this.sql, includeInactive).map(itemView);
  }

  saveItem(input: ParsedInput<'fees.items.save'>, actor: SessionOperator): FeeItemView {
    return this.sql.tx(() => {
      const w = {
        code: input.code.toUpperCase(),
        name: input.name,
        category: input.category,
        rule: input.rule,
        unit_price_fen: input.unitPriceFen,
        unit_label: input.unitLabel,
        refundable: input.refundable ? 1 : 0,
        active: input.active ? 1 : 0,
        sort: input.sort,
      };
      const clash = repo.itemByCode(this.sql, w.code);
      if (clash && clash.id !== input.id) throw new AppError('CONFLICT', `编号 ${w.code} 已被「${clash.name}」使用。`);
      let id = input.id;
      if (id) {
        if (!repo.itemById(this.sql, id)) throw new AppError('NOT_FOUND', '找不到这个收费项目：请刷新。');
        repo.updateItem(this.sql, id, w, this.now());
      } else {
        id = repo.insertItem(this.sql, w, this.now());
      }
      appendAudit(this.sql, this.clock, {
        operatorId: actor.id,
        action: input.id ? 'fee_item.update' : 'fee_item.create',
        entity: 'fee_item',
        entityId: id,
        detail: w,
      });
      return itemView(repo.itemById(this.sql, id) as ItemRow);
    });
  }

  /** Prices every line from the catalogue as it is now; throws a Chinese message for any line that does not fit. */
  quote(
    roomId: number | null,
    lines: ParsedInput<'fees.quote'>['lines'],
  ): { lines: PricedLine[]; totalFen: number; totalUpper: string; roomCode: string | null } {
    const { settle: _settle, ...q } = this.priceAll(roomId, lines);
    return q;
  }

  /** As quote, with what each line settles of the room's plan (null for lines not in it). */
  private priceAll(
    roomId: number | null,
    lines: ParsedInput<'fees.quote'>['lines'],
  ): { lines: PricedLine[]; totalFen: number; totalUpper: string; roomCode: string | null; settle: Array<SettleUnits | null> } {
    const items = new Map(repo.itemsByIds(this.sql, [...new Set(lines.map((l) => l.itemId))]).map((r) => [r.id, r]));
    let area: number | null = null;
    let roomCode: string | null = null;
    if (roomId !== null) {
      const room = roster.roomById(this.sql, roomId);
      if (!room) throw new AppError('NOT_FOUND', '找不到这个房号：请重新选择。');
      area = room.area_cm2;
      roomCode = room.code;
    }
    const thisMonth = this.calendar.thisMonth();
    const settle: Array<SettleUnits | null> = [];
    const priced = lines.map((l) => {
      const item = items.get(l.itemId);
      if (!item || item.active !== 1) throw new AppError('NOT_FOUND', '有收费项目已停用或不存在：请刷新后重新选择。');
      const planned = roomId !== null && this.settlements ? this.settlements.price(roomId, item.id, l) : null;
      if (planned && settle.some((s) => s?.itemId === item.id)) throw new AppError('BAD_INPUT', `${item.name}在一张收据里只能有一行：请把月数合并到一行。`);
      settle.push(planned?.settle ?? null);
      if (planned) return planned.line;
      if (item.rule === 'per_area_month' && roomId === null) throw new AppError('BAD_INPUT', `${item.name}按面积收费：请先选择房号。`);
      try {
        const p = priceLine(toPriced(item), l, area, thisMonth);
        if (p.amountFen <= 0) throw new PricingError(`${item.name}：金额为 0，无法收费`);
        return p;
      } catch (e) {
        if (e instanceof PricingError) throw new AppError('BAD_INPUT', e.message);
        throw e;
      }
    });
    const totalFen = sumFen(priced.map((p) => p.amountFen));
    if (totalFen > 9_999_999_999) throw new AppError('BAD_INPUT', '合计金额超过单张收据上限：请分开收费。');
    return { lines: priced, totalFen, totalUpper: fenToChineseUpper(totalFen), roomCode, settle };
  }

  /** Posts a receipt. The number comes from the terminal's counter inside this transaction: no gaps, ever. */
  collect(input: CollectInput, actor: SessionOperator): ReceiptView {
    const id = this.sql.tx(() => {
      const seen = repo.receiptByRequest(this.sql, input.requestId);
      if (seen) return seen.id; // a double submit returns the receipt already posted
      const session = this.cash.requireOpen(actor);
      const q = this.priceAll(input.roomId, input.lines);
      const payments = checkPayments(q.totalFen, input.payments);
      const terminal = this.terminalId();
      const seq = repo.nextCounter(this.sql, `receipt:${terminal}`);
      const receiptNo = `${terminal}-${String(seq).padStart(8, '0')}`;
      const issuedAt = this.now();
      const rid = repo.insertReceipt(this.sql, {
        receipt_no: receiptNo,
        terminal_id: terminal,
        seq,
        kind: 'receipt',
        session_id: session.id,
        operator_id: actor.id,
        room_id: input.roomId,
        room_code: q.roomCode,
        payer: input.payer?.trim() || null,
        issued_at: issuedAt,
        total_fen: q.totalFen,
        original_id: null,
        reason: null,
        approval_id: null,
        request_id: input.requestId,
        note: input.note?.trim() ?? '',
      });
      q.lines.forEach((l, i) => {
        const lineId = repo.insertLine(this.sql, {
          receipt_id: rid,
          line_no: i + 1,
          fee_item_id: l.itemId,
          name: l.name,
          category: l.category,
          detail: l.detail,
          quantity: l.quantity,
          amount_fen: l.amountFen,
          refundable: l.refundable ? 1 : 0,
          original_line_id: null,
        });
        const settle = q.settle[i];
        if (settle) this.settlements?.record(settle, lineId, issuedAt);
      });
      for (const p of payments)
        repo.insertPayment(this.sql, {
          receipt_id: rid,
          method: p.method,
          amount_fen: p.amountFen,
          received_fen: p.method === 'cash' ? (p.receivedFen ?? null) : null,
          change_fen: p.changeFen,
          reference: p.reference ?? null,
        });
      appendAudit(this.sql, this.clock, {
        operatorId: actor.id,
        action: 'receipt.issue',
        entity: 'receipt',
        entityId: receiptNo,
        detail: { totalFen: q.totalFen, methods: payments.map((p) => [p.method, p.amountFen]), roomCode: q.roomCode },
      });
      this.print.enqueueReceipt(rid, { copy: 0, kickDrawer: payments.some((p) => p.method === 'cash') });
      return rid;
    });
    return this.get(id);
  }

  get(id: number): ReceiptView {
    return receiptView(this.sql, id, this.print.info(id));
  }

  /** The receipts of a day (the property's calendar day), or matching a search; newest first. */
  receipts(input: ParsedInput<'fees.receipts.list'>) {
    return this.list({ ...(input.date ? this.calendar.day(input.date) : {}), ...(input.q ? { q: input.q } : {}), limit: input.limit ?? 100 });
  }

  /** A receipt as it prints (copy 0 the original, n the nth 补打 copy), for screens without a printer. */
  preview(id: number, copy = 0): { svg: string; width: Width } {
    this.get(id);
    return this.print.preview(id, copy);
  }

  list(opts: { from?: string; to?: string; q?: string; limit: number }) {
    return repo.listReceipts(this.sql, opts).map((r) => ({
      id: r.id,
      receiptNo: r.receipt_no,
      kind: r.kind,
      issuedAt: r.issued_at,
      roomCode: r.room_code,
      totalFen: r.total_fen,
      methods: [
        ...new Set(
          String(r.methods ?? '')
            .split(',')
            .filter(Boolean),
        ),
      ] as PayMethod[],
      voided: Boolean(r.voided),
      printState: this.print.info(r.id).state,
    }));
  }

  /** Prints again, marked 补打/副本 n, and logs it. */
  reprint(id: number, actor: SessionOperator): ReceiptView {
    this.sql.tx(() => {
      const r = repo.receiptRow(this.sql, id);
      if (!r) throw new AppError('NOT_FOUND', '找不到这张收据。');
      const copy = this.print.info(id).copies + 1;
      if (!this.print.enqueueReceipt(id, { copy, kickDrawer: false }))
        throw new AppError('CONFLICT', '没有设置打印机：请在「设置 → 打印机」中设置；收据内容可在本页的「收据预览（与打印内容相同）」中查看。');
      appendAudit(this.sql, this.clock, { operatorId: actor.id, action: 'receipt.reprint', entity: 'receipt', entityId: r.receipt_no, detail: { copy } });
    });
    return this.get(id);
  }

  /**
   * Void = a new reversing document (negative lines and payments) linked to the original, with a
   * supervisor approval ('receipt.void', subject = receipt number). A receipt is voided at most once, and
   * not after any part of it was refunded.
   */
  void(receiptId: number, approvalId: string, reason: string, actor: SessionOperator): ReceiptView {
    const id = this.sql.tx(() => {
      const orig = repo.receiptRow(this.sql, receiptId);
      if (!orig) throw new AppError('NOT_FOUND', '找不到这张收据。');
      if (orig.kind !== 'receipt') throw new AppError('CONFLICT', '作废/退款单本身不能再作废。');
      const reversals = repo.reversalsOf(this.sql, orig.id);
      if (reversals.some((r) => r.kind === 'void')) throw new AppError('CONFLICT', `收据 ${orig.receipt_no} 已经作废过，不能重复作废。`);
      if (reversals.some((r) => r.kind === 'refund')) throw new AppError('CONFLICT', `收据 ${orig.receipt_no} 已有押金退款，不能整单作废。`);
      const session = this.cash.requireOpen(actor);
      const approval = this.operators.consumeApproval(approvalId, 'receipt.void', orig.receipt_no, { by: actor, originalActorId: orig.operator_id });
      const lines = repo.linesOf(this.sql, orig.id);
      const payments = repo.paymentsOf(this.sql, orig.id);
      return postReversal(
        { sql: this.sql, clock: this.clock, terminalId: this.terminalId(), now: this.now(), settlements: this.settlements, print: this.print },
        'void',
        orig,
        session.id,
        actor,
        approvalId,
        approval.approverId,
        reason,
        lines.map((l) => ({ line: l, amountFen: -l.amount_fen })),
        payments.map((p) => ({ method: p.method, amountFen: -p.amount_fen, reference: p.reference })),
      );
    });
    return this.get(id);
  }

  /**
   * Refund of the deposit lines of a receipt (装修押金, key deposits), once, with a supervisor approval. A decoration
   * deposit is refunded from its case only (`forCase` with the amount: the deposit less the deductions recorded), so
   * the deductions are never paid back by a full refund here.
   */
  refundDeposit(...a: RefundArgs): ReceiptView {
    return this.get(this.refundDepositInTx(...a));
  }

  /** The refund posted inside the caller's transaction (a decoration case closes in the same one); the receipt's id. */
  refundDepositInTx(...[receiptId, approvalId, reason, method, reference, actor, forCase]: RefundArgs): number {
    return this.sql.tx(() => {
      const orig = repo.receiptRow(this.sql, receiptId);
      if (!orig) throw new AppError('NOT_FOUND', '找不到这张收据。');
      if (orig.kind !== 'receipt') throw new AppError('CONFLICT', '只能对收费收据退押金。');
      if (repo.reversalsOf(this.sql, orig.id).some((r) => r.kind === 'void')) throw new AppError('CONFLICT', `收据 ${orig.receipt_no} 已作废，不能再退款。`);
      const open = repo.linesOf(this.sql, orig.id).filter((l) => l.refundable === 1 && !l.reversed);
      if (open.length === 0) throw new AppError('CONFLICT', `收据 ${orig.receipt_no} 没有可退的押金（可能已经退过）。`);
      if (!forCase) {
        const held = repo.decorationCaseOfDeposit(this.sql, orig.receipt_no);
        if (held)
          throw new AppError(
            'CONFLICT',
            `收据 ${orig.receipt_no} 是房间 ${held.room_code} 的装修押金：请在「交房装修」的这份装修申请里退押金（会扣除违规扣款）。`,
          );
      }
      const openFen = sumFen(open.map((l) => l.amount_fen));
      const total = forCase ? forCase.amountFen : openFen;
      if (!Number.isInteger(total) || total <= 0 || total > openFen)
        throw new AppError('BAD_INPUT', `退款金额要在 ￥0.01 到收据可退押金 ${fenToYuanSign(openFen)} 之间。`);
      if (method !== 'cash' && (reference?.trim().length ?? 0) < 4) throw new AppError('BAD_INPUT', '非现金退款需要记录退款凭证号（至少 4 位）。');
      const session = this.cash.requireOpen(actor);
      const approval = this.operators.consumeApproval(approvalId, 'deposit.refund', orig.receipt_no, { by: actor, originalActorId: orig.operator_id });
      // lines in order, each up to what is left of the amount (a line not reached stays with the case's deductions)
      let left = total;
      const lines = open.flatMap((l) => {
        const fen = Math.min(l.amount_fen, left);
        left -= fen;
        return fen > 0 ? [{ line: l, amountFen: -fen }] : [];
      });
      return postReversal(
        { sql: this.sql, clock: this.clock, terminalId: this.terminalId(), now: this.now(), settlements: this.settlements, print: this.print },
        'refund',
        orig,
        session.id,
        actor,
        approvalId,
        approval.approverId,
        reason,
        lines,
        [{ method, amountFen: -total, reference: reference?.trim() ?? null }],
      );
    });
  }
}
