import { appendAudit, chainHead } from '../../db/audit';
import type { Sql } from '../../db/sql';
import type { Clock } from '../../lib/clock';
import { AppError } from '../../lib/errors';
import { maskText } from '@shared/mask';
import { countTotalFen, type CashSessionView, type CloseResult, type DenominationCount } from '@shared/contract/cash';
import { formatFen } from '@shared/money';
import type { PayMethod } from '../../db/schema';
import type { OperatorsService } from '../operators/operators.service';
import type { SessionOperator } from '../operators/sessions';
import * as fees from '../fees/fees.repo';
import * as repo from './cash.repo';

type SessionRow = NonNullable<ReturnType<typeof repo.sessionById>>;

export interface CashSettingsSource {
  terminalId(): string;
  varianceThresholdFen(): number;
}

export interface SlipSink {
  /** queues the close slip for printing in the caller's transaction */
  enqueueCloseSlip(sessionId: number): void;
}

/**
 * The cash session (备用金/交款): opened with a counted float, cash in/out with a reason, closed with a
 * blind count; expected = float + cash takings (net of cash reversals) + cash in − cash out.
 */
export class CashService {
  constructor(
    private readonly sql: Sql,
    private readonly clock: Clock,
    private readonly settings: CashSettingsSource,
    private readonly operators: OperatorsService,
    private readonly slips: SlipSink,
  ) {}

  private now(): string {
    return this.clock.now().toISOString();
  }

  /** The open session of this operator on this terminal, or a clear refusal. Used by fees before posting. */
  requireOpen(actor: SessionOperator): SessionRow {
    const s = repo.openSession(this.sql, this.settings.terminalId());
    if (!s) throw new AppError('CONFLICT', '还没有开班：请先在「备用金」点清备用金开班，再收费。');
    if (s.operator_id !== actor.id)
      throw new AppError('CONFLICT', `本机的备用金由 ${s.operator_name} 开班，尚未交款：请 ${s.operator_name} 先结班，或用其账号收费。`);
    return s;
  }

  /** For the status bar: whether this terminal has an open cash session, and whose. */
  shift(): { open: boolean; label: string; holder: string | null } {
    const s = repo.openSession(this.sql, this.settings.terminalId());
    return s ? { open: true, label: `已开班：${s.operator_name}`, holder: s.operator_name } : { open: false, label: '未开班', holder: null };
  }

  current(actor: SessionOperator): CashSessionView | null {
    const s = repo.openSession(this.sql, this.settings.terminalId());
    return s && s.operator_id === actor.id ? this.view(s, false) : null;
  }

  open(count: DenominationCount, actor: SessionOperator): CashSessionView {
    return this.sql.tx(() => {
      const existing = repo.openSession(this.sql, this.settings.terminalId());
      if (existing) {
        throw new AppError(
          'CONFLICT',
          existing.operator_id === actor.id ? '你已经开班了。' : `本机还有 ${existing.operator_name} 的备用金未交款：请先由其结班交款。`,
        );
      }
      const floatFen = countTotalFen(count);
      const id = repo.insertSession(this.sql, {
        terminal_id: this.settings.terminalId(),
        operator_id: actor.id,
        opened_at: this.now(),
        float_fen: floatFen,
        float_detail: JSON.stringify(count),
      });
      appendAudit(this.sql, this.clock, { operatorId: actor.id, action: 'cash.open', entity: 'cash_session', entityId: id, detail: { floatFen } });
      return this.view(repo.sessionById(this.sql, id) as SessionRow, false);
    });
  }

  private cashTotals(s: SessionRow) {
    const byMethod = new Map<PayMethod, number>(fees.sessionPayments(this.sql, s.id).map((r) => [r.method, Number(r.total ?? 0)]));
    const moves = repo.movements(this.sql, s.id);
    const cashIn = moves.filter((m) => m.kind === 'in').reduce((a, m) => a + m.amount_fen, 0);
    const cashOut = moves.filter((m) => m.kind === 'out').reduce((a, m) => a + m.amount_fen, 0);
    const cashTakings = byMethod.get('cash') ?? 0;
    return { byMethod, moves, cashIn, cashOut, expected: s.float_fen + cashTakings + cashIn - cashOut };
  }

