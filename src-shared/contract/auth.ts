import { z } from 'zod';
import { def, empty, ok, id, operatorView, sessionView, username, password, newPassword, displayName, role, reason, line } from './common';

export const approvalView = z.object({ approvalId: z.string(), approverName: z.string(), expiresAt: z.string() });
export type ApprovalView = z.infer<typeof approvalView>;

/** What a supervisor approval can be asked for. Later issues add their actions here. */
export const approvalAction = z.enum([
  'operator.unlock',
  'receipt.void',
  'deposit.refund',
  'cash.variance',
  'parcel.writeOff',
  'key.lendTrust',
  /** a visitor on the refusal list let in (subject: `refusal-<id>`) */
  'visitor.admitRefused',
  /** a tenant's removal pass without the owner's consent (subject: the room code) */
  'removal.tenantNoConsent',
  /** an exemption or reduction of a room's periodic charges (subject: `<room code>:<item code>`) */
  'receivable.adjust',
  /** a waiver of the late fee (违约金) a room's item has accrued (subject: `<room code>:<item code>`) */
  'receivable.lateWaive',
  /** a resident's details erased on their request (subject: `resident-<id>`) */
  'resident.erase',
]);
export type ApprovalAction = z.infer<typeof approvalAction>;

export const operatorAdminView = operatorView.extend({
  active: z.boolean(),
  locked: z.boolean(),
  failedAttempts: z.number().int(),
  lastLoginAt: z.string().nullable(),
});
export type OperatorAdminView = z.infer<typeof operatorAdminView>;

export const authContract = {
  'auth.login': def({ input: z.object({ username, password }), output: sessionView, access: 'public' }),
  'auth.logout': def({ input: empty, output: ok, access: 'public' }),
  /** The renderer reports user activity (at most every 30 s) so the idle lock is enforced in main too. */
  'auth.touch': def({ input: empty, output: ok, access: 'guard' }),
  'auth.lock': def({ input: empty, output: ok, access: 'public' }),
  'auth.unlock': def({ input: z.object({ password }), output: sessionView, access: 'public' }),
  'auth.changePassword': def({ input: z.object({ oldPassword: password, newPassword }), output: ok, access: 'guard' }),
  /**
   * Supervisor approval: a supervisor (or admin) enters their own credentials and a reason. Returns a
   * single-use approval bound to the action and subject, valid for 2 minutes, which the action consumes.
   */
  'auth.approve': def({
    input: z.object({ username, password, action: approvalAction, subject: line().min(1).max(100), reason }),
    output: approvalView,
    access: 'public',
  }),
  'operators.list': def({ input: empty, output: z.array(operatorAdminView), access: 'admin' }),
  'operators.create': def({
    input: z.object({ username, displayName, role, password: newPassword }),
    output: operatorAdminView,
    access: 'admin',
  }),
  'operators.update': def({
    input: z.object({ id, displayName: displayName.optional(), role: role.optional(), active: z.boolean().optional() }),
    output: operatorAdminView,
    access: 'admin',
  }),
  'operators.resetPassword': def({ input: z.object({ id, newPassword }), output: ok, access: 'admin' }),
  /** Unlock a locked account: a signed-in supervisor/admin directly, or anyone holding an approval for it. */
  'operators.unlock': def({
    input: z.object({ username, approvalId: line().max(100).optional() }),
    output: ok,
    access: 'public',
  }),
} as const;
