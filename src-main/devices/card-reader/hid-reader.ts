/**
 * A USB card reader in keyboard mode, opened through node-hid (or anything with its shape: HidBackend).
 *
 * States: start() → 'ready' when the device with the configured vendor/product id opens, 'not-found' when it
 * isn't there (then it looks again every pollMs), 'error' when it can't be opened (permissions, busy) or node-hid
 * can't load. When the open device fails (unplugged: hidapi reports a read error) the partial number is dropped,
 * the state goes to 'error' (READ_FAILED), then to 'unplugged' if the device is gone from the list, and the
 * reader is looked for every pollMs until it is back, opened and 'ready' again. Nothing the device sends can
 * throw out of here: wrong-length reports are ignored, listener exceptions are caught.
 */
import { parseCardNumber, type CardFormat } from '@shared/card-number';
import { isKeyboardUsage, usbIdText, type HidBackend, type HidDevice, type HidDeviceInfo } from './hid';
import { KeyboardReportDecoder } from './keyboard';
import {
  CardReaderError,
  errorStatus,
  Listeners,
  stateStatus,
  type CardRead,
  type CardReaderPort,
  type CardReaderStatus,
  type RawReport,
  type Unsubscribe,
} from './port';

export interface HidCardReaderOptions {
  vendorId: number;
  productId: number;
  /** USB interface number, when the reader has more than one */
  interface?: number;
  format: CardFormat;
  /** the HID backend, or a function that loads it on the first start() (node-hid: () => loadNodeHid()) */
  backend: HidBackend | (() => HidBackend);
  /** how often to look for a missing reader; default 1000 ms */
  pollMs?: number;
  /** see KeyboardDecoderOptions.maxGapMs; default 500 ms */
  maxGapMs?: number;
  /** default process.platform; on Windows a keyboard-usage device is not opened (Windows won't give it up) */
  platform?: NodeJS.Platform;
  /** monotonic ms; default performance.now() */
  now?: () => number;
  /** log lines (state changes, errors); card numbers and names are never logged */
  log?: (line: string) => void;
}

export class HidCardReader implements CardReaderPort {
  readonly describe: string;
  private readonly o: Required<Omit<HidCardReaderOptions, 'interface' | 'log' | 'backend'>> & Pick<HidCardReaderOptions, 'interface'>;
  private readonly log: (line: string) => void;
  private readonly cards: Listeners<CardRead>;
  private readonly states: Listeners<CardReaderStatus>;
  private readonly reports: Listeners<RawReport>;
  private readonly decoder: KeyboardReportDecoder;
  private backendSource: HidBackend | (() => HidBackend);
  private backend: HidBackend | undefined;
  private device: HidDevice | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private running = false;
  /** set once the device has been open since start(): a later absence is 'unplugged', not 'not-found' */
  private seen = false;
  private current: CardReaderStatus = stateStatus('disabled');

  constructor(opts: HidCardReaderOptions) {
    this.o = {
      pollMs: 1000,
      maxGapMs: 500,
      platform: process.platform,
      now: () => performance.now(),
      ...opts,
    };
    this.backendSource = opts.backend;
    this.log = opts.log ?? (() => undefined);
    const onListenerError = (e: unknown): void => this.log(`card reader listener threw: ${String(e)}`);
    this.cards = new Listeners(onListenerError);
    this.states = new Listeners(onListenerError);
    this.reports = new Listeners(onListenerError);
    this.decoder = new KeyboardReportDecoder({ maxGapMs: this.o.maxGapMs });
    this.describe = `USB 读卡器 ${usbIdText(opts.vendorId, opts.productId)}`;
  }

  start(): Promise<void> {
    if (!this.running) {
      this.running = true;
      this.seen = false;
      this.attempt();
    }
    return Promise.resolve();
  }

  stop(): Promise<void> {
    this.running = false;
    this.clearTimer();
    this.closeDevice();
    this.decoder.reset();
    this.setStatus(stateStatus('disabled'));
    return Promise.resolve();
  }

  status(): CardReaderStatus {
    return { ...this.current };
  }

  onCard(listener: (read: CardRead) => void): Unsubscribe {
    return this.cards.add(listener);
  }

  onState(listener: (status: CardReaderStatus) => void): Unsubscribe {
    return this.states.add(listener);
  }

  onReport(listener: (report: RawReport) => void): Unsubscribe {
    return this.reports.add(listener);
  }

  /** Counters for the diagnostics screen. */
  get stats(): { ignoredReports: number; droppedPartials: number } {
    return { ignoredReports: this.decoder.ignoredReports, droppedPartials: this.decoder.droppedPartials };
  }

