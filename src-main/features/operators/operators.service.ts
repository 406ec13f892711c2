import { randomBytes } from 'node:crypto';
import { appendAudit } from '../../db/audit';
import type { Role } from '../../db/schema';
import type { Sql } from '../../db/sql';
import type { Clock } from '../../lib/clock';
import { AppError } from '../../lib/errors';
import { maskText } from '@shared/mask';
import type { ApprovalAction, ApprovalView, OperatorAdminView, SessionView } from '@shared/contract';
import * as repo from './operators.repo';
import { hashPassword, verifyPassword, PRODUCTION_COST, type ScryptCost } from './password';
import { roleAtLeast, type SessionOperator, type SessionStore } from './sessions';

export const MAX_FAILED_ATTEMPTS = 5;
export const LOCKOUT_MINUTES = 15;
export const APPROVAL_TTL_MS = 2 * 60_000;

type Row = NonNullable<ReturnType<typeof repo.findById>>;

/** Who is using an approval, and whose earlier act it concerns. */
export interface ApprovalUse {
  /** The operator doing the approved action on this client: null only for an account unlock at the login screen. */
  by: SessionOperator | null;
  /** Who did the original act (the receipt's cashier, the parcel's intake, the locked account), if anyone. */
  originalActorId?: number | null;
}

export interface ConsumedApproval {
  approverId: number;
  approverName: string;
  reason: string;
}

export class OperatorsService {
  private dummyHash: Promise<string> | null = null;
  private authQueue: Promise<void> = Promise.resolve();

  constructor(
    private readonly sql: Sql,
    private readonly clock: Clock,
    private readonly sessions: SessionStore,
    private readonly idleLockMinutes: () => number,
    private readonly cost: ScryptCost = PRODUCTION_COST,
  ) {}

  private now(): string {
    return this.clock.now().toISOString();
  }

  private isLocked(row: Row): boolean {
    return row.locked_until !== null && row.locked_until > this.now();
  }

  toSessionOperator(row: Row): SessionOperator {
    return { id: row.id, username: row.username, displayName: row.display_name, role: row.role };
  }

  adminView(row: Row): OperatorAdminView {
    return {
      id: row.id,
      username: row.username,
      displayName: row.display_name,
      role: row.role,
      active: row.active === 1,
      locked: this.isLocked(row),
      failedAttempts: row.failed_attempts,
      lastLoginAt: row.last_login_at,
    };
  }

  sessionView(clientId: string): SessionView | null {
    const s = this.sessions.peek(clientId);
    return s ? { operator: s.operator, locked: s.locked, idleLockMinutes: this.idleLockMinutes() } : null;
  }

  count(): number {
    return repo.countOperators(this.sql);
  }

  /** Creates an operator inside the caller's transaction (first-run setup) or its own. */
  createWithHash(input: { username: string; displayName: string; role: Role; passwordHash: string }, actorId: number | null): Row {
    return this.sql.tx(() => {
      if (repo.findByUsername(this.sql, input.username)) throw new AppError('CONFLICT', `用户名「${input.username}」已被使用：请换一个。`);
      const id = repo.insertOperator(this.sql, { ...input, at: this.now() });
      appendAudit(this.sql, this.clock, {
        operatorId: actorId ?? id,
        action: 'operator.create',
        entity: 'operator',
        entityId: id,
        detail: { username: input.username, role: input.role },
      });
      return repo.findById(this.sql, id) as Row;
    });
  }

  async create(input: { username: string; displayName: string; role: Role; password: string }, actor: SessionOperator): Promise<OperatorAdminView> {
    const passwordHash = await hashPassword(input.password, this.cost);
    return this.adminView(this.createWithHash({ ...input, passwordHash }, actor.id));
  }

  hash(password: string): Promise<string> {
    return hashPassword(password, this.cost);
  }

