import { z } from 'zod';
import { def, empty, isoDate, line } from './common';

/** 上报: head office's address and secret, the nightly send time, the business-day cut-off, and each day's state. */
export const sendTime = line().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: '发送时间格式应为 HH:MM，例如 04:30' });

export const upstreamSettingsView = z.object({
  enabled: z.boolean(),
  url: z.string(),
  terminalId: z.string(),
  sendTime,
  cutoffHour: z.number().int().min(0).max(23),
  hasSecret: z.boolean(),
  /**
   * How the stored secret (or, with none stored, the next one saved) is protected: the OS keychain (desktop app),
   * a key file on this PC (browser host; Linux without a keyring), or none (plain, from an earlier version)
   */
  secretProtection: z.enum(['keychain', 'keyFile', 'none']),
  /** why the stored secret cannot be read (a missing key file …) and what to do; null when it can */
  secretProblem: z.string().nullable(),
});
export type UpstreamSettingsView = z.infer<typeof upstreamSettingsView>;

export const upstreamSettingsInput = z.object({
  enabled: z.boolean(),
  url: line().trim().max(300),
  sendTime,
  cutoffHour: z.number().int().min(0).max(23),
  /** omitted: keep the stored secret */
  secret: line().min(16, { message: '密钥至少 16 个字符（向总部索取）' }).max(200).optional(),
});

export const upstreamDayView = z.object({
  businessDate: isoDate,
  status: z.enum(['pending', 'delivered', 'stopped']),
  attempts: z.number().int(),
  lastHttpStatus: z.number().int().nullable(),
  lastError: z.string().nullable(),
  nextAttemptAt: z.string().nullable(),
  deliveredAt: z.string().nullable(),
  duplicate: z.boolean(),
  clockSkewMs: z.number().int().nullable(),
});
export type UpstreamDayView = z.infer<typeof upstreamDayView>;

export const upstreamContract = {
  'upstream.settings.get': def({ input: empty, output: upstreamSettingsView, access: 'admin' }),
  'upstream.settings.save': def({ input: upstreamSettingsInput, output: upstreamSettingsView, access: 'admin' }),
  'upstream.sendNow': def({
    input: empty,
    output: z.object({ delivered: z.number().int(), pending: z.number().int(), stopped: z.number().int() }),
    access: 'supervisor',
  }),
  'upstream.history': def({ input: z.object({ limit: z.number().int().min(1).max(400).optional() }), output: z.array(upstreamDayView), access: 'supervisor' }),
};
