import { z } from 'zod';

/** Who may call a channel: anyone (login, setup), or a signed-in, unlocked operator of at least this role. */
export type Access = 'public' | 'receptionist' | 'supervisor' | 'admin';

export interface ChannelDef<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  input: I;
  output: O;
  access: Access;
  /** Largest accepted payload in bytes (JSON). Default 64 KiB. */
  maxBytes?: number;
}

export const def = <I extends z.ZodType, O extends z.ZodType>(d: ChannelDef<I, O>): ChannelDef<I, O> => d;

export const DEFAULT_MAX_BYTES = 64 * 1024;

export const empty = z.object({}).strict();
export const ok = z.object({ done: z.literal(true) });

export const id = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);
export const role = z.enum(['receptionist', 'supervisor', 'admin']);
export const residentKind = z.enum(['owner', 'tenant', 'family']);
export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return Number.isFinite(d.getTime()) && d.toISOString().slice(0, 10) === s;
  }, { message: '日期不存在：请检查年月日' });
export const isoTime = z.string().min(10).max(40);

/** A free-text reason (reveal, approval): at least 2 characters that are not blank. */
export const reason = z
  .string()
  .max(200)
  .refine((s) => s.trim().length >= 2, { message: '请填写原因（至少 2 个字）' });

export const username = z
  .string()
  .trim()
  .min(1, { message: '请输入用户名' })
  .max(32, { message: '用户名最多 32 个字符' })
  .regex(/^[\p{L}\p{N}_.-]+$/u, { message: '用户名只能包含字母、数字、下划线、点和短横线' });
export const password = z.string().min(1, { message: '请输入密码' }).max(256, { message: '密码太长（最多 256 个字符）' });
export const newPassword = z
  .string()
  .min(8, { message: '新密码至少 8 个字符' })
  .max(256, { message: '密码太长（最多 256 个字符）' });
export const displayName = z.string().trim().min(1, { message: '请输入姓名' }).max(40, { message: '姓名最多 40 个字符' });

export const operatorView = z.object({
  id,
  username: z.string(),
  displayName: z.string(),
  role,
});
export type OperatorView = z.infer<typeof operatorView>;

export const sessionView = z.object({
  operator: operatorView,
  locked: z.boolean(),
  idleLockMinutes: z.number().int(),
});
export type SessionView = z.infer<typeof sessionView>;

export type Result<T> = { ok: true; value: T } | { ok: false; error: { code: string; message: string; params?: Record<string, string | number> } };