  /**
   * Checks a username and password, counting failures. The 5th failure in a row locks the account for
   * 15 minutes (or until a supervisor unlocks it). Every failure and the lockout go to the audit chain.
   */
  private async authenticate(username: string, password: string, purpose: 'login' | 'approve' | 'unlock'): Promise<Row> {
    // One password check at a time: parallel guesses cannot race past the failure count.
    const run = this.authQueue.then(() => this.authenticateOnce(username, password, purpose));
    this.authQueue = run.then(
      () => undefined,
      () => undefined,
    );
    return run;
  }

  private async authenticateOnce(username: string, password: string, purpose: 'login' | 'approve' | 'unlock'): Promise<Row> {
    const found = repo.findByUsername(this.sql, username);
    if (!found) {
      // spend the same time as a real check, so a wrong username can't be told from a wrong password
      this.dummyHash ??= hashPassword('lobbydesk-dummy', this.cost);
      await verifyPassword(password, await this.dummyHash);
      this.sql.tx(() =>
        appendAudit(this.sql, this.clock, { operatorId: null, action: 'auth.failed', entity: 'operator', entityId: '?', detail: { purpose, known: false } }),
      );
      throw new AppError('BAD_CREDENTIALS', '用户名或密码错误：请检查后重新输入（注意大小写和输入法）。');
    }
    const good = await verifyPassword(password, found.password_hash);
    // Decide on the row as it is now (it may have been locked, disabled or given a new password while
    // the hash was computed), record the outcome in one transaction, then throw outside it.
    const outcome = this.sql.tx(() => {
      const row = repo.findById(this.sql, found.id) as Row;
      const at = this.now();
      if (this.isLocked(row)) {
        appendAudit(this.sql, this.clock, { operatorId: null, action: 'auth.refused_locked', entity: 'operator', entityId: row.id, detail: { purpose } });
        return { kind: 'locked' as const, lockedUntil: row.locked_until };
      }
      const stillGood = good && row.password_hash === found.password_hash;
      if (stillGood && row.active !== 1) {
        appendAudit(this.sql, this.clock, { operatorId: null, action: 'auth.refused_disabled', entity: 'operator', entityId: row.id, detail: { purpose } });
        return { kind: 'disabled' as const };
      }
      if (stillGood) {
        if (row.failed_attempts > 0 || row.locked_until) repo.updateOperator(this.sql, row.id, { failed_attempts: 0, locked_until: null }, at);
        return { kind: 'ok' as const, row: repo.findById(this.sql, row.id) as Row };
      }
      const failed = row.failed_attempts + 1;
      const lock = failed >= MAX_FAILED_ATTEMPTS;
      const lockedUntil = lock ? new Date(this.clock.now().getTime() + LOCKOUT_MINUTES * 60_000).toISOString() : row.locked_until;
      repo.updateOperator(this.sql, row.id, { failed_attempts: lock ? 0 : failed, locked_until: lockedUntil }, at);
      appendAudit(this.sql, this.clock, {
        operatorId: null,
        action: 'auth.failed',
        entity: 'operator',
        entityId: row.id,
        detail: { purpose, attempt: failed },
      });
      if (lock)
        appendAudit(this.sql, this.clock, {
          operatorId: null,
          action: 'operator.lockout',
          entity: 'operator',
          entityId: row.id,
          detail: { minutes: LOCKOUT_MINUTES },
        });
      return lock ? { kind: 'locked-now' as const, lockedUntil } : { kind: 'bad' as const, left: MAX_FAILED_ATTEMPTS - failed };
    });
    // a locked-out or disabled account keeps no session anywhere: whoever was signed in as it is signed out
    if (outcome.kind !== 'ok' && outcome.kind !== 'bad') this.sessions.signOutOperator(found.id);
    switch (outcome.kind) {
      case 'ok':
        return outcome.row;
      case 'disabled':
        throw new AppError('ACCOUNT_DISABLED', '此账号已停用：请联系管理员。');
      case 'locked':
        throw new AppError('ACCOUNT_LOCKED', `账号已锁定（连续 ${MAX_FAILED_ATTEMPTS} 次密码错误）：请 ${LOCKOUT_MINUTES} 分钟后再试，或请主管解锁。`, {
          until: outcome.lockedUntil ?? '',
        });
      case 'locked-now':
        throw new AppError('ACCOUNT_LOCKED', `连续 ${MAX_FAILED_ATTEMPTS} 次密码错误，账号已锁定 ${LOCKOUT_MINUTES} 分钟：请稍后再试，或请主管解锁。`, {
          until: outcome.lockedUntil ?? '',
        });
      case 'bad':
        throw new AppError('BAD_CREDENTIALS', `用户名或密码错误：还可再试 ${outcome.left} 次，之后账号将被锁定。`, { left: outcome.left });
    }
  }

