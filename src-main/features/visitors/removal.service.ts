import { appendAudit } from '../../db/audit';
import type { Sql } from '../../db/sql';
import type { Clock } from '../../lib/clock';
import { AppError } from '../../lib/errors';
import type { ParsedInput } from '@shared/contract';
import type { RemovalPassView, RoomIssues, VerifyResult } from '@shared/contract/visitor-passes';
import type { VisitorSettings } from '@shared/contract/visitors';
import type { PropertyCalendar } from '@shared/calendar';
import { maskPhone } from '@shared/mask';
import { roleAtLeast, type SessionOperator } from '../operators/sessions';
import type { OperatorsService } from '../operators/operators.service';
import { recordPerson } from './people';
import * as repo from './passes.repo';
import type { PassesService, PassPrinter } from './passes.service';
import { roomIssues, type RoomIssueSources } from './room-issues';
import { normalizePassNo, phoneDigits, last4, removalDay, shownName } from './rules';
import { roomWithBuilding } from './visits.repo';

/**
 * Removal passes (搬运证 / 物品放行条): issued for a room to its owner, or to a tenant with the owner's consent
 * recorded or a supervisor's approval; the room's open matters returned with it; printed with a barcode; verified
 * once at the gate (or at the counter when the guard hands the slips in).
 */
export class RemovalService {
  constructor(
    private readonly sql: Sql,
    private readonly clock: Clock,
    private readonly calendar: PropertyCalendar,
    private readonly operators: Pick<OperatorsService, 'consumeApproval'>,
    private readonly passes: PassesService,
    private readonly printer: Pick<PassPrinter, 'info'>,
    private readonly issueSources: RoomIssueSources,
    private readonly settings: () => VisitorSettings,
  ) {}

  private now(): string {
    return this.clock.now().toISOString();
  }

  view(r: repo.RemovalRow): RemovalPassView {
    const erased = r.erased_at !== null;
    const print = this.printer.info(r.pass_id);
    let issues = { keysOnLoan: 0, activeCards: 0, unpaidFees: null as number | null };
    try {
      issues = { ...issues, ...(JSON.parse(r.open_issues) as typeof issues) };
    } catch {
      /* a damaged snapshot shows zeros rather than failing the list */
    }
    return {
      id: r.id,
      passNo: r.pass_no,
      status: r.status === 'used' ? 'used' : r.status === 'void' ? 'void' : 'valid',
      expired: r.status === 'valid' && r.valid_until <= this.now(),
      roomId: r.room_id,
      roomCode: r.room_code,
      applicantKind: r.applicant_kind,
      applicantMasked: shownName(r.name, erased),
      phoneMasked: maskPhone(r.phone),
      items: repo.removalItems(this.sql, r.id),
      movingCompany: r.moving_company,
      plate: r.plate ?? '',
      date: r.pass_date,
      windowFrom: r.window_from,
      windowTo: r.window_to,
      consent: r.consent,
      consentPhoneMasked: r.consent_phone_masked,
      consentNote: r.consent_note,
      approverName: r.approver_name,
      openIssues: issues,
      issuedAt: r.issued_at,
      issuedByName: r.issued_by_name,
      verification: r.verified_at ? { at: r.verified_at, byName: r.verified_by_name ?? '', via: r.verified_via ?? 'gate' } : null,
      voidedAt: r.status === 'void' ? r.closed_at : null,
      voidReason: r.status === 'void' ? r.close_reason : null,
      printState: print.state,
      copies: print.copies,
      erased,
    };
  }

  private must(id: number): repo.RemovalRow {
    const r = repo.removalById(this.sql, id);
    if (!r) throw new AppError('NOT_FOUND', '找不到这张搬运放行条：请刷新。');
    return r;
  }

  openIssues(roomId: number): RoomIssues {
    const room = roomWithBuilding(this.sql, roomId);
    if (!room) throw new AppError('BAD_INPUT', '这个房号不在名册中：请从名册里选择。', { field: 'roomId' });
    return roomIssues(this.issueSources, room, this.now());
  }

