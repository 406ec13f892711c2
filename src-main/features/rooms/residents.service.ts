import { appendAudit } from '../../db/audit';
import type { Sql } from '../../db/sql';
import type { Clock } from '../../lib/clock';
import { AppError } from '../../lib/errors';
import { maskName, maskText } from '@shared/mask';
import type { PropertyCalendar } from '@shared/calendar';
import type { MovedOutView, RoomResidentView } from '@shared/contract/rooms';
import type { RoomOwedView } from '@shared/contract/receivables';
import type { SessionOperator } from '../operators/sessions';
import type { OperatorsService } from '../operators/operators.service';
import { roleAtLeast } from '../operators/sessions';
import { nameKeys, normalisePhone } from '../roster/rules';
import * as repo from './rooms.repo';
import { residentView } from './rooms.service';
import { auditView } from './rules';
import { changeState, mustRoom } from './state';

const KIND_ZH = { owner: '业主', tenant: '租户', family: '家属' } as const;

export interface PersonInput {
  name: string;
  phone?: string | null | undefined;
  note?: string | undefined;
}

const NO_APPROVALS: Pick<OperatorsService, 'consumeApproval'> = {
  consumeApproval: () => {
    throw new AppError('APPROVAL_INVALID', '审批无效：这台终端不能使用审批。请由主管本人办理。');
  },
};

/** Residents kept current one at a time: add, edit, end; tenants' leases; 过户; erasure on request. Every change audited. */
export class ResidentsService {
  constructor(
    private readonly sql: Sql,
    private readonly clock: Clock,
    private readonly calendar: PropertyCalendar,
    /** what a room still owes (receivables), told to the caller after a move-out; absent where receivables are not wired */
    private readonly owedOf: ((roomId: number) => RoomOwedView) | null = null,
    /** approvals (a receptionist's erasure request); without it, only a supervisor erases */
    private readonly operators: Pick<OperatorsService, 'consumeApproval'> = NO_APPROVALS,
  ) {}

  /** What the room still owes, told with a move-out so the screen can show unpaid fees (null without receivables). */
  owed(roomId: number): RoomOwedView | null {
    return this.owedOf ? this.owedOf(roomId) : null;
  }

  /** `end` with what the room still owes afterwards. */
  endTelling(id: number, moveOut: string, reason: string | undefined, actor: SessionOperator): MovedOutView {
    const v = this.end(id, moveOut, reason, actor);
    return { ...v, owed: this.owed(this.must(id).room_id) };
  }

  /** `tenantMoveOut` with what the room still owes afterwards. */
  tenantMoveOutTelling(id: number, moveOut: string, actor: SessionOperator): MovedOutView {
    const v = this.tenantMoveOut(id, moveOut, actor);
    return { ...v, owed: this.owed(this.must(id).room_id) };
  }

  private now(): string {
    return this.clock.now().toISOString();
  }

  private must(id: number): repo.ResidentRow {
    const r = repo.residentById(this.sql, id);
    if (!r) throw new AppError('NOT_FOUND', '找不到这位住户：请刷新房屋档案。');
    if (r.erased_at) throw new AppError('CONFLICT', '这位住户的资料已应本人要求删除，不能再修改。');
    return r;
  }

  private view(id: number): RoomResidentView {
    const r = repo.residentById(this.sql, id) as repo.ResidentRow;
    const leases = repo.leasesOf(this.sql, id);
    return residentView(r, leases.at(-1)?.end_date ?? null);
  }

  private phone(p: string | null | undefined): string | null {
    if (p === null || p === undefined || p.trim() === '') return null;
    const n = normalisePhone(p);
    if (!n) throw new AppError('BAD_INPUT', '电话号码不对：请输入 11 位手机号或带区号的座机号。', { field: 'phone' });
    return n;
  }