  async login(clientId: string, username: string, password: string): Promise<SessionView> {
    const row = await this.authenticate(username, password, 'login');
    this.sql.tx(() => {
      repo.updateOperator(this.sql, row.id, { last_login_at: this.now() }, this.now());
      appendAudit(this.sql, this.clock, { operatorId: row.id, action: 'auth.login', entity: 'operator', entityId: row.id });
    });
    this.sessions.signIn(clientId, this.toSessionOperator(row));
    return this.sessionView(clientId) as SessionView;
  }

  logout(clientId: string): void {
    const s = this.sessions.peek(clientId);
    if (s) {
      this.sql.tx(() => appendAudit(this.sql, this.clock, { operatorId: s.operator.id, action: 'auth.logout', entity: 'operator', entityId: s.operator.id }));
    }
    this.sessions.signOut(clientId);
  }

  async unlock(clientId: string, password: string): Promise<SessionView> {
    const s = this.sessions.peek(clientId);
    if (!s) throw new AppError('NOT_SIGNED_IN', '没有需要解锁的登录：请重新登录。');
    // a wrong password that locks the account out ends this session too (authenticate signs the account out)
    await this.authenticate(s.operator.username, password, 'unlock');
    this.sessions.unlock(clientId);
    return this.sessionView(clientId) as SessionView;
  }

  async changePassword(actor: SessionOperator, oldPassword: string, newPassword: string): Promise<void> {
    await this.authenticate(actor.username, oldPassword, 'unlock');
    const hash = await hashPassword(newPassword, this.cost);
    this.sql.tx(() => {
      repo.updateOperator(this.sql, actor.id, { password_hash: hash }, this.now());
      appendAudit(this.sql, this.clock, { operatorId: actor.id, action: 'operator.password_changed', entity: 'operator', entityId: actor.id });
    });
  }

  /**
   * The reusable supervisor approval step: returns a single-use approval bound to the operator who asked
   * for it (the one signed in on this client), the action and the subject. Every approval is two-person:
   * the approver is never the operator who asked. With no one signed in, only an account unlock can be
   * asked for (at the login screen); anything else needs the operator to sign in first, so a supervisor
   * cannot sign out, approve with their own password and sign back in to use it.
   */
  async approve(
    input: { username: string; password: string; action: ApprovalAction; subject: string; reason: string },
    requester: { operator: SessionOperator; locked: boolean } | null,
  ): Promise<ApprovalView> {
    if (input.action !== 'operator.unlock') {
      if (!requester) throw new AppError('NOT_SIGNED_IN', '请先登录：主管审批是为已登录的操作员要办的业务授权的。');
      if (requester.locked) throw new AppError('LOCKED', '屏幕已锁定：请先输入密码解锁，再请主管审批。');
    }
    const approver = await this.authenticate(input.username, input.password, 'approve');
    if (!roleAtLeast(approver.role, 'supervisor'))
      throw new AppError('ROLE_REQUIRED', '审批人必须是主管或管理员：请让主管输入自己的账号和密码。', { role: 'supervisor' });
    const requestedBy = requester?.operator.id ?? null;
    let subject = input.subject;
    if (input.action === 'operator.unlock') {
      // usernames are case-insensitive: bind the approval to the stored spelling
      const target = repo.findByUsername(this.sql, input.subject);
      if (!target) throw new AppError('APPROVAL_INVALID', '找不到要解锁的账号：请核对用户名。');
      subject = target.username;
    }
    if (requestedBy === approver.id || (input.action === 'operator.unlock' && subject === approver.username)) {
      throw new AppError('APPROVAL_INVALID', '此操作需要另一位主管审批，不能由本人审批自己。');
    }
    const id = randomBytes(16).toString('hex');
    const expiresAt = new Date(this.clock.now().getTime() + APPROVAL_TTL_MS).toISOString();
    this.sql.tx(() => {
      repo.insertApproval(this.sql, {
        id,
        action: input.action,
        subject,
        reason: input.reason.trim(),
        approverId: approver.id,
        requestedBy,
        at: this.now(),
        expiresAt,
      });
      appendAudit(this.sql, this.clock, {
        operatorId: approver.id,
        action: 'approval.granted',
        entity: 'approval',
        entityId: id,
        detail: { action: input.action, subject, reason: maskText(input.reason.trim()), requestedBy },
      });
    });
    return { approvalId: id, approverName: approver.display_name, expiresAt };
  }

