import type { Clock } from '../../lib/clock';
import { AppError } from '../../lib/errors';
import type { Role } from '../../db/schema';

export interface SessionOperator {
  id: number;
  username: string;
  displayName: string;
  role: Role;
}

interface Session {
  operator: SessionOperator;
  lastActivity: number;
  locked: boolean;
}

/** 'guard' (门岗) is below a receptionist: only the channels marked 'guard' (the gate's check, the on-site list). */
const RANK: Record<Role, number> = { guard: 0, receptionist: 1, supervisor: 2, admin: 3 };

export function roleAtLeast(have: Role, need: Role): boolean {
  return RANK[have] >= RANK[need];
}

const ROLE_ZH: Record<Role, string> = { guard: '门岗', receptionist: '前台', supervisor: '主管', admin: '管理员' };
export const roleZh = (r: Role): string => ROLE_ZH[r];

/**
 * Who is signed in on which client (an Electron window, or the browser host's per-run token).
 * The idle lock is enforced here, not only in the renderer: a call after the idle limit locks the session.
 */
export class SessionStore {
  private readonly sessions = new Map<string, Session>();
  /** When an operator last did something (any signed-in call): what "the counter is idle" means. */
  lastActivityAt = 0;
  constructor(
    private readonly clock: Clock,
    private readonly idleLockMinutes: () => number,
  ) {}

  signIn(clientId: string, operator: SessionOperator): void {
    this.sessions.set(clientId, { operator, lastActivity: this.clock.now().getTime(), locked: false });
  }

  signOut(clientId: string): void {
    this.sessions.delete(clientId);
  }

  /** Drops every session of an operator (deactivated, role changed, password reset). */
  signOutOperator(operatorId: number): void {
    for (const [k, s] of this.sessions) if (s.operator.id === operatorId) this.sessions.delete(k);
  }

  peek(clientId: string): { operator: SessionOperator; locked: boolean } | null {
    const s = this.sessions.get(clientId);
    if (!s) return null;
    this.applyIdle(s);
    return { operator: s.operator, locked: s.locked };
  }

  lock(clientId: string): void {
    const s = this.sessions.get(clientId);
    if (s) s.locked = true;
  }

  unlock(clientId: string): void {
    const s = this.sessions.get(clientId);
    if (s) {
      s.locked = false;
      s.lastActivity = this.clock.now().getTime();
    }
  }

  private applyIdle(s: Session): void {
    const limit = this.idleLockMinutes() * 60_000;
    if (!s.locked && this.clock.now().getTime() - s.lastActivity > limit) s.locked = true;
  }

  /** Checks the caller may use a channel needing `need`, and counts the call as activity. */
  require(clientId: string, need: Role): SessionOperator {
    const s = this.sessions.get(clientId);
    if (!s) throw new AppError('NOT_SIGNED_IN', '请先登录。');
    this.applyIdle(s);
    if (s.locked) throw new AppError('LOCKED', '屏幕已锁定：请输入密码解锁，或切换操作员。');
    if (!roleAtLeast(s.operator.role, need))
      throw new AppError('ROLE_REQUIRED', `此操作需要「${roleZh(need)}」或更高权限：请让有权限的同事登录或审批。`, { role: need });
    s.lastActivity = this.clock.now().getTime();
    this.lastActivityAt = s.lastActivity;
    return s.operator;
  }
}