  /**
   * Cash in/out with a reason. Cash out may use only the float and the cash put in, never the takings
   * (no paying expenses out of collected fees, 不得坐支).
   */
  move(kind: 'in' | 'out', amountFen: number, reason: string, actor: SessionOperator): CashSessionView {
    return this.sql.tx(() => {
      const s = this.requireOpen(actor);
      if (kind === 'out') {
        const t = this.cashTotals(s);
        const available = s.float_fen + t.cashIn - t.cashOut;
        if (amountFen > available) {
          throw new AppError('CONFLICT', `取出金额超过备用金余额（可取 ${formatFen(Math.max(available, 0))} 元）：收取的费用不能用于支出（不得坐支）。`);
        }
      }
      repo.insertMovement(this.sql, { session_id: s.id, kind, amount_fen: amountFen, reason: reason.trim(), operator_id: actor.id, at: this.now() });
      appendAudit(this.sql, this.clock, {
        operatorId: actor.id,
        action: `cash.${kind}`,
        entity: 'cash_session',
        entityId: s.id,
        detail: { amountFen, reason: maskText(reason.trim()) },
      });
      return this.view(repo.sessionById(this.sql, s.id) as SessionRow, false);
    });
  }

  /**
   * Blind close. The count is compared with the expected cash only here; a variance above the threshold
   * needs a supervisor approval ('cash.variance', subject = session id). Every attempt is audited, so a
   * recount after "needs approval" is visible.
   */
  close(count: DenominationCount, approvalId: string | undefined, actor: SessionOperator): CloseResult {
    const outcome = this.sql.tx(() => {
      const s = this.requireOpen(actor);
      const counted = countTotalFen(count);
      const t = this.cashTotals(s);
      const variance = counted - t.expected;
      const threshold = this.settings.varianceThresholdFen();
      let approval: { approverId: number; reason: string } | null = null;
      if (Math.abs(variance) > threshold) {
        if (!approvalId) {
          appendAudit(this.sql, this.clock, {
            operatorId: actor.id,
            action: 'cash.close_needs_approval',
            entity: 'cash_session',
            entityId: s.id,
            detail: { countedFen: counted },
          });
          return { needsApproval: true as const, sessionId: s.id };
        }
        approval = this.operators.consumeApproval(approvalId, 'cash.variance', String(s.id), { by: actor, originalActorId: s.operator_id });
      } else if (approvalId) {
        throw new AppError('APPROVAL_INVALID', `审批无效：这次点钞差异在 ${formatFen(threshold)} 元以内，结班不需要主管审批。请不带审批直接结班。`);
      }
      const at = this.now();
      appendAudit(this.sql, this.clock, {
        operatorId: actor.id,
        action: 'cash.close',
        entity: 'cash_session',
        entityId: s.id,
        detail: { expectedFen: t.expected, countedFen: counted, varianceFen: variance, approvedBy: approval?.approverId ?? null },
      });
      const head = chainHead(this.sql);
      repo.updateSession(this.sql, s.id, {
        status: 'closed',
        closed_at: at,
        expected_fen: t.expected,
        counted_fen: counted,
        count_detail: JSON.stringify(count),
        variance_fen: variance,
        variance_approval_id: approvalId ?? null,
        close_head_seq: head.seq,
        close_head_hash: head.hash,
      });
      this.slips.enqueueCloseSlip(s.id);
      return { needsApproval: false as const, sessionId: s.id };
    });
    if (outcome.needsApproval) {
      throw new AppError(
        'APPROVAL_REQUIRED',
        `点钞结果与应有现金的差异超过 ${formatFen(this.settings.varianceThresholdFen())} 元：请重新点钞，或请主管审批后结班。`,
        {
          subject: String(outcome.sessionId),
        },
      );
    }
    return this.slip(outcome.sessionId);
  }

