import { z } from 'zod';
import { def, empty, ok, sessionView, username, displayName, newPassword, reason, role, line } from './common';
import { isTimeZone } from '../calendar';

/** An IANA time zone name the runtime knows (`Asia/Shanghai`). */
export const timeZoneName = z.string().max(64).refine(isTimeZone, { message: '时区无效：请从列表中选择，例如 Asia/Shanghai（北京时间）' });

export const deviceState = z.object({
  /** checking: configured, its first status reply not in yet; unknown: it does not report its status */
  state: z.enum(['not-configured', 'checking', 'ok', 'unknown', 'offline', 'paper-out', 'cover-open', 'error']),
  detail: z.string(),
});

export const backupView = z.object({
  name: z.string(),
  kind: z.enum(['daily', 'pre-migrate', 'manual']),
  createdAt: z.string(),
  bytes: z.number().int(),
});
export type BackupView = z.infer<typeof backupView>;

export const jobProgress = z.object({
  state: z.enum(['running', 'done', 'failed']),
  done: z.number().int(),
  total: z.number().int(),
  message: z.string(),
});
export type JobProgress = z.infer<typeof jobProgress>;

/** One finding of the store's protection check (triggers, audit chain, money and custody rows). */
export const auditProblem = z.object({
  kind: z.enum(['trigger-missing', 'trigger-changed', 'trigger-extra', 'chain', 'row-changed', 'row-inserted', 'row-deleted']),
  table: z.string().nullable(),
  rowId: z.number().int().nullable(),
  seq: z.number().int().nullable(),
  name: z.string().nullable(),
  reason: z.enum(['hash-mismatch', 'broken-link', 'gap', 'truncated']).nullable(),
  message: z.string(),
});
export type AuditProblemView = z.infer<typeof auditProblem>;

export const appStatus = z.object({
  /** attention: the protection check found a problem; reads work, writes are refused until it is cleared */
  mode: z.enum(['recovery', 'setup', 'ready', 'attention']),
  version: z.string(),
  schemaVersion: z.number().int(),
  propertyName: z.string(),
  terminalId: z.string(),
  /** the property's time zone: the screen shows every time on this clock, whatever the PC is set to */
  timeZone: z.string(),
  session: sessionView.nullable(),
  recovery: z
    .object({
      problems: z.array(z.string()),
      backups: z.array(backupView.extend({ good: z.boolean() })),
    })
    .nullable(),
  devices: z.object({ printer: deviceState, cardReader: deviceState, scanner: deviceState }),
  upstream: z.object({ lastSuccessAt: z.string().nullable(), backlog: z.number().int(), alert: z.string().nullable() }),
  /** the open cash session of this terminal: who holds the drawer (null: none open) */
  shift: z.object({ open: z.boolean(), label: z.string(), holder: z.string().nullable() }),
  demo: jobProgress.nullable(),
  integrity: z.object({ lastFullCheckAt: z.string().nullable(), ok: z.boolean().nullable() }),
  /** what the protection check found (mode attention), what to do about it */
  attention: z.object({ since: z.string(), problems: z.array(auditProblem), advice: z.string() }).nullable(),
});
export type AppStatus = z.infer<typeof appStatus>;

export const setupInput = z.object({
  propertyName: line().trim().min(2, { message: '请填写物业/项目名称（至少 2 个字）' }).max(40),
  terminalId: line()
    .trim()
    .regex(/^[A-Za-z0-9-]{1,16}$/, { message: '终端编号只能是 1–16 位字母、数字或短横线，例如 T01' }),
  admin: z.object({ username, displayName, password: newPassword }),
  demoData: z.boolean(),
});

/** rows: audit chain rows walked; ledgerRows: money and custody rows whose digest was recomputed. */
export const verifyView = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), rows: z.number().int(), ledgerRows: z.number().int(), headSeq: z.number().int(), headHash: z.string() }),
  z.object({
    ok: z.literal(false),
    rows: z.number().int(),
    ledgerRows: z.number().int(),
    /** the chain row where it breaks, else the audit entry of the first row that no longer matches */
    firstBadSeq: z.number().int().nullable(),
    reason: z.enum(['hash-mismatch', 'broken-link', 'gap', 'truncated', 'triggers', 'ledger']),
    problems: z.array(auditProblem),
  }),
]);
export type VerifyView = z.infer<typeof verifyView>;

export const settingsView = z.object({
  propertyName: z.string(),
  terminalId: z.string(),
  idleLockMinutes: z.number().int().min(1).max(240),
  timeZone: z.string(),
  /** false once a business day was built for head office: the zone then stays as it is */
  timeZoneChangeable: z.boolean(),
});

export const systemContract = {
  'system.status': def({ input: empty, output: appStatus, access: 'public' }),
  'system.setup': def({ input: setupInput, output: ok, access: 'public' }),
  'system.restoreBackup': def({ input: z.object({ name: line().max(200) }), output: ok, access: 'public' }),
  'system.verifyAudit': def({ input: empty, output: verifyView, access: 'supervisor' }),
  /**
   * After a finding: puts missing or altered protective triggers back as the migrations made them and records
   * that a supervisor has checked the listed rows and accepts them as they now are (audited, with the reason),
   * then checks everything again. A broken audit chain cannot be accepted: it needs a restore.
   */
  'system.auditResolve': def({ input: z.object({ reason }).strict(), output: verifyView, access: 'supervisor' }),
  /** After a failed full integrity check: close the store and offer the backups (admin). */
  'system.enterRecovery': def({ input: empty, output: ok, access: 'admin' }),
  'system.listBackups': def({ input: empty, output: z.array(backupView), access: 'admin' }),
  'system.backupNow': def({ input: empty, output: backupView, access: 'admin' }),
  'settings.get': def({ input: empty, output: settingsView, access: 'receptionist' }),
  'settings.update': def({
    input: z.object({ propertyName: line().trim().min(2).max(40), idleLockMinutes: z.number().int().min(1).max(240), timeZone: timeZoneName.optional() }),
    output: settingsView,
    access: 'admin',
  }),
} as const;

export { role };