  private audit(
    action: string,
    id: number,
    actor: SessionOperator,
    before: repo.ResidentRow | null,
    after: repo.ResidentRow | null,
    extra: Record<string, unknown> = {},
  ) {
    appendAudit(this.sql, this.clock, {
      operatorId: actor.id,
      action,
      entity: 'resident',
      entityId: id,
      detail: { ...extra, before: before ? auditView(before) : null, after: after ? auditView(after) : null },
    });
  }

  /** Inserts a person (refusing a second record of the same name in the room); returns the new id. */
  private insert(roomId: number, kind: 'owner' | 'tenant' | 'family', p: PersonInput, moveIn: string | null): number {
    const name = p.name.trim();
    const same = repo.residentByName(this.sql, roomId, name);
    if (same) {
      throw new AppError(
        'CONFLICT',
        same.move_out
          ? `这个房间已有「${name}」的记录（${same.move_out} 迁出）：请在原记录上办理，或在姓名后加区分。`
          : `这个房间已登记「${name}」：请直接编辑这条记录。`,
      );
    }
    const at = this.now();
    const keys = nameKeys(name);
    return repo.insertResident(this.sql, {
      room_id: roomId,
      name,
      kind,
      initials: keys.initials,
      pinyin: keys.pinyin,
      phone: this.phone(p.phone),
      move_in: moveIn,
      move_out: null,
      note: p.note?.trim() ?? '',
      created_at: at,
      updated_at: at,
    });
  }

  /** An owner or a family member added by hand. */
  add(input: PersonInput & { roomId: number; kind: 'owner' | 'family'; moveIn?: string | undefined }, actor: SessionOperator): RoomResidentView {
    return this.sql.tx(() => {
      mustRoom(this.sql, input.roomId);
      const id = this.insert(input.roomId, input.kind, input, input.moveIn ?? this.calendar.today());
      this.audit('resident.create', id, actor, null, repo.residentById(this.sql, id) as repo.ResidentRow);
      return this.view(id);
    });
  }

  update(
    id: number,
    input: { name?: string | undefined; phone?: string | null | undefined; note?: string | undefined },
    actor: SessionOperator,
  ): RoomResidentView {
    return this.sql.tx(() => {
      const before = this.must(id);
      const name = input.name?.trim() ?? before.name;
      if (name !== before.name && repo.residentByName(this.sql, before.room_id, name))
        throw new AppError('CONFLICT', `这个房间已登记「${name}」：请换一个写法或编辑那条记录。`);
      const keys = nameKeys(name);
      repo.updateResident(this.sql, id, {
        name,
        initials: keys.initials,
        pinyin: keys.pinyin,
        phone: input.phone === undefined ? before.phone : this.phone(input.phone),
        note: input.note === undefined ? before.note : input.note.trim(),
        move_in: before.move_in,
        move_out: before.move_out,
        at: this.now(),
      });
      this.audit('resident.update', id, actor, before, repo.residentById(this.sql, id) as repo.ResidentRow);
      return this.view(id);
    });
  }

  private endCheck(r: repo.ResidentRow, moveOut: string): void {
    if (r.move_out) throw new AppError('CONFLICT', `${KIND_ZH[r.kind]}「${r.name}」已于 ${r.move_out} 迁出。`);
    if (r.move_in && moveOut < r.move_in) throw new AppError('BAD_INPUT', `迁出日期 ${moveOut} 早于入住日期 ${r.move_in}：请检查日期。`, { field: 'moveOut' });
  }

  private setMoveOut(r: repo.ResidentRow, moveOut: string): void {
    repo.updateResident(this.sql, r.id, { ...r, initials: nameKeys(r.name).initials, pinyin: nameKeys(r.name).pinyin, move_out: moveOut, at: this.now() });
  }

