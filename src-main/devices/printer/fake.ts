/**
 * In-memory printer for service tests: records what was printed, reports a status you set, and can be told to
 * fail the next N jobs (with PAPER_OUT, OFFLINE, …) to exercise the print queue's retries.
 */
import { PrinterError, type PrinterErrorCode, type PrinterPort, type PrinterStatus } from './port';
import { STATUS_DETAIL, errorForStatus } from './status';
import { drawerKickBytes } from './commands';

export class FakePrinterPort implements PrinterPort {
  readonly describe = '模拟打印机';
  /** every job that "came out of the printer", in order (copies of the bytes) */
  readonly printed: Uint8Array[] = [];
  drawerKicks = 0;
  /** every attempt, including refused ones */
  attempts = 0;
  closed = false;
  private current: PrinterStatus = { state: 'ok', paperNearEnd: false, detail: STATUS_DETAIL.ok };
  private failures: PrinterErrorCode[] = [];

  constructor(status?: Partial<PrinterStatus>) {
    if (status) this.setStatus(status);
  }

  setStatus(s: Partial<PrinterStatus>): void {
    this.current = { ...this.current, ...s };
  }

  /** The next `n` print()/kickDrawer() calls reject with `code` (the status is left alone). */
  failNext(n: number, code: PrinterErrorCode = 'OFFLINE'): void {
    for (let i = 0; i < n; i++) this.failures.push(code);
  }

  status(): Promise<PrinterStatus> {
    return Promise.resolve({ ...this.current });
  }

  print(bytes: Uint8Array): Promise<void> {
    return this.job(() => this.printed.push(Uint8Array.from(bytes)));
  }

  kickDrawer(): Promise<void> {
    return this.job(() => {
      this.drawerKicks++;
      this.printed.push(drawerKickBytes());
    });
  }

  close(): Promise<void> {
    this.closed = true;
    return Promise.resolve();
  }

  /** Printed documents, drawer pulses left out. */
  get documents(): Uint8Array[] {
    const kick = Buffer.from(drawerKickBytes());
    return this.printed.filter((b) => !Buffer.from(b).equals(kick));
  }

  private job(effect: () => void): Promise<void> {
    this.attempts++;
    if (this.closed) return Promise.reject(new PrinterError('IO', 'port closed'));
    const code = this.failures.shift();
    if (code) return Promise.reject(new PrinterError(code, 'fake failure'));
    const refuse = errorForStatus(this.current);
    if (refuse) return Promise.reject(refuse);
    effect();
    return Promise.resolve();
  }
}