  issue(input: ParsedInput<'visitors.removal.issue'>, actor: SessionOperator): { pass: RemovalPassView; openIssues: RoomIssues; printQueued: boolean } {
    return this.sql.tx(() => {
      if (input.requestId) {
        const seen = repo.removalByRequest(this.sql, input.requestId);
        if (seen) return { pass: this.view(this.must(seen.id)), openIssues: this.openIssues(input.roomId), printQueued: false };
      }
      const room = roomWithBuilding(this.sql, input.roomId);
      if (!room) throw new AppError('BAD_INPUT', '这个房号不在名册中：请从名册里选择。', { field: 'roomId' });
      const day = removalDay(this.calendar, input.date, input.windowFrom, input.windowTo, this.settings());

      // who agreed: the owner applying; for a tenant the owner's consent recorded, or a supervisor's approval
      let consent: 'owner' | 'owner_present' | 'phone' | 'written' | 'approval' = 'owner';
      let approval: { id: string; approverId: number } | null = null;
      if (input.applicantKind === 'owner') {
        if (input.consentMethod) throw new AppError('BAD_INPUT', '业主本人申请不需要登记业主同意：请清空同意方式。', { field: 'consentMethod' });
      } else if (input.consentMethod) {
        if (input.consentMethod === 'phone' && !input.consentPhone)
          throw new AppError('BAD_INPUT', '电话确认：请填写拨打的业主电话（只保存部分号码）。', { field: 'consentPhone' });
        if (input.consentMethod === 'written' && (input.consentNote?.trim().length ?? 0) < 2)
          throw new AppError('BAD_INPUT', '书面授权：请写明授权书的情况（例如「业主签字授权书，已复印存档」）。', { field: 'consentNote' });
        consent = input.consentMethod;
      } else {
        if (!input.approvalId)
          throw new AppError('APPROVAL_REQUIRED', `租户办理搬运放行需要业主同意（到场、电话确认或书面授权）；没有业主同意时，请另一位主管审批。`, {
            action: 'removal.tenantNoConsent',
            subject: room.code,
          });
        const a = this.operators.consumeApproval(input.approvalId, 'removal.tenantNoConsent', room.code, { by: actor });
        consent = 'approval';
        approval = { id: input.approvalId, approverId: a.approverId };
      }

      const now = this.now();
      const issues = roomIssues(this.issueSources, room, now);
      const phone = input.applicantPhone ? phoneDigits(input.applicantPhone) : null;
      const personalId = recordPerson(
        this.sql,
        'removal',
        {
          name: input.applicantName.trim(),
          phone,
          phone_last4: phone ? last4(phone) : null,
          doc_type: 'none',
          doc_last4: null,
          doc_sealed: null,
          plate: input.plate || null,
        },
        day.validUntil,
        now,
      );
      const removalId = repo.insertRemoval(this.sql, {
        room_id: room.id,
        applicant_kind: input.applicantKind,
        personal_id: personalId,
        moving_company: input.movingCompany?.trim() ?? '',
        pass_date: input.date,
        window_from: input.windowFrom,
        window_to: input.windowTo,
        consent,
        consent_phone_masked: consent === 'phone' && input.consentPhone ? maskPhone(phoneDigits(input.consentPhone)) : null,
        consent_note: input.consentNote?.trim() ?? '',
        approval_id: approval?.id ?? null,
        approver_id: approval?.approverId ?? null,
        open_issues: JSON.stringify({
          keysOnLoan: issues.keysOnLoan.length,
          activeCards: issues.activeCards.length,
          unpaidFees: issues.unpaidFees.available ? issues.unpaidFees.totalFen : null,
        }),
        created_at: now,
        created_by: actor.id,
        request_id: input.requestId ?? null,
      });
      input.items.forEach((i, n) => repo.insertRemovalItem(this.sql, { removal_id: removalId, line_no: n + 1, name: i.name.trim(), quantity: i.quantity }));
      const pass = this.passes.issueInTx(
        {
          kind: 'removal',
          personalId,
          removalId,
          roomId: room.id,
          commonAreaReason: null,
          zones: [room.building_code],
          validFrom: day.validFrom,
          validUntil: day.validUntil,
        },
        actor,
      );
      appendAudit(this.sql, this.clock, {
        operatorId: actor.id,
        action: 'removal.issue',
        entity: 'pass',
        entityId: pass.passNo,
        detail: {
          roomCode: room.code,
          applicantKind: input.applicantKind,
          consent,
          approvalId: approval?.id ?? null,
          items: input.items.length,
          date: input.date,
          openIssues: { keys: issues.keysOnLoan.length, cards: issues.activeCards.length },
        },
      });
      return { pass: this.view(this.must(removalId)), openIssues: issues, printQueued: pass.printQueued };
    });
  }