  /** Ends an owner or a family member (a tenant moves out through tenantMoveOut, which closes the lease). */
  end(id: number, moveOut: string, reason: string | undefined, actor: SessionOperator): RoomResidentView {
    return this.sql.tx(() => {
      const r = this.must(id);
      if (r.kind === 'tenant') return this.tenantMoveOutInTx(r, moveOut, actor);
      this.endCheck(r, moveOut);
      this.setMoveOut(r, moveOut);
      this.audit('resident.end', id, actor, r, repo.residentById(this.sql, id) as repo.ResidentRow, { reason: reason ? maskText(reason.trim()) : null });
      return this.view(id);
    });
  }

  /**
   * A tenant moves in with a lease. A returning tenant (same name in the room, moved out) gets a new lease on the same
   * record; one tenant's leases never overlap. The room becomes 出租 (if it is not already).
   */
  tenantMoveIn(input: PersonInput & { roomId: number; startDate: string; endDate: string }, actor: SessionOperator): RoomResidentView {
    if (input.endDate < input.startDate)
      throw new AppError('BAD_INPUT', `租期结束 ${input.endDate} 早于开始 ${input.startDate}：请检查日期。`, { field: 'endDate' });
    return this.sql.tx(() => {
      const room = mustRoom(this.sql, input.roomId);
      const existing = repo.residentByName(this.sql, input.roomId, input.name.trim());
      let id: number;
      let before: repo.ResidentRow | null = null;
      if (existing && existing.kind === 'tenant' && !existing.erased_at) {
        before = existing;
        for (const l of repo.leasesOf(this.sql, existing.id)) {
          const end = l.moved_out ?? l.end_date;
          if (input.startDate <= end && l.start_date <= input.endDate)
            throw new AppError(
              'CONFLICT',
              `租期 ${input.startDate} 至 ${input.endDate} 与「${existing.name}」已有的租期 ${l.start_date} 至 ${end} 重叠：请检查日期，或先办理迁出。`,
            );
        }
        repo.updateResident(this.sql, existing.id, {
          ...existing,
          ...nameKeys(existing.name),
          phone: input.phone === undefined ? existing.phone : this.phone(input.phone),
          note: input.note?.trim() ?? existing.note,
          move_in: input.startDate,
          move_out: null,
          at: this.now(),
        });
        id = existing.id;
      } else {
        id = this.insert(input.roomId, 'tenant', input, input.startDate);
      }
      repo.insertLease(this.sql, { residentId: id, roomId: input.roomId, start: input.startDate, end: input.endDate, at: this.now(), operatorId: actor.id });
      this.audit('tenant.move_in', id, actor, before, repo.residentById(this.sql, id) as repo.ResidentRow, {
        lease: { start: input.startDate, end: input.endDate },
      });
      if (room.state !== 'rented') changeState(this.sql, this.clock, room.id, 'rented', actor.id, `租户入住（${maskName(input.name.trim())}）`);
      return this.view(id);
    });
  }

  tenantMoveOut(id: number, moveOut: string, actor: SessionOperator): RoomResidentView {
    return this.sql.tx(() => this.tenantMoveOutInTx(this.must(id), moveOut, actor));
  }

  private tenantMoveOutInTx(r: repo.ResidentRow, moveOut: string, actor: SessionOperator): RoomResidentView {
    if (r.kind !== 'tenant') throw new AppError('BAD_INPUT', `「${r.name}」是${KIND_ZH[r.kind]}，不是租户：请结束这条住户记录（填写迁出日期）。`);
    this.endCheck(r, moveOut);
    const open = repo.leasesOf(this.sql, r.id).filter((l) => l.moved_out === null);
    for (const l of open) {
      if (moveOut < l.start_date) throw new AppError('BAD_INPUT', `迁出日期 ${moveOut} 早于租期开始 ${l.start_date}：请检查日期。`, { field: 'moveOut' });
      repo.closeLease(this.sql, l.id, moveOut);
    }
    this.setMoveOut(r, moveOut);
    this.audit('tenant.move_out', r.id, actor, r, repo.residentById(this.sql, r.id) as repo.ResidentRow);
    // the last tenant gone: the room is empty until someone says otherwise
    const room = mustRoom(this.sql, r.room_id);
    const tenantsLeft = repo.residentsOfRoom(this.sql, r.room_id).some((x) => x.kind === 'tenant' && x.move_out === null && x.erased_at === null);
    if (room.state === 'rented' && !tenantsLeft) changeState(this.sql, this.clock, room.id, 'vacant', actor.id, '租户迁出');
    return this.view(r.id);
  }

