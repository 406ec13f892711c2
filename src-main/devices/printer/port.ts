/**
 * The receipt printer as services see it: a port passed in through the constructor (with a fake beside it for tests).
 * Transports (tcp.ts, device-file.ts, serial.ts), the fake (fake.ts) and the 'none' port all implement it.
 * Nothing here knows about receipts: a port moves bytes and reports status.
 */

export type PrinterState =
  | 'ok'
  | 'offline'
  | 'cover-open'
  | 'paper-out'
  | 'error'
  /** the status can't be read: the transport can't read back, or the printer did not answer DLE EOT */
  | 'unknown'
  | 'not-configured';

export interface PrinterStatus {
  state: PrinterState;
  /** paper roll near its end (sensor), independent of state */
  paperNearEnd: boolean;
  /** one line in Chinese for the status bar, with the next step where there is one */
  detail: string;
}

export interface PrinterPort {
  /** Never throws and never hangs: a printer that can't be reached reports 'offline', 'error' or 'unknown'. */
  status(): Promise<PrinterStatus>;
  /**
   * Sends one document. Where the transport can read status, it is checked first and nothing is sent to a
   * printer that is offline, out of paper or open (it would buffer the job and print it later, after the
   * service has already retried it). Rejects with PrinterError only.
   */
  print(bytes: Uint8Array): Promise<void>;
  /** Sends the drawer pulse (ESC p 0 25 250); same checks and errors as print(). */
  kickDrawer(): Promise<void>;
  /** Releases whatever the port holds; later calls reject with IO. */
  close(): Promise<void>;
  /** For logs and the settings screen, e.g. "TCP 192.168.1.50:9100". No personal data. */
  readonly describe: string;
}

export type PrinterErrorCode = 'NOT_CONFIGURED' | 'OFFLINE' | 'PAPER_OUT' | 'COVER_OPEN' | 'PRINTER_FAULT' | 'TIMEOUT' | 'IO';

/** What the receptionist reads: what happened and what to do next (「重新打印」 is the retry button). */
export const PRINTER_ERROR_MESSAGES: Record<PrinterErrorCode, string> = {
  NOT_CONFIGURED: '未设置打印机：请在「设置 → 打印机」中选择打印机，或先用屏幕预览',
  OFFLINE: '打印机未连接：请检查打印机电源和连线后点「重新打印」',
  PAPER_OUT: '打印机缺纸：请装纸后点「重新打印」',
  COVER_OPEN: '打印机上盖未关好：请合上盖子后点「重新打印」',
  PRINTER_FAULT: '打印机故障（如切刀卡纸）：请处理后关机重启打印机，再点「重新打印」',
  TIMEOUT: '打印机无响应：请检查打印机是否开机、网线或数据线是否松动，然后点「重新打印」',
  IO: '发送到打印机失败：请检查连线后点「重新打印」',
};

export class PrinterError extends Error {
  readonly code: PrinterErrorCode;
  /** Whether a later retry may succeed without changing settings (every code but NOT_CONFIGURED). */
  readonly retryable: boolean;
  /** Technical detail for the log (errno, address); never shown as the main message. */
  readonly detail: string;
  constructor(code: PrinterErrorCode, detail = '', message = PRINTER_ERROR_MESSAGES[code]) {
    super(message);
    this.name = 'PrinterError';
    this.code = code;
    this.retryable = code !== 'NOT_CONFIGURED';
    this.detail = detail;
  }
}

export function isPrinterError(e: unknown): e is PrinterError {
  return e instanceof PrinterError;
}

/** The status a printer with this error is in, for the status bar after a failed print. */
export function statusForError(e: PrinterError): PrinterStatus {
  const state: PrinterState =
    e.code === 'PAPER_OUT'
      ? 'paper-out'
      : e.code === 'COVER_OPEN'
        ? 'cover-open'
        : e.code === 'OFFLINE'
          ? 'offline'
          : e.code === 'NOT_CONFIGURED'
            ? 'not-configured'
            : 'error';
  return { state, paperNearEnd: false, detail: e.message };
}

/** The port for { kind: 'none' }: status 'not-configured', every print rejects with NOT_CONFIGURED. */
export function notConfiguredPort(): PrinterPort {
  const fail = (): Promise<void> => Promise.reject(new PrinterError('NOT_CONFIGURED'));
  return {
    describe: '未设置打印机',
    status: () => Promise.resolve({ state: 'not-configured', paperNearEnd: false, detail: PRINTER_ERROR_MESSAGES.NOT_CONFIGURED }),
    print: fail,
    kickDrawer: fail,
    close: () => Promise.resolve(),
  };
}
