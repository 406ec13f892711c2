import { z } from 'zod';
import { contract, DEFAULT_MAX_BYTES, type Channel, type Output, type ParsedInput, type Result } from '../contract/index';
import { AppError, isAppError } from '../lib/errors';
import type { Logger } from '../lib/log';
import type { SessionOperator, SessionStore } from '../features/operators/sessions';

z.config(z.locales.zhCN());

export interface CallContext {
  /** Which client is calling: an Electron window (`wc:<id>`) or the browser host (`host:<token>`). */
  clientId: string;
  /** Set for channels that need a signed-in operator. */
  operator: SessionOperator | null;
}

export type Handlers = {
  [C in Channel]: (input: ParsedInput<C>, ctx: CallContext) => Output<C> | Promise<Output<C>>;
};

export interface Dispatcher {
  (channel: unknown, payload: unknown, meta: { clientId: string; payloadBytes?: number }): Promise<Result<unknown>>;
}

const FIELD_ZH: Record<string, string> = {
  username: '用户名',
  password: '密码',
  newPassword: '新密码',
  oldPassword: '原密码',
  displayName: '姓名',
  propertyName: '物业名称',
  terminalId: '终端编号',
  reason: '原因',
  q: '搜索内容',
  code: '编号',
  name: '名称',
  role: '角色',
};

export function describeZodError(err: z.ZodError): string {
  const first = err.issues[0];
  if (!first) return '输入无效。';
  const key = [...first.path].reverse().find((p) => typeof p === 'string') as string | undefined;
  const label = key ? (FIELD_ZH[key] ?? key) : '';
  return label ? `${label}：${first.message}` : first.message;
}

function measure(payload: unknown): number {
  if (payload === undefined) return 0;
  try {
    return Buffer.byteLength(JSON.stringify(payload) ?? '', 'utf8');
  } catch {
    return Number.POSITIVE_INFINITY;
  }
}

/**
 * The one entry point from any transport: checks the channel is declared, the payload is not too large,
 * the input parses, the caller may use it; runs the handler; returns a value or an error with a code.
 * Nothing thrown crosses the boundary.
 */
export function createDispatcher(handlers: Handlers, sessions: SessionStore, log: Logger, guard?: (channel: Channel) => void): Dispatcher {
  return async (channel, payload, meta) => {
    try {
      if (typeof channel !== 'string' || !Object.prototype.hasOwnProperty.call(contract, channel)) {
        throw new AppError('UNKNOWN_CHANNEL', '未知的操作：请更新程序或重新打开窗口。');
      }
      const ch = channel as Channel;
      const def = contract[ch];
      const limit = def.maxBytes ?? DEFAULT_MAX_BYTES;
      const bytes = meta.payloadBytes ?? measure(payload);
      if (bytes > limit) {
        throw new AppError('PAYLOAD_TOO_LARGE', `提交的数据太大（${Math.ceil(bytes / 1024)} KB，上限 ${Math.floor(limit / 1024)} KB）：请缩小文件或分批处理。`);
      }
      const parsed = def.input.safeParse(payload ?? {});
      if (!parsed.success) throw new AppError('BAD_INPUT', `输入无效 — ${describeZodError(parsed.error)}`);
      const operator = def.access === 'public' ? null : sessions.require(meta.clientId, def.access);
      // the app-wide gate (read-only while the store needs attention), after the caller is known
      guard?.(ch);
      const handler = handlers[ch] as (i: unknown, c: CallContext) => unknown;
      const value = await handler(parsed.data, { clientId: meta.clientId, operator });
      const out = def.output.safeParse(value);
      if (!out.success) {
        log.error(`output of ${ch} does not match the contract: ${describeZodError(out.error)}`);
        throw new AppError('INTERNAL', '程序内部错误（返回数据不符合约定）：请重试；如果反复出现，请联系管理员。');
      }
      return { ok: true, value: out.data };
    } catch (e) {
      if (isAppError(e)) {
        return { ok: false, error: { code: e.code, message: e.message, ...(e.params ? { params: e.params } : {}) } };
      }
      log.error(`channel ${String(channel)} failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
      return { ok: false, error: { code: 'INTERNAL', message: '程序内部错误：操作没有完成，数据未改动。请重试；如果反复出现，请联系管理员并提供日志。' } };
    }
  };
}
