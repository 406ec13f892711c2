import { appendAudit } from '../../db/audit';
import type { Sql } from '../../db/sql';
import type { Clock } from '../../lib/clock';
import { AppError } from '../../lib/errors';
import { maskName, maskPhone, maskText } from '@shared/mask';
import type { KeyCountView, KeyLoanView, KeyView } from '@shared/contract/keys';
import type { BorrowerType, KeyCondition, KeyKind, KeyPurpose, KeyStatus } from '../../db/schema';
import { nextCounter } from '../fees/fees.repo';
import type { OperatorsService } from '../operators/operators.service';
import type { SessionOperator } from '../operators/sessions';
import * as roster from '../roster/roster.repo';
import * as repo from './keys.repo';

export interface LendInput {
  keyId: number;
  borrowerType: BorrowerType;
  borrowerName: string;
  borrowerPhone?: string | undefined;
  company?: string | undefined;
  purpose: KeyPurpose;
  purposeNote?: string | undefined;
  idChecked: string;
  dueAt: string;
  approvalId?: string | undefined;
}

export interface KeySaveInput {
  id?: number | undefined;
  tag?: string | undefined;
  kind: KeyKind;
  label: string;
  roomId: number | null;
  hook?: string | undefined;
  note?: string | undefined;
  retired?: boolean | undefined;
}

/** Longest loan the counter may give (a contractor's renovation key comes back at least every 30 days). */
const MAX_LOAN_MS = 30 * 86_400_000;
export const KIND_ZH: Record<KeyKind, string> = { public: '公共', vacant: '空置房', trust: '托管' };

/** Masks the identity note: ID numbers and phones inside it, and anything after the first 8 characters. */
function maskIdNote(s: string): string {
  const m = maskText(s);
  return m.replace(/\d{5,}/g, (d) => `${'*'.repeat(d.length - 4)}${d.slice(-4)}`);
}

export function loanView(r: repo.LoanRow, now: string): KeyLoanView {
  return {
    id: r.id,
    keyId: r.key_id,
    keyTag: r.key_tag,
    keyKind: r.key_kind,
    keyLabel: r.key_label,
    roomCode: r.room_code,
    borrowerType: r.borrower_type,
    borrowerMasked: maskName(r.borrower_name) ?? '',
    phoneMasked: maskPhone(r.borrower_phone),
    company: r.company,
    purpose: r.purpose,
    purposeNote: r.purpose_note,
    idCheckedMasked: maskIdNote(r.id_checked),
    lentAt: r.lent_at,
    dueAt: r.due_at,
    overdue: r.returned_at === null && r.due_at < now,
    lentByName: r.lent_by_name,
    approverName: r.approver_name,
    returnedAt: r.returned_at,
    returnCondition: r.return_condition,
    returnNote: r.return_note,
  };
}

/** Keys: the register (public, vacant-unit, held in trust), loans and returns, overdue, the shift count. */
export class KeysService {
  constructor(
    private readonly sql: Sql,
    private readonly clock: Clock,
    private readonly operators: OperatorsService,
  ) {}

  private now(): string {
    return this.clock.now().toISOString();
  }

  private view(r: repo.KeyRow): KeyView {
    const loan = r.status === 'out' ? repo.openLoanOfKey(this.sql, r.id) : undefined;
    return {
      id: r.id,
      tag: r.tag,
      kind: r.kind,
      label: r.label,
      roomId: r.room_id,
      roomCode: r.room_code,
      hook: r.hook,
      status: r.status,
      note: r.note,
      loan: loan ? loanView(loan, this.now()) : null,
    };
  }

  private mustKey(id: number): repo.KeyRow {
    const k = repo.keyById(this.sql, id);
    if (!k) throw new AppError('NOT_FOUND', '找不到这把钥匙：请刷新列表。');
    return k;
  }

