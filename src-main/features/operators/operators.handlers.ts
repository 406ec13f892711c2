import type { authContract } from '@shared/contract/auth';
import { actor, done, type HandlersOf } from '../../ipc/handle';
import type { OperatorsService } from './operators.service';
import type { SessionStore } from './sessions';

type AuthHandlers = HandlersOf<typeof authContract>;

/** The session channels that need no store: they also answer while the store is in recovery. */
export function sessionHandlers(sessions: SessionStore): Pick<AuthHandlers, 'auth.touch' | 'auth.lock'> {
  return {
    'auth.touch': () => done,
    'auth.lock': (_i, ctx) => (sessions.lock(ctx.clientId), done),
  };
}

/** Sign-in, approvals and operator accounts → the operators service. */
export function operatorsHandlers(operators: OperatorsService, sessions: SessionStore): AuthHandlers {
  return {
    ...sessionHandlers(sessions),
    'auth.login': (i, ctx) => operators.login(ctx.clientId, i.username, i.password),
    'auth.logout': (_i, ctx) => (operators.logout(ctx.clientId), done),
    'auth.unlock': (i, ctx) => operators.unlock(ctx.clientId, i.password),
    'auth.changePassword': async (i, ctx) => (await operators.changePassword(actor(ctx), i.oldPassword, i.newPassword), done),
    'auth.approve': (i, ctx) => operators.approve(i, sessions.peek(ctx.clientId)),
    'operators.list': () => operators.list(),
    'operators.create': (i, ctx) => operators.create(i, actor(ctx)),
    'operators.update': (i, ctx) => operators.update(i, actor(ctx)),
    'operators.resetPassword': async (i, ctx) => (await operators.resetPassword(i.id, i.newPassword, actor(ctx)), done),
    'operators.unlock': (i, ctx) => (operators.unlockAccountFrom(ctx.clientId, i.username, i.approvalId), done),
  };
}
