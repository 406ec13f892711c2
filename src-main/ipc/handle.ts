import { contract, DEFAULT_MAX_BYTES, type Channel, type Output, type ParsedInput, type Result } from '@shared/contract';
import { AppError, isAppError } from '../lib/errors';
import type { Logger } from '../lib/log';
import type { SessionOperator, SessionStore } from '../features/operators/sessions';
import { badInput, describeZodError } from './bad-input';

export interface CallContext {
  /** Which client is calling: an Electron window (`wc:<id>`) or the browser host (`host:<token>`). */
  clientId: string;
  /** Set for channels that need a signed-in operator. */
  operator: SessionOperator | null;
}

/** One channel's handler: the parsed input and the caller in, the service's answer out. */
export type Handler<C extends Channel> = (input: ParsedInput<C>, ctx: CallContext) => Output<C> | Promise<Output<C>>;

/** A handler for every channel of the contract. */
export type Handlers = { [C in Channel]: Handler<C> };

/**
 * The handlers of one contract area (`typeof feesContract`): exactly its channels. A feature's `<feature>.handlers.ts`
 * returns one; a channel added to the area does not compile until its feature handles it.
 */
export type HandlersOf<Area> = { [C in keyof Area & Channel]: Handler<C> };

/** The answer of a channel that only confirms. */
export const done = { done: true } as const;

/** The signed-in operator making the call (the dispatcher has checked the session for every non-public channel). */
export function actor(ctx: CallContext): SessionOperator {
  if (!ctx.operator) throw new AppError('NOT_SIGNED_IN', '请先登录。');
  return ctx.operator;
}

export interface Dispatcher {
  (channel: unknown, payload: unknown, meta: { clientId: string; payloadBytes?: number }): Promise<Result<unknown>>;
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
 * the caller may use it, the input parses; runs the handler; returns a value or an error with a code.
 * Nothing thrown crosses the boundary. `handlers` gives the current map (the store's, or the recovery map while
 * there is no store), read at each call.
 */
export function createDispatcher(handlers: () => Handlers, sessions: SessionStore, log: Logger, guard?: (channel: Channel) => void): Dispatcher {
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
      // who may call comes before what they sent: a caller without the session or role learns nothing of the input's shape
      const operator = def.access === 'public' ? null : sessions.require(meta.clientId, def.access);
      // the app-wide gate (read-only while the store needs attention), after the caller is known
      guard?.(ch);
      const parsed = def.input.safeParse(payload ?? {});
      if (!parsed.success) throw badInput(parsed.error);
      const handler = handlers()[ch] as (i: unknown, c: CallContext) => unknown;
      const value = await handler(parsed.data, { clientId: meta.clientId, operator });
      const out = def.output.safeParse(value);
      if (!out.success) {
        log.error(`output of ${ch} does not match the contract: ${describeZodError(out.error).field ?? ''} ${out.error.issues[0]?.message ?? ''}`);
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