  list(f: { q?: string | undefined; status?: KeyStatus | undefined; kind?: KeyKind | undefined }): KeyView[] {
    const filter: { q?: string; status?: KeyStatus; kind?: KeyKind } = {};
    if (f.q) filter.q = f.q;
    if (f.status) filter.status = f.status;
    if (f.kind) filter.kind = f.kind;
    return repo.listKeys(this.sql, filter).map((r) => this.view(r));
  }

  save(input: KeySaveInput, actor: SessionOperator): KeyView {
    return this.sql.tx(() => {
      if (input.kind !== 'public' && input.roomId === null)
        throw new AppError('BAD_INPUT', `${KIND_ZH[input.kind]}钥匙要选择所属房号（只在系统里记录，钥匙牌上只写编号）。`);
      if (input.roomId !== null && !roster.roomById(this.sql, input.roomId)) throw new AppError('NOT_FOUND', '找不到这个房号：请重新选择。');
      const existing = input.id ? this.mustKey(input.id) : undefined;
      const tag = (input.tag ?? existing?.tag ?? `K-${String(nextCounter(this.sql, 'key_tag')).padStart(4, '0')}`).toUpperCase();
      const clash = repo.keyByTag(this.sql, tag);
      if (clash && clash.id !== input.id) throw new AppError('CONFLICT', `钥匙编号 ${tag} 已被「${clash.label}」使用。`);
      const room = input.roomId !== null ? roster.roomById(this.sql, input.roomId) : undefined;
      if (room && tag.includes(room.code)) throw new AppError('BAD_INPUT', '钥匙编号不能包含房号：钥匙丢了，捡到的人不该知道它开哪扇门。');
      const w: repo.KeyWrite = {
        tag,
        kind: input.kind,
        label: input.label.trim(),
        room_id: input.roomId,
        hook: input.hook?.trim() ?? existing?.hook ?? '',
        note: input.note?.trim() ?? existing?.note ?? '',
      };
      const at = this.now();
      let id: number;
      if (existing) {
        repo.updateKey(this.sql, existing.id, w, at);
        id = existing.id;
        if (input.retired === true && existing.status !== 'retired') {
          if (existing.status === 'out') throw new AppError('CONFLICT', `钥匙 ${existing.tag} 还在借出中：归还后才能停用。`);
          repo.setKeyStatus(this.sql, id, 'retired', at);
        } else if (input.retired === false && existing.status === 'retired') repo.setKeyStatus(this.sql, id, 'on_board', at);
      } else {
        id = repo.insertKey(this.sql, w, at);
      }
      appendAudit(this.sql, this.clock, {
        operatorId: actor.id,
        action: existing ? 'key.update' : 'key.create',
        entity: 'key',
        entityId: id,
        detail: {
          tag,
          kind: w.kind,
          label: w.label,
          roomCode: room?.code ?? null,
          hook: w.hook,
          ...(input.retired !== undefined && { retired: input.retired }),
        },
      });
      return this.view(this.mustKey(id));
    });
  }

  /**
   * Move-in (交房): the unit's 空置房 keys leave the register's custody for the owner's. Each must be this room's
   * vacant key and on the board; it is taken off the register (status retired, the note says to whom and when) and
   * the hand-over is audited with the owner's masked name. Runs inside the caller's transaction when there is one.
   */
  handOverToOwner(keyIds: readonly number[], roomId: number, ownerName: string, actor: SessionOperator): KeyView[] {
    return this.sql.tx(() =>
      keyIds.map((keyId) => {
        const k = this.mustKey(keyId);
        if (k.room_id !== roomId || k.kind !== 'vacant') throw new AppError('BAD_INPUT', `钥匙 ${k.tag} 不是这个房间的空置房钥匙：请核对钥匙编号。`);
        if (k.status !== 'on_board')
          throw new AppError(
            'CONFLICT',
            `钥匙 ${k.tag} 不在钥匙板上（${k.status === 'out' ? '借出中，请先归还' : k.status === 'lost' ? '已登记丢失' : '已停用'}），不能交付业主。`,
          );
        const at = this.now();
        const owner = maskName(ownerName.trim()) ?? '';
        repo.updateKey(
          this.sql,
          k.id,
          { tag: k.tag, kind: k.kind, label: k.label, room_id: k.room_id, hook: '', note: `${at.slice(0, 10)} 交房交付业主 ${owner}` },
          at,
        );
        repo.setKeyStatus(this.sql, k.id, 'retired', at);
        appendAudit(this.sql, this.clock, {
          operatorId: actor.id,
          action: 'key.handover',
          entity: 'key',
          entityId: k.id,
          detail: { tag: k.tag, roomCode: k.room_code, to: owner },
        });
        return this.view(this.mustKey(k.id));
      }),
    );
  }