  list(f: ParsedInput<'visitors.removal.list'>): RemovalPassView[] {
    const q: Parameters<typeof repo.listRemovals>[1] = { limit: f.limit ?? 100 };
    if (f.date) q.date = f.date;
    if (f.roomId) q.roomId = f.roomId;
    if (f.status && f.status !== 'expired') q.status = f.status;
    if (f.status === 'expired') q.status = 'valid';
    const out = repo.listRemovals(this.sql, q).map((r) => this.view(r));
    return f.status === 'expired' ? out.filter((p) => p.expired) : f.status === 'valid' ? out.filter((p) => !p.expired) : out;
  }

  /**
   * 放行核验. A valid pass of today is marked used (with the time and who checked) in one transaction; the unique
   * verification row makes a second use impossible, also across a restart or from another desk. Every other case is
   * an answer for the big display, and a refused scan is audited too.
   */
  verify(passNo: string, actor: SessionOperator): VerifyResult {
    return this.sql.tx(() => {
      const no = normalizePassNo(passNo);
      const p = repo.passByNo(this.sql, no);
      const refuse = (result: VerifyResult['result'], headline: string, detail: string, pass: RemovalPassView | null): VerifyResult => {
        appendAudit(this.sql, this.clock, { operatorId: actor.id, action: 'removal.verifyRefused', entity: 'pass', entityId: no, detail: { result } });
        return { result, headline, detail, pass, outsideWindow: false };
      };
      if (!p) return refuse('unknown', '无此证', `系统里没有证号 ${no}：请核对号码；不能放行，请联系前台。`, null);
      if (p.kind !== 'removal' || p.removal_id === null)
        return refuse('not_removal', '不是放行条', `${no} 是${p.kind === 'visitor' ? '访客通行证' : '临时出入证'}，不是搬运放行条：不能凭它放行物品。`, null);
      const r = this.must(p.removal_id);
      const view = this.view(r);
      const now = this.now();
      // the verification row, not only the status: it is what makes a second use impossible (unique per pass)
      const v = repo.verificationOf(this.sql, p.id);
      if (p.status === 'used' || v) {
        return refuse('used', '已使用', `这张放行条已于 ${v ? this.calendar.dateTime(v.at) : ''} 由 ${v?.by_name ?? ''} 核验放行，不能再次使用。`, view);
      }
      if (p.status === 'void')
        return refuse('void', '已作废', `这张放行条已于 ${this.calendar.dateTime(p.closed_at ?? now)} 作废（${p.close_reason ?? ''}）：不能放行。`, view);
      if (now < p.valid_from) return refuse('not_yet', '未到日期', `这张放行条是 ${r.pass_date} 的，还没到日期：不能放行。`, view);
      if (now >= p.valid_until) return refuse('expired', '已过期', `这张放行条只在 ${r.pass_date} 当天有效，已过期：请业主到前台重新办理。`, view);
      const via = roleAtLeast(actor.role, 'receptionist') ? 'counter' : 'gate';
      repo.insertVerification(this.sql, { pass_id: p.id, at: now, operator_id: actor.id, via });
      repo.closePass(this.sql, p.id, { status: 'used', at: now, by: actor.id, reason: null });
      const time = this.calendar.dateTime(now).slice(11);
      const outsideWindow = time < r.window_from || time > r.window_to;
      appendAudit(this.sql, this.clock, { operatorId: actor.id, action: 'removal.verify', entity: 'pass', entityId: no, detail: { via, outsideWindow } });
      return {
        result: 'ok',
        headline: '放行',
        detail: `${r.room_code} 的物品 ${view.items.map((i) => `${i.name}×${i.quantity}`).join('、')}：核对无误后放行。${outsideWindow ? `注意：约定时段是 ${r.window_from}–${r.window_to}。` : ''}`,
        pass: this.view(this.must(r.id)),
        outsideWindow,
      };
    });
  }
}