  handover(sessionId: number, financeName: string, note: string | undefined, actor: SessionOperator): CashSessionView {
    return this.sql.tx(() => {
      const s = repo.sessionById(this.sql, sessionId);
      if (!s) throw new AppError('NOT_FOUND', '找不到这个班次。');
      if (s.status !== 'closed') throw new AppError('CONFLICT', s.status === 'open' ? '请先结班点钞，再交款给财务。' : '这个班次已经交款。');
      repo.updateSession(this.sql, s.id, {
        status: 'handed_over',
        handed_over_at: this.now(),
        handed_over_to: financeName.trim(),
        handover_note: note?.trim() ?? null,
      });
      appendAudit(this.sql, this.clock, {
        operatorId: actor.id,
        action: 'cash.handover',
        entity: 'cash_session',
        entityId: s.id,
        detail: { financeName: financeName.trim(), countedFen: s.counted_fen },
      });
      return this.view(repo.sessionById(this.sql, s.id) as SessionRow, true);
    });
  }

  list(limit = 30): CashSessionView[] {
    return repo.listSessions(this.sql, limit).map((s) => this.view(s, true));
  }

  /** What the close slip prints: totals by item and method, number range, voids, cash, the chain head. */
  slip(sessionId: number): CloseResult {
    const s = repo.sessionById(this.sql, sessionId);
    if (!s) throw new AppError('NOT_FOUND', '找不到这个班次。');
    if (s.status === 'open') throw new AppError('CONFLICT', '班次还没有结班：结班后才有交款单。');
    const stats = fees.sessionReceiptStats(this.sql, s.id);
    const t = this.cashTotals(s);
    const of = (k: string) => stats.find((x) => x.kind === k);
    const firsts = stats
      .map((x) => x.first)
      .filter(Boolean)
      .sort();
    const lasts = stats
      .map((x) => x.last)
      .filter(Boolean)
      .sort();
    return {
      session: this.view(s, true),
      slip: {
        receiptRange: firsts.length ? `${firsts[0]} – ${lasts[lasts.length - 1]}` : '（本班没有收据）',
        receipts: stats.reduce((a, x) => a + Number(x.n), 0),
        byItem: fees.sessionByItem(this.sql, s.id).map((r) => ({ name: r.name, amountFen: Number(r.total ?? 0) })),
        byMethod: [...t.byMethod.entries()].map(([method, amountFen]) => ({ method, amountFen })),
        voids: { count: Number(of('void')?.n ?? 0), amountFen: Number(of('void')?.total ?? 0) },
        refunds: { count: Number(of('refund')?.n ?? 0), amountFen: Number(of('refund')?.total ?? 0) },
        cashIn: t.cashIn,
        cashOut: t.cashOut,
        chainHead: s.close_head_hash ? `#${s.close_head_seq} ${s.close_head_hash}` : '',
      },
    };
  }

  /** `reveal` shows expected and variance: only once the blind count is in (closed sessions). */
  private view(s: SessionRow, reveal: boolean): CashSessionView {
    const t = this.cashTotals(s);
    const nonCash: Partial<Record<PayMethod, number>> = {};
    for (const [m, v] of t.byMethod) if (m !== 'cash') nonCash[m] = v;
    const closed = s.status !== 'open';
    return {
      id: s.id,
      status: s.status,
      operatorName: s.operator_name,
      openedAt: s.opened_at,
      floatFen: s.float_fen,
      receipts: repo.receiptCount(this.sql, s.id),
      nonCashFen: nonCash,
      movements: t.moves.map((m) => ({ kind: m.kind, amountFen: m.amount_fen, reason: m.reason, at: m.at })),
      closedAt: s.closed_at,
      expectedFen: reveal && closed ? s.expected_fen : null,
      countedFen: closed ? s.counted_fen : null,
      varianceFen: reveal && closed ? s.variance_fen : null,
      handedOverTo: s.handed_over_to,
    };
  }
}