  /** Lends a key on the board. Trust keys consume a two-person supervisor approval bound to the key's tag. */
  lend(input: LendInput, actor: SessionOperator): KeyLoanView {
    return this.sql.tx(() => {
      const k = this.mustKey(input.keyId);
      if (k.status === 'out') {
        const open = repo.openLoanOfKey(this.sql, k.id);
        throw new AppError('CONFLICT', `钥匙 ${k.tag} 已借出${open ? `（${maskName(open.borrower_name) ?? ''}，应还 ${open.due_at}）` : ''}：归还后才能再借。`);
      }
      if (k.status !== 'on_board') throw new AppError('CONFLICT', `钥匙 ${k.tag} ${k.status === 'lost' ? '已登记丢失' : '已停用'}，不能借出。`);
      const now = this.clock.now();
      const due = new Date(input.dueAt);
      if (Number.isNaN(due.getTime())) throw new AppError('BAD_INPUT', '应还时间无效：请重新选择。');
      if (due.getTime() <= now.getTime()) throw new AppError('BAD_INPUT', '应还时间必须晚于现在。');
      if (due.getTime() - now.getTime() > MAX_LOAN_MS) throw new AppError('BAD_INPUT', '借用时间最长 30 天：超过请到期后重新登记。');
      let approvalId: string | null = null;
      let approverId: number | null = null;
      if (k.kind === 'trust') {
        if (!input.approvalId)
          throw new AppError('APPROVAL_REQUIRED', `托管钥匙 ${k.tag} 需要另一位主管审批（双人）才能借出。`, { action: 'key.lendTrust', subject: k.tag });
        // two-person: the approver is never the operator lending the key (checked where the approval is used)
        const a = this.operators.consumeApproval(input.approvalId, 'key.lendTrust', k.tag, { by: actor });
        approvalId = input.approvalId;
        approverId = a.approverId;
      }
      const at = now.toISOString();
      const id = repo.insertLoan(this.sql, {
        key_id: k.id,
        borrower_type: input.borrowerType,
        borrower_name: input.borrowerName.trim(),
        borrower_phone: input.borrowerPhone?.trim() || null,
        company: input.company?.trim() ?? '',
        purpose: input.purpose,
        purpose_note: input.purposeNote?.trim() ?? '',
        id_checked: input.idChecked.trim(),
        lent_at: at,
        due_at: due.toISOString(),
        lent_by: actor.id,
        approval_id: approvalId,
        approver_id: approverId,
      });
      repo.setKeyStatus(this.sql, k.id, 'out', at);
      appendAudit(this.sql, this.clock, {
        operatorId: actor.id,
        action: 'key.lend',
        entity: 'key',
        entityId: k.id,
        detail: {
          loanId: id,
          tag: k.tag,
          kind: k.kind,
          borrowerType: input.borrowerType,
          borrower: maskName(input.borrowerName.trim()),
          purpose: input.purpose,
          idChecked: maskIdNote(input.idChecked.trim()),
          dueAt: due.toISOString(),
          approvalId,
        },
      });
      return loanView(repo.loanById(this.sql, id) as repo.LoanRow, at);
    });
  }

