/**
 * The card reader as services see it: a port passed in through the constructor (with a fake beside it for tests).
 * The HID reader (hid-reader.ts), the keyboard-wedge port, the 'none' port and the fake all implement it.
 * A port turns presented cards into CardRead events and tells the status bar what state it is in; it never
 * throws into the service and never crashes on what the device sends.
 */
import type { CardNumber, CardParseErrorCode } from '@shared/card-number';

export type CardReaderState =
  /** switched off in settings, or stopped */
  | 'disabled'
  /** open and listening */
  | 'ready'
  /** never seen since start: no device with the configured vendor/product id */
  | 'not-found'
  /** was open, then went away; polling to reopen */
  | 'unplugged'
  /** can't be used right now; `code` says why, `message` what to do */
  | 'error';

export type CardReaderErrorCode = 'DRIVER_MISSING' | 'LIST_FAILED' | 'OPEN_FAILED' | 'READ_FAILED' | 'UNSUPPORTED';

/** What the receptionist reads in the status bar: what happened and what to do next. */
export const CARD_READER_ERROR_MESSAGES: Record<CardReaderErrorCode, string> = {
  DRIVER_MISSING: '读卡器组件无法加载：请联系技术支持重新安装本软件；现在可以手工输入卡号',
  LIST_FAILED: '无法查看 USB 设备：请重新插拔读卡器，仍不行请重启电脑；现在可以手工输入卡号',
  OPEN_FAILED: '无法打开读卡器（没有权限或被其他程序占用）：请管理员安装读卡器的 udev 规则（见「设置 → 读卡器 → 诊断」）后重新插拔；现在可以手工输入卡号',
  READ_FAILED: '读卡中断：读卡器连接出错，正在重新连接；刚才那张卡请重新刷',
  UNSUPPORTED: '这台电脑上无法独占打开键盘式读卡器：请在「设置 → 读卡器」把「连接方式」改为「键盘输入式（Windows 或无法独占打开时）」',
};

export const CARD_READER_STATE_MESSAGES: Record<Exclude<CardReaderState, 'error'>, string> = {
  disabled: '未启用读卡器：可在「设置 → 读卡器」中选择读卡器；现在可以手工输入卡号',
  ready: '读卡器就绪：请刷卡',
  'not-found': '未找到读卡器：请插好读卡器的 USB 线；已插好仍如此，请在「设置 → 读卡器 → 诊断」核对设备',
  unplugged: '读卡器已拔出：请插回 USB 口，插回后自动恢复',
};

export interface CardReaderStatus {
  state: CardReaderState;
  /** set when state is 'error' */
  code?: CardReaderErrorCode;
  /** one line in Chinese for the status bar, with the next step */
  message: string;
  /** technical detail for the log (hidapi's message, vid:pid); never the main message */
  detail?: string;
}

/** One card presented to the reader (or typed into the wedge field). */
export type CardRead =
  | { ok: true; raw: string; card: CardNumber; at: Date }
  /** the reader sent something that isn't a card number in the configured format */
  | { ok: false; raw: string; code: CardParseErrorCode; message: string; at: Date };

/** One report as the device sent it, for the diagnostics recorder. */
export interface RawReport {
  bytes: Uint8Array;
  /** ms since the port started (monotonic) */
  at: number;
}

export type Unsubscribe = () => void;

export interface CardReaderPort {
  /** Opens the reader (or starts looking for it). Idempotent. Never rejects: problems become states. */
  start(): Promise<void>;
  /** Closes the reader and stops looking; state 'disabled'. */
  stop(): Promise<void>;
  status(): CardReaderStatus;
  onCard(listener: (read: CardRead) => void): Unsubscribe;
  /** called on every change of state or error code (not repeated while nothing changes) */
  onState(listener: (status: CardReaderStatus) => void): Unsubscribe;
  /** every raw report received, for "record raw reports" in diagnostics */
  onReport(listener: (report: RawReport) => void): Unsubscribe;
  /** For logs and the settings screen, e.g. "USB 读卡器 0ffe:0001". No personal data. */
  readonly describe: string;
}

export class CardReaderError extends Error {
  readonly code: CardReaderErrorCode;
  readonly detail: string;
  constructor(code: CardReaderErrorCode, detail = '', message = CARD_READER_ERROR_MESSAGES[code]) {
    super(message);
    this.name = 'CardReaderError';
    this.code = code;
    this.detail = detail;
  }
}

export function isCardReaderError(e: unknown): e is CardReaderError {
  return e instanceof CardReaderError;
}

export function stateStatus(state: Exclude<CardReaderState, 'error'>, detail?: string): CardReaderStatus {
  return { state, message: CARD_READER_STATE_MESSAGES[state], ...(detail !== undefined && { detail }) };
}

export function errorStatus(code: CardReaderErrorCode, detail?: string, message = CARD_READER_ERROR_MESSAGES[code]): CardReaderStatus {
  return { state: 'error', code, message, ...(detail !== undefined && { detail }) };
}

/** A small listener list: a listener that throws is reported to `onError` and never breaks the device loop. */
export class Listeners<T> {
  private readonly list = new Set<(v: T) => void>();
  constructor(private readonly onError: (e: unknown) => void = () => undefined) {}
  add(l: (v: T) => void): Unsubscribe {
    this.list.add(l);
    return () => {
      this.list.delete(l);
    };
  }
  emit(v: T): void {
    for (const l of [...this.list]) {
      try {
        l(v);
      } catch (e) {
        this.onError(e);
      }
    }
  }
  get size(): number {
    return this.list.size;
  }
}
