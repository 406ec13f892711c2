import { z } from 'zod';

/**
 * Who may call a channel: anyone (login, setup), or a signed-in, unlocked operator of at least this role.
 * 'guard' (门岗) is the lowest role: a guard may call only the channels marked 'guard' (the gate's removal-pass
 * check and the on-site list, plus keeping the session alive and changing their own password); every other role may too.
 */
export type Access = 'public' | 'guard' | 'receptionist' | 'supervisor' | 'admin';

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
export const role = z.enum(['guard', 'receptionist', 'supervisor', 'admin']);
export const residentKind = z.enum(['owner', 'tenant', 'family']);

/**
 * Characters no one types into a name or a note: C0 and C1 control characters and DEL, zero-width and
 * direction marks and overrides (they make 张三 and 张\u200b三 look the same, or reverse what is shown),
 * line and paragraph separators, the byte-order mark, noncharacters, and unpaired surrogates (not text at
 * all; they break GBK printing). Tab, CR and LF are allowed only in multi-line notes.
 */
// in a string (not a regex literal) so that the characters are listed by their escapes, readable in review
const INVISIBLE =
  '\\u0000-\\u0008\\u000b\\u000c\\u000e-\\u001f\\u007f-\\u009f\\u200b\\u200e\\u200f\\u2028-\\u202e\\u2060\\u2066-\\u2069\\ufeff\\ufff9-\\ufffb\\ufffe\\uffff';
const CONTROL_IN_NOTE = new RegExp(`[${INVISIBLE}]|\\p{Cs}`, 'u');
const CONTROL_IN_LINE = new RegExp(`[\\t\\n\\r${INVISIBLE}]|\\p{Cs}`, 'u');
export const CONTROL_CHARS_MESSAGE = '含有控制字符或看不见的字符（常见于从别处复制来的文字）：请删除后重新输入';

/** True when `s` (trimmed) holds a character refused in a one-line field, or in a note when `multiline`. */
export const hasControlChars = (s: string, multiline = false): boolean => (multiline ? CONTROL_IN_NOTE : CONTROL_IN_LINE).test(s.trim());

/**
 * Every string a person or a device sends (names, codes, searches, reasons, ids): a zod string that refuses
 * control and invisible characters. Chain as usual: `line().trim().min(1).max(40)`.
 */
export const line = () => z.string().refine((s) => !hasControlChars(s), { message: CONTROL_CHARS_MESSAGE });
/** A multi-line note (a textarea): as `line()`, but line breaks and tabs are allowed. */
export const lines = () => z.string().refine((s) => !hasControlChars(s, true), { message: CONTROL_CHARS_MESSAGE });

const realDate = (s: string): boolean => {
  const d = new Date(`${s}T00:00:00Z`);
  return Number.isFinite(d.getTime()) && d.toISOString().slice(0, 10) === s;
};

/** A calendar date, 'YYYY-MM-DD', that exists (no 2026-02-30, no 0000-00-00), in the years 1900–2999. */
export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: '日期格式应为 2026-01-31' })
  .refine((s) => !/^\d{4}-\d{2}-\d{2}$/.test(s) || realDate(s), { message: '日期不存在：请检查年月日' })
  .refine((s) => !/^\d{4}-/.test(s) || (s >= '1900' && s < '3000'), { message: '日期的年份应在 1900 到 2999 之间' });

/** A calendar month, 'YYYY-MM', in the years 1900–2999 (fees check their own window around today). */
export const isoMonth = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, { message: '月份格式应为 2026-01' })
  .refine((s) => !/^\d{4}-/.test(s) || (s >= '1900' && s < '3000'), { message: '月份的年份应在 1900 到 2999 之间' });

/**
 * An instant as the renderer sends it (ISO 8601 with a zone: `2026-11-23T18:00:00.000Z` or `…+08:00`), that
 * exists, in the years 1900–2999.
 */
export const isoDateTime = z
  .string()
  .max(40)
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/, { message: '时间格式不对：请重新选择日期和时间' })
  .refine(
    (s) => {
      const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})/.exec(s);
      if (!m) return true; // the format message covers it
      return realDate(m[1] as string) && Number(m[2]) < 24 && Number(m[3]) < 60 && Number.isFinite(Date.parse(s)) && s >= '1900' && s < '3000';
    },
    { message: '时间不存在：请检查日期和时间' },
  );

/** A free-text reason (reveal, approval): at least 2 characters that are not blank. */
export const reason = line()
  .max(200)
  .refine((s) => s.trim().length >= 2, { message: '请填写原因（至少 2 个字）' });

export const username = line()
  .trim()
  .min(1, { message: '请输入用户名' })
  .max(32, { message: '用户名最多 32 个字符' })
  .regex(/^[\p{L}\p{N}_.-]+$/u, { message: '用户名只能包含字母、数字、下划线、点和短横线' });
export const password = line().min(1, { message: '请输入密码' }).max(256, { message: '密码太长（最多 256 个字符）' });
export const newPassword = line().min(8, { message: '新密码至少 8 个字符' }).max(256, { message: '密码太长（最多 256 个字符）' });
export const displayName = line().trim().min(1, { message: '请输入姓名' }).max(40, { message: '姓名最多 40 个字符' });

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