  /** Return with condition; a key reported lost on return leaves the board count (status lost). */
  returnKey(loanId: number, condition: KeyCondition, note: string | undefined, actor: SessionOperator): KeyLoanView {
    return this.sql.tx(() => {
      const l = repo.loanById(this.sql, loanId);
      if (!l) throw new AppError('NOT_FOUND', '找不到这条借用记录：请刷新。');
      if (l.returned_at) throw new AppError('CONFLICT', `钥匙 ${l.key_tag} 已于 ${l.returned_at} 归还。`);
      if (condition !== 'ok' && !note?.trim())
        throw new AppError('BAD_INPUT', condition === 'lost' ? '钥匙丢失：请写明情况（谁、何时、是否需要换锁）。' : '钥匙损坏：请写明损坏情况。');
      const at = this.now();
      repo.closeLoan(this.sql, l.id, { returned_at: at, returned_by: actor.id, return_condition: condition, return_note: note?.trim() || null });
      repo.setKeyStatus(this.sql, l.key_id, condition === 'lost' ? 'lost' : 'on_board', at);
      appendAudit(this.sql, this.clock, {
        operatorId: actor.id,
        action: 'key.return',
        entity: 'key',
        entityId: l.key_id,
        detail: { loanId: l.id, tag: l.key_tag, condition, late: l.due_at < at, note: note ? maskText(note.trim()) : null },
      });
      return loanView(repo.loanById(this.sql, l.id) as repo.LoanRow, at);
    });
  }

  loans(f: { keyId?: number | undefined; open?: boolean | undefined; limit?: number | undefined }): KeyLoanView[] {
    const now = this.now();
    const q: { keyId?: number; open?: boolean; limit: number } = { limit: f.limit ?? 100 };
    if (f.keyId) q.keyId = f.keyId;
    if (f.open !== undefined) q.open = f.open;
    return repo.listLoans(this.sql, q).map((r) => loanView(r, now));
  }

  overdue(): KeyLoanView[] {
    const now = this.now();
    return repo.overdueLoans(this.sql, now).map((r) => loanView(r, now));
  }

  count(): KeyCountView {
    const now = this.now();
    const c = repo.keyCounts(this.sql);
    const outLoans = repo.openLoans(this.sql).map((r) => loanView(r, now));
    const last = repo.lastCount(this.sql);
    return {
      total: c.on_board + c.out + c.lost,
      expectedOnBoard: c.on_board,
      out: c.out,
      overdue: outLoans.filter((l) => l.overdue).length,
      lost: c.lost,
      outLoans,
      lastCount: last
        ? { at: last.at, operatorName: last.operator_name, expectedOnBoard: last.expected_on_board, counted: last.counted, explanation: last.explanation }
        : null,
    };
  }

  recordCount(counted: number, explanation: string | undefined, actor: SessionOperator): KeyCountView {
    return this.sql.tx(() => {
      const c = repo.keyCounts(this.sql);
      const why = explanation?.trim() ?? '';
      if (counted !== c.on_board && why.length < 2)
        throw new AppError('BAD_INPUT', `板上应有 ${c.on_board} 把，点到 ${counted} 把：请写明差异原因（例如哪把钥匙不在、在谁手里）。`, {
          expected: c.on_board,
          counted,
        });
      const at = this.now();
      const id = repo.insertCount(this.sql, { at, operator_id: actor.id, expected_on_board: c.on_board, counted, out_count: c.out, explanation: why });
      appendAudit(this.sql, this.clock, {
        operatorId: actor.id,
        action: 'key.count',
        entity: 'key_count',
        entityId: id,
        detail: { expected: c.on_board, counted, out: c.out, difference: counted - c.on_board, explanation: maskText(why) },
      });
      return this.count();
    });
  }
}