  /**
   * Uses up an approval. Call inside the transaction of the approved action. The approval must be for this
   * action and subject, unused, within its 2 minutes, and used by the operator who asked for it; its
   * approver must still be an active, unlocked supervisor, and must not be the operator doing the action
   * nor the one who did the original act it concerns (`use.originalActorId`: the receipt's cashier for a
   * void, the operator who took a parcel in for a write-off, the locked account for an unlock).
   */
  consumeApproval(approvalId: string, action: ApprovalAction, subject: string, use: ApprovalUse): ConsumedApproval {
    const a = repo.findApproval(this.sql, approvalId);
    const invalid = (why: string, next = '请重新请主管审批') => new AppError('APPROVAL_INVALID', `审批无效：${why}。${next}。`);
    if (!a) throw invalid('找不到这次审批');
    if (a.action !== action || a.subject !== subject) throw invalid('审批的不是这项操作');
    if (a.consumed_at) throw invalid('这次审批已经用过');
    if (a.expires_at <= this.now()) throw invalid('审批已超过 2 分钟有效期');
    const by = use.by?.id ?? null;
    if (a.requested_by !== by) throw invalid('这次审批是为另一位操作员批的，只能由请求审批的操作员本人使用', '请由要办这项业务的操作员重新请主管审批');
    if (a.approver_id === by) throw invalid('审批人不能是办理人本人', '请另一位主管审批');
    if (use.originalActorId != null && a.approver_id === use.originalActorId) {
      throw invalid('审批人就是原来经办这笔业务的人，不能审批自己经手的业务', '请另一位主管审批');
    }
    const approver = repo.findById(this.sql, a.approver_id) as Row;
    if (approver.active !== 1 || this.isLocked(approver) || !roleAtLeast(approver.role, 'supervisor')) {
      throw invalid('审批人的账号已停用、被锁定或已不是主管');
    }
    if (repo.consumeApprovalRow(this.sql, approvalId, by, this.now()) !== 1) throw invalid('这次审批已经用过');
    return { approverId: a.approver_id, approverName: approver.display_name, reason: a.reason };
  }

  list(): OperatorAdminView[] {
    return repo.listAll(this.sql).map((r) => this.adminView(r));
  }

  private mustFind(id: number): Row {
    const row = repo.findById(this.sql, id);
    if (!row) throw new AppError('NOT_FOUND', '找不到这个操作员：请刷新列表。');
    return row;
  }

