/**
 * For the diagnostics screen and support: which HID devices this machine sees, a recorder of raw reports (saved
 * in the recording format the tests replay), and the udev rule an administrator installs so the reader can be
 * opened without root. Device names and serial numbers are the hardware's, never a person's.
 */
import { isKeyboardUsage, usbIdText, type HidBackend, type HidDriver } from './hid';
import { decodeReports } from './keyboard';
import { CardReaderError, CARD_READER_ERROR_MESSAGES, type CardReaderPort, type RawReport, type Unsubscribe } from './port';
import { formatRecording, type RecordedEvent } from './recording';

export interface HidDeviceSummary {
  /** "0ffe:0001" */
  id: string;
  vendorId: number;
  productId: number;
  /** "0ffe" — what the settings form takes */
  vendorHex: string;
  productHex: string;
  manufacturer: string;
  product: string;
  interface: number;
  /** null where the driver does not report it (libusb on Linux) */
  usagePage: number | null;
  usage: number | null;
  /** a keyboard interface: what a card reader in keyboard mode is (so is a real keyboard: pick by id); false when not reported */
  keyboard: boolean;
  path: string;
  /** matches the configured vendor/product id */
  configured: boolean;
}

export type HidDiagnostics =
  | { ok: true; driver: HidDriver; version: string; devices: HidDeviceSummary[] }
  | { ok: false; code: 'DRIVER_MISSING' | 'LIST_FAILED'; message: string; detail: string };

/** Lists HID devices; errors come back as values (for the IPC layer). `backend` may be a loader. */
export function diagnoseHid(backend: HidBackend | (() => HidBackend), configured?: { vendorId: number; productId: number }): HidDiagnostics {
  let b: HidBackend;
  try {
    b = typeof backend === 'function' ? backend() : backend;
  } catch (e) {
    const err = e instanceof CardReaderError ? e : new CardReaderError('DRIVER_MISSING', String(e));
    return { ok: false, code: 'DRIVER_MISSING', message: err.message, detail: err.detail };
  }
  try {
    const hex = (n: number): string => n.toString(16).padStart(4, '0');
    const devices = b.devices().map((d): HidDeviceSummary => ({
      id: usbIdText(d.vendorId, d.productId),
      vendorId: d.vendorId,
      productId: d.productId,
      vendorHex: hex(d.vendorId),
      productHex: hex(d.productId),
      manufacturer: d.manufacturer ?? '',
      product: d.product ?? '',
      interface: d.interface,
      // hidapi's libusb build (Linux) does not read usages: 0 there means "not reported"
      usagePage: d.usagePage || null,
      usage: d.usagePage ? (d.usage ?? null) : null,
      keyboard: isKeyboardUsage(d),
      path: d.path ?? '',
      configured: configured !== undefined && d.vendorId === configured.vendorId && d.productId === configured.productId,
    }));
    devices.sort((x, y) => Number(y.configured) - Number(x.configured) || Number(y.keyboard) - Number(x.keyboard) || x.id.localeCompare(y.id));
    return { ok: true, driver: b.driver, version: b.version, devices };
  } catch (e) {
    return { ok: false, code: 'LIST_FAILED', message: CARD_READER_ERROR_MESSAGES.LIST_FAILED, detail: e instanceof Error ? e.message : String(e) };
  }
}

/**
 * The udev rule that lets the logged-in user open the reader through libusb (and hidraw), e.g. saved as
 * /etc/udev/rules.d/70-lobbydesk-card-reader.rules, then `udevadm control --reload-rules` and a replug.
 */
export function udevRule(vendorId: number, productId: number): string {
  const v = vendorId.toString(16).padStart(4, '0');
  const p = productId.toString(16).padStart(4, '0');
  return [
    `# LobbyDesk card reader ${v}:${p}`,
    `SUBSYSTEM=="usb", ATTRS{idVendor}=="${v}", ATTRS{idProduct}=="${p}", MODE="0660", GROUP="plugdev", TAG+="uaccess"`,
    `KERNEL=="hidraw*", ATTRS{idVendor}=="${v}", ATTRS{idProduct}=="${p}", MODE="0660", GROUP="plugdev", TAG+="uaccess"`,
    '',
  ].join('\n');
}

/**
 * Records a port's raw reports for support ("record raw reports" in diagnostics). Bounded: stops keeping
 * reports after `maxReports` (a reader sends ~2 a character). toText() is a recording the tests can replay.
 */
export class HidRecorder {
  private readonly events: RecordedEvent[] = [];
  private last: number | undefined;
  private off: Unsubscribe | undefined;
  truncated = false;

  constructor(private readonly maxReports = 5000) {}

  /** Starts recording `port`'s reports; call stop() (or the returned function) to end. */
  attach(port: Pick<CardReaderPort, 'onReport'>): Unsubscribe {
    this.off?.();
    this.off = port.onReport((r) => this.add(r));
    return () => this.stop();
  }

  stop(): void {
    this.off?.();
    this.off = undefined;
  }

  add(r: RawReport): void {
    if (this.events.length >= this.maxReports) {
      this.truncated = true;
      return;
    }
    const dt = this.last === undefined ? 0 : r.at - this.last;
    this.last = r.at;
    this.events.push({ dtMs: dt, kind: 'report', bytes: Uint8Array.from(r.bytes) });
  }

  get count(): number {
    return this.events.length;
  }

  /** Card numbers these reports decode to (what the support person should see the reader typed). */
  decoded(): string[] {
    let t = 0;
    return decodeReports(
      this.events.flatMap((e) => {
        t += e.dtMs;
        return e.kind === 'report' ? [{ bytes: e.bytes, at: t }] : [];
      }),
    );
  }

  toText(header: readonly string[] = []): string {
    return formatRecording(this.events, [...header, ...(this.truncated ? [`truncated after ${this.maxReports} reports`] : [])]);
  }
}
