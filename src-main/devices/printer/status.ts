/**
 * Real-time status (ESC/POS `DLE EOT n`): the queries and a pure decoder of the one-byte replies.
 * Bits per the Epson/Bixolon/HPRT command references : every reply has bits 1 and 4 set and
 * bits 0 and 7 clear, so `0x12` is "all normal" for each n.
 *   n=1 printer status:  bit 3 offline
 *   n=2 offline cause:   bit 2 cover open, bit 5 stopped at paper end, bit 6 error occurred
 *   n=4 paper sensors:   bits 2–3 roll near end, bits 5–6 roll end
 */
import { PrinterError, type PrinterStatus } from './port';

export const STATUS_QUERY_NS = [1, 2, 4] as const;
export type StatusQueryN = (typeof STATUS_QUERY_NS)[number];

export function statusQuery(n: StatusQueryN): Uint8Array {
  return Uint8Array.of(0x10, 0x04, n);
}

/** A byte that can be a DLE EOT reply (fixed bits); anything else is noise, e.g. a stray `GS r` answer. */
export function isStatusReply(b: number): boolean {
  return Number.isInteger(b) && b >= 0 && b <= 0xff && (b & 0x93) === 0x12;
}

/** The replies read, by n; a missing one was not answered in time. */
export type StatusReplies = Partial<Record<`n${StatusQueryN}`, number>>;

export const STATUS_DETAIL = {
  ok: '打印机正常',
  nearEnd: '纸卷快用完了，请准备新纸卷',
  offline: '打印机离线：请检查缺纸、上盖和错误指示灯，或按一下进纸键',
  coverOpen: '打印机上盖未关好：请合上盖子',
  paperOut: '打印机缺纸：请装纸',
  error: '打印机报告错误（如切刀卡纸）：请处理后关机重启打印机',
  noReply: '打印机没有回应状态查询：可以试打一张测试页确认',
  badReply: '打印机的状态回复无法识别（可能不是 ESC/POS 打印机）：可以试打一张测试页确认',
} as const;

const bit = (b: number | undefined, mask: number): boolean => b !== undefined && (b & mask) !== 0;

export function decodeStatus(replies: StatusReplies): PrinterStatus {
  const values = [replies.n1, replies.n2, replies.n4].filter((b): b is number => b !== undefined);
  if (values.length === 0) return { state: 'unknown', paperNearEnd: false, detail: STATUS_DETAIL.noReply };
  const bad = values.find((b) => !isStatusReply(b));
  if (bad !== undefined) {
    const hex = bad.toString(16).padStart(2, '0');
    return { state: 'unknown', paperNearEnd: false, detail: `${STATUS_DETAIL.badReply}（0x${hex}）` };
  }
  const { n1, n2, n4 } = replies;
  const paperNearEnd = bit(n4, 0x0c);
  const nearEnd = paperNearEnd ? `；${STATUS_DETAIL.nearEnd}` : '';
  if (bit(n2, 0x04)) return { state: 'cover-open', paperNearEnd, detail: STATUS_DETAIL.coverOpen };
  if (bit(n2, 0x20) || bit(n4, 0x60)) return { state: 'paper-out', paperNearEnd, detail: STATUS_DETAIL.paperOut };
  if (bit(n2, 0x40)) return { state: 'error', paperNearEnd, detail: STATUS_DETAIL.error };
  if (bit(n1, 0x08)) return { state: 'offline', paperNearEnd, detail: STATUS_DETAIL.offline };
  return { state: 'ok', paperNearEnd, detail: STATUS_DETAIL.ok + nearEnd };
}

/** The error print() raises for a status that must not receive a job; null when printing may go ahead. */
export function errorForStatus(s: PrinterStatus): PrinterError | null {
  switch (s.state) {
    case 'ok':
    case 'unknown':
      return null;
    case 'paper-out':
      return new PrinterError('PAPER_OUT', s.detail);
    case 'cover-open':
      return new PrinterError('COVER_OPEN', s.detail);
    case 'offline':
      return new PrinterError('OFFLINE', s.detail);
    case 'error':
      return new PrinterError('PRINTER_FAULT', s.detail);
    case 'not-configured':
      return new PrinterError('NOT_CONFIGURED', s.detail);
  }
}