  /**
   * 过户: the old owner ends and the new one starts on the same day, with the documents seen ticked (never copied).
   * All three must have been seen.
   */
  transfer(
    input: { fromResidentId: number; date: string; newOwner: PersonInput; docs: { titleDeed: boolean; contract: boolean; idCard: boolean } },
    actor: SessionOperator,
  ): { ended: RoomResidentView; added: RoomResidentView } {
    const missing = [!input.docs.titleDeed && '不动产权证', !input.docs.contract && '买卖合同', !input.docs.idCard && '身份证'].filter(Boolean);
    if (missing.length) throw new AppError('BAD_INPUT', `过户要核验 ${missing.join('、')}：看过原件后勾选（不复印、不留存）。`, { field: 'docs' });
    return this.sql.tx(() => {
      const from = this.must(input.fromResidentId);
      if (from.kind !== 'owner') throw new AppError('BAD_INPUT', `「${from.name}」不是业主：过户只能从现业主办理。`);
      this.endCheck(from, input.date);
      this.setMoveOut(from, input.date);
      const toId = this.insert(from.room_id, 'owner', input.newOwner, input.date);
      repo.insertTransfer(this.sql, {
        roomId: from.room_id,
        fromId: from.id,
        toId,
        date: input.date,
        deed: input.docs.titleDeed,
        contract: input.docs.contract,
        idCard: input.docs.idCard,
        at: this.now(),
        operatorId: actor.id,
      });
      const docs = { titleDeed: input.docs.titleDeed, contract: input.docs.contract, idCard: input.docs.idCard };
      this.audit('resident.transfer_out', from.id, actor, from, repo.residentById(this.sql, from.id) as repo.ResidentRow, { date: input.date, to: toId, docs });
      this.audit('resident.transfer_in', toId, actor, null, repo.residentById(this.sql, toId) as repo.ResidentRow, { date: input.date, from: from.id, docs });
      return { ended: this.view(from.id), added: this.view(toId) };
    });
  }

  /**
   * An erasure request (PIPL), handled by a supervisor: name, phone, note and the identity notes of the move-in are
   * erased; the row stays with its kind and dates, so the room's history keeps that a resident lived there. The audit
   * chain holds masked values only and is not touched; card rows renamed here are stamped again in the same transaction.
   * A supervisor erases directly; a receptionist brings another supervisor's approval for it (subject `resident-<id>`).
   */
  erase(id: number, reason: string, actor: SessionOperator, approvalId?: string): RoomResidentView {
    return this.sql.tx(() => {
      const r = this.must(id);
      let approver: number | null = null;
      if (!roleAtLeast(actor.role, 'supervisor')) {
        if (!approvalId) throw new AppError('APPROVAL_REQUIRED', '删除住户资料需要主管审批：请主管输入账号密码批准。');
        approver = this.operators.consumeApproval(approvalId, 'resident.erase', `resident-${id}`, { by: actor }).approverId;
      }
      const at = this.now();
      repo.eraseResident(this.sql, id, at, r.move_out ?? (r.move_in && r.move_in > this.calendar.today() ? r.move_in : this.calendar.today()));
      repo.eraseCardHolder(this.sql, id);
      repo.eraseMoveInNotes(this.sql, id);
      appendAudit(this.sql, this.clock, {
        operatorId: actor.id,
        action: 'resident.erase',
        entity: 'resident',
        entityId: id,
        detail: { kind: r.kind, roomId: r.room_id, reason: maskText(reason.trim()), before: auditView(r), ...(approver ? { approvedBy: approver } : {}) },
      });
      return this.view(id);
    });
  }
}
