/**
 * Simple ports without a USB device: the in-memory fake for service tests, the keyboard-wedge port (the renderer
 * captures the reader's keystrokes and hands the number over IPC) and the port for "no reader".
 */
import { parseCardNumber, type CardFormat } from '@shared/card-number';
import {
  errorStatus,
  Listeners,
  stateStatus,
  type CardRead,
  type CardReaderErrorCode,
  type CardReaderPort,
  type CardReaderState,
  type CardReaderStatus,
  type RawReport,
  type Unsubscribe,
} from './port';

/** A port fed by hand: present(raw) parses in the configured format and emits a CardRead. */
class ManualCardReader implements CardReaderPort {
  protected readonly cards = new Listeners<CardRead>();
  protected readonly states = new Listeners<CardReaderStatus>();
  protected readonly reports = new Listeners<RawReport>();
  protected current: CardReaderStatus = stateStatus('disabled');

  constructor(
    readonly describe: string,
    protected format: CardFormat,
    private readonly startState: Exclude<CardReaderState, 'error'>,
    private readonly readyMessage?: string,
  ) {}

  start(): Promise<void> {
    this.setStatus({ ...stateStatus(this.startState), ...(this.startState === 'ready' && this.readyMessage && { message: this.readyMessage }) });
    return Promise.resolve();
  }

  stop(): Promise<void> {
    this.setStatus(stateStatus('disabled'));
    return Promise.resolve();
  }

  status(): CardReaderStatus {
    return { ...this.current };
  }

  onCard(l: (read: CardRead) => void): Unsubscribe {
    return this.cards.add(l);
  }

  onState(l: (status: CardReaderStatus) => void): Unsubscribe {
    return this.states.add(l);
  }

  onReport(l: (report: RawReport) => void): Unsubscribe {
    return this.reports.add(l);
  }

  /** A card number as the reader typed it. Returns the read (also emitted to onCard listeners). */
  present(raw: string): CardRead {
    const p = parseCardNumber(raw, this.format);
    const at = new Date();
    const read: CardRead = p.ok ? { ok: true, raw: raw.trim(), card: p.card, at } : { ok: false, raw: raw.trim(), code: p.code, message: p.message, at };
    this.cards.emit(read);
    return read;
  }

  protected setStatus(s: CardReaderStatus): void {
    const prev = this.current;
    this.current = s;
    if (prev.state !== s.state || prev.code !== s.code) this.states.emit({ ...s });
  }
}

/**
 * Keyboard-wedge fallback (Windows keyboard-mode readers, or a reader that can't be opened): the renderer's card
 * field captures the keystrokes and sends the finished number; submit() turns it into the same CardRead.
 */
export class KeyboardWedgeCardReader extends ManualCardReader {
  constructor(format: CardFormat) {
    super('键盘输入式读卡器', format, 'ready', '键盘输入方式：请先点一下卡号输入框，再刷卡');
  }

  submit(raw: string): CardRead {
    return this.present(raw);
  }
}

/** The port for { kind: 'none' }: always 'disabled'; nothing is ever read. */
export class NoCardReader extends ManualCardReader {
  constructor(format: CardFormat = 'auto') {
    super('未设置读卡器', format, 'disabled');
  }
}

/** In-memory reader for service and UI tests: present() a card, set any state. */
export class FakeCardReaderPort extends ManualCardReader {
  started = false;

  constructor(format: CardFormat = 'auto') {
    super('模拟读卡器', format, 'ready');
  }

  override start(): Promise<void> {
    this.started = true;
    return super.start();
  }

  override stop(): Promise<void> {
    this.started = false;
    return super.stop();
  }

  setFormat(format: CardFormat): void {
    this.format = format;
  }

  setState(state: Exclude<CardReaderState, 'error'>): void {
    this.setStatus(stateStatus(state));
  }

  setError(code: CardReaderErrorCode, detail?: string): void {
    this.setStatus(errorStatus(code, detail));
  }
}