  update(input: { id: number; displayName?: string; role?: Role; active?: boolean }, actor: SessionOperator): OperatorAdminView {
    return this.sql.tx(() => {
      const row = this.mustFind(input.id);
      const demotesAdmin = row.role === 'admin' && row.active === 1 && ((input.role && input.role !== 'admin') || input.active === false);
      if (demotesAdmin && repo.countActiveAdmins(this.sql) <= 1) {
        throw new AppError('CONFLICT', '这是最后一位启用的管理员：请先添加另一位管理员，再修改此账号。');
      }
      const patch: Parameters<typeof repo.updateOperator>[2] = {};
      if (input.displayName !== undefined) patch.display_name = input.displayName;
      if (input.role !== undefined) patch.role = input.role;
      if (input.active !== undefined) patch.active = input.active ? 1 : 0;
      repo.updateOperator(this.sql, row.id, patch, this.now());
      appendAudit(this.sql, this.clock, {
        operatorId: actor.id,
        action: 'operator.update',
        entity: 'operator',
        entityId: row.id,
        detail: { role: input.role, active: input.active, displayName: input.displayName },
      });
      if (input.role !== undefined || input.active === false) this.sessions.signOutOperator(row.id);
      return this.adminView(this.mustFind(row.id));
    });
  }

  async resetPassword(id: number, newPassword: string, actor: SessionOperator): Promise<void> {
    this.mustFind(id);
    const hash = await hashPassword(newPassword, this.cost);
    this.sql.tx(() => {
      repo.updateOperator(this.sql, id, { password_hash: hash, failed_attempts: 0, locked_until: null }, this.now());
      appendAudit(this.sql, this.clock, { operatorId: actor.id, action: 'operator.password_reset', entity: 'operator', entityId: id });
    });
    this.sessions.signOutOperator(id);
  }

  /** 解锁账户 asked for on a client: as its signed-in, unlocked operator (a supervisor unlocks directly), else with an approval. */
  unlockAccountFrom(clientId: string, username: string, approvalId: string | undefined): void {
    const peek = this.sessions.peek(clientId);
    this.unlockAccount(username, peek && !peek.locked ? peek.operator : null, approvalId, peek?.operator ?? null);
  }

  /**
   * Unlocks a locked account: by a signed-in supervisor (`actor`), or with a supervisor approval for exactly
   * this account, used by whoever asked for it on this client (`requester`: the signed-in operator, even
   * behind the lock screen, or null at the login screen).
   */
  unlockAccount(username: string, actor: SessionOperator | null, approvalId: string | undefined, requester: SessionOperator | null): void {
    this.sql.tx(() => {
      const row = repo.findByUsername(this.sql, username);
      const supervisor = actor && roleAtLeast(actor.role, 'supervisor');
      if (!row) {
        // the same answers as for a real account, so this public channel does not reveal which usernames exist
        if (supervisor) throw new AppError('NOT_FOUND', `找不到用户名「${username}」。`);
        if (approvalId) throw new AppError('APPROVAL_INVALID', '审批无效：审批的不是这项操作。请重新请主管审批。');
        throw new AppError('APPROVAL_REQUIRED', '解锁账号需要主管审批：请主管输入自己的账号、密码和原因。');
      }
      let by: number;
      let detail: Record<string, unknown> = {};
      if (actor && supervisor) {
        if (actor.id === row.id) throw new AppError('APPROVAL_INVALID', '不能解锁自己的账号：请另一位主管解锁。');
        by = actor.id;
      } else if (approvalId) {
        const a = this.consumeApproval(approvalId, 'operator.unlock', row.username, { by: requester, originalActorId: row.id });
        by = a.approverId;
        detail = { approvalId, reason: maskText(a.reason) };
      } else {
        throw new AppError('APPROVAL_REQUIRED', '解锁账号需要主管审批：请主管输入自己的账号、密码和原因。');
      }
      repo.updateOperator(this.sql, row.id, { failed_attempts: 0, locked_until: null }, this.now());
      appendAudit(this.sql, this.clock, { operatorId: by, action: 'operator.unlock', entity: 'operator', entityId: row.id, detail });
    });
  }
}
