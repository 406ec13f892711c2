/**
 * What the crash-test child and parent say to each other: one JSON object per line on the child's stdout.
 * The child writes a line only after the thing it reports has happened (an `ack` only after the dispatch
 * returned ok), and stdout to a pipe is written synchronously on Linux, so a line the parent reads is a
 * fact about the store even if SIGKILL arrives right after it.
 */

export const TERMINAL = 'T01';
export const ADMIN = { username: 'admin', displayName: '王经理', password: 'admin-pass-1' } as const;
export const SUPERVISOR = { username: 'zhao', displayName: '赵主管', password: 'zhao-pass-123' } as const;
export const ROOM_CODE = '3-2-501';
export const PRINTER_FILE = 'printer.bin';
export const CLIENT_ID = 'crash:child';
/** Cheap scrypt: the child logs in on every start. */
export const CRASH_COST = { ln: 10, r: 8, p: 1 } as const;
export const FLOAT_500 = { '10000': 3, '5000': 2, '1000': 8, '100': 20 };

export type Phase = 'loaded' | 'open-start' | 'open-done' | 'setup' | 'ready';

/** The one request that may be in flight when the child dies; the next child re-sends it first. */
export type Pending = { op: 'collect'; n: number; req: string } | { op: 'void'; n: number; orig: number; origNo: string };

export type ChildMessage =
  | { t: 'phase'; p: Phase; recovery?: string[] }
  | ({ t: 'attempt'; resend: boolean } & Pending)
  | { t: 'ack'; op: 'collect'; n: number; req: string; id: number; no: string; total: number; resend: boolean }
  | { t: 'ack'; op: 'void'; n: number; orig: number; origNo: string; id: number; no: string; total: number; resend: boolean; existing: boolean }
  | { t: 'fatal'; message: string };

export const requestId = (tag: string, n: number): string => `crash-${tag}-${String(n).padStart(7, '0')}`;

/** FNV-1a, then a small PRNG: a request's content is a pure function of its id, so a re-send is the same request. */
export function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const ITEM_CODES = ['WYF', 'TCF', 'BK', 'FY', 'ZXYJ', 'SF'] as const;
export type ItemCode = (typeof ITEM_CODES)[number];

export interface LineSpec {
  code: ItemCode;
  quantity?: number;
  months?: number;
  from?: string;
  amountFen?: number;
}

export type PaymentPlan =
  { kind: 'cash'; roundUp: boolean } | { kind: 'wechat' | 'alipay' | 'card'; reference: string } | { kind: 'split'; cashShare: number; reference: string };

export interface CollectSpec {
  withRoom: boolean;
  payer: string | undefined;
  lines: LineSpec[];
  payment: PaymentPlan;
}

const PAYERS = ['曾国藩', '欧阳娜娜', '李雷', '韩梅梅', undefined, undefined];

/** The content of collect request `req` (room, lines, how it is paid). */
export function collectSpec(req: string): CollectSpec {
  const rnd = mulberry32(hashString(req));
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T;
  const shuffled: ItemCode[] = [...ITEM_CODES];
  for (let i = shuffled.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [shuffled[i], shuffled[j]] = [shuffled[j] as ItemCode, shuffled[i] as ItemCode];
  }
  const codes = shuffled.slice(0, 1 + Math.floor(rnd() * 4));
  const lines = codes.map((code): LineSpec => {
    switch (code) {
      case 'WYF':
        return { code, months: 1 + Math.floor(rnd() * 12), from: `2026-${String(1 + Math.floor(rnd() * 12)).padStart(2, '0')}` };
      case 'TCF':
        return { code, months: 1 + Math.floor(rnd() * 6), from: '2026-11' };
      case 'BK':
        return { code, quantity: 1 + Math.floor(rnd() * 2) };
      case 'FY':
        return { code, quantity: 1 + Math.floor(rnd() * 20) };
      case 'ZXYJ':
        return { code, quantity: 1 };
      case 'SF':
        return { code, amountFen: 100 + Math.floor(rnd() * 50_000) };
    }
  });
  const withRoom = codes.includes('WYF') || rnd() < 0.5;
  const digits = (k: number) => Array.from({ length: k }, () => Math.floor(rnd() * 10)).join('');
  const r = rnd();
  const payment: PaymentPlan =
    r < 0.4
      ? { kind: 'cash', roundUp: rnd() < 0.8 }
      : r < 0.6
        ? { kind: 'wechat', reference: `42${digits(16)}` }
        : r < 0.7
          ? { kind: 'alipay', reference: `2026${digits(20)}` }
          : r < 0.75
            ? { kind: 'card', reference: digits(6) }
            : { kind: 'split', cashShare: 0.1 + rnd() * 0.8, reference: digits(6) };
  return { withRoom, payer: pick(PAYERS), lines, payment };
}

export interface PaymentInputLike {
  method: 'cash' | 'wechat' | 'alipay' | 'card';
  amountFen: number;
  receivedFen?: number;
  reference?: string;
}

/** Payments for a quoted total: cash rounded up to the next ￥100 note (change), a reference for the others, or cash + card. */
export function paymentsFor(plan: PaymentPlan, totalFen: number): PaymentInputLike[] {
  switch (plan.kind) {
    case 'cash':
      return [{ method: 'cash', amountFen: totalFen, receivedFen: plan.roundUp ? Math.ceil(totalFen / 10000) * 10000 : totalFen }];
    case 'split': {
      const cash = Math.floor(totalFen * plan.cashShare);
      if (cash < 1 || cash >= totalFen) return [{ method: 'card', amountFen: totalFen, reference: plan.reference }];
      return [
        { method: 'cash', amountFen: cash, receivedFen: Math.ceil(cash / 1000) * 1000 },
        { method: 'card', amountFen: totalFen - cash, reference: plan.reference },
      ];
    }
    default:
      return [{ method: plan.kind, amountFen: totalFen, reference: plan.reference }];
  }
}