  /** One try to find and open the reader; on failure the next try is scheduled (unless retrying can't help). */
  private attempt(): void {
    this.timer = undefined;
    if (!this.running) return;
    const backend = this.loadBackend();
    if (!backend) return; // DRIVER_MISSING: polling can't fix it
    let info: HidDeviceInfo | undefined;
    try {
      info = this.pick(backend.devices());
    } catch (e) {
      this.setStatus(errorStatus('LIST_FAILED', errText(e)));
      return this.schedule();
    }
    if (!info) {
      this.setStatus(stateStatus(this.seen ? 'unplugged' : 'not-found', usbIdText(this.o.vendorId, this.o.productId)));
      return this.schedule();
    }
    if (this.o.platform === 'win32' && isKeyboardUsage(info)) {
      this.setStatus(errorStatus('UNSUPPORTED', 'win32 keyboard-usage device'));
      return;
    }
    if (!info.path) {
      this.setStatus(errorStatus('OPEN_FAILED', 'device has no path'));
      return this.schedule();
    }
    let device: HidDevice;
    try {
      device = backend.open(info.path);
    } catch (e) {
      // Windows keeps keyboards to itself (and hidapi may not report the usage): retrying can't help there
      if (this.o.platform === 'win32') return this.setStatus(errorStatus('UNSUPPORTED', errText(e)));
      this.setStatus(errorStatus('OPEN_FAILED', errText(e)));
      return this.schedule();
    }
    this.device = device;
    this.seen = true;
    this.decoder.reset();
    device.on('data', (data: Buffer) => {
      if (this.device === device) this.onData(data);
    });
    device.on('error', (err: unknown) => {
      if (this.device === device) this.onDeviceError(err);
    });
    this.setStatus(stateStatus('ready', `${backend.driver} ${usbIdText(info.vendorId, info.productId)} if${info.interface}`));
  }

  private loadBackend(): HidBackend | undefined {
    if (this.backend) return this.backend;
    const src = this.backendSource;
    try {
      this.backend = typeof src === 'function' ? src() : src;
      return this.backend;
    } catch (e) {
      const err = e instanceof CardReaderError ? e : new CardReaderError('DRIVER_MISSING', errText(e));
      this.setStatus(errorStatus(err.code, err.detail));
      return undefined;
    }
  }

  /**
   * The configured reader among the listed devices; the keyboard interface first where there are several.
   * (hidapi's libusb build does not report usage pages — they read 0 — so on Linux a composite reader needs its
   * interface number in the settings; keyboard-mode readers usually have one interface.)
   */
  private pick(list: HidDeviceInfo[]): HidDeviceInfo | undefined {
    const matching = list.filter(
      (d) => d.vendorId === this.o.vendorId && d.productId === this.o.productId && (this.o.interface === undefined || d.interface === this.o.interface),
    );
    return matching.find((d) => isKeyboardUsage(d)) ?? matching[0];
  }

  private onData(data: Buffer | Uint8Array | readonly number[]): void {
    const bytes = Uint8Array.from(data);
    const at = this.o.now();
    this.reports.emit({ bytes, at });
    const { cards } = this.decoder.push(bytes, at);
    for (const raw of cards) {
      const parsed = parseCardNumber(raw, this.o.format);
      const when = new Date();
      this.cards.emit(parsed.ok ? { ok: true, raw, card: parsed.card, at: when } : { ok: false, raw, code: parsed.code, message: parsed.message, at: when });
    }
  }

  private onDeviceError(err: unknown): void {
    this.closeDevice();
    const dropped = this.decoder.reset();
    const detail = `${errText(err)}${dropped ? ` (dropped a partial number of ${dropped.length} characters)` : ''}`;
    this.setStatus(errorStatus('READ_FAILED', detail));
    if (!this.running) return;
    // gone from the list → 'unplugged' now, not at the next poll; still listed → try to reopen at the next poll
    try {
      if (this.backend && !this.pick(this.backend.devices())) this.setStatus(stateStatus('unplugged', usbIdText(this.o.vendorId, this.o.productId)));
    } catch {
      // the next attempt reports it
    }
    this.schedule();
  }

  private closeDevice(): void {
    const d = this.device;
    this.device = undefined;
    if (!d) return;
    try {
      d.close();
    } catch {
      // already closed by the failure that brought us here
    }
  }

  private schedule(): void {
    if (!this.running || this.timer) return;
    this.timer = setTimeout(() => this.attempt(), this.o.pollMs);
    this.timer.unref?.();
  }

  private clearTimer(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }

  private setStatus(s: CardReaderStatus): void {
    const prev = this.current;
    this.current = s;
    if (prev.state === s.state && prev.code === s.code) return;
    this.log(
      `card reader ${this.describe}: ${prev.state}${prev.code ? `/${prev.code}` : ''} → ${s.state}${s.code ? `/${s.code}` : ''}${s.detail ? ` (${s.detail})` : ''}`,
    );
    this.states.emit({ ...s });
  }
}

function errText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
