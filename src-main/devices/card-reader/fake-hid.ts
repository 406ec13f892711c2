/**
 * A fake at the OS edge: a HidBackend whose devices are plugged and unplugged by the test, and whose open
 * devices behave like node-hid's HID objects ('data' with a Buffer, 'error' when unplugged, close() removing the
 * listeners). Recorded report sequences (recording.ts) are replayed through them, so everything above the
 * backend — decoder, hot-plug, states — runs as it does with a real reader.
 */
import { EventEmitter } from 'node:events';
import type { HidBackend, HidDevice, HidDeviceInfo } from './hid';
import type { RecordedEvent } from './recording';

export class FakeHidDevice extends EventEmitter implements HidDevice {
  closed = false;
  constructor(readonly info: HidDeviceInfo) {
    super();
  }

  close(): void {
    if (this.closed) throw new Error('Unable to close a closed HID device');
    this.closed = true;
    this.removeAllListeners();
  }

  /** The device sends one report (node-hid delivers a Buffer). Ignored once closed, as node-hid does. */
  send(bytes: Uint8Array | readonly number[]): void {
    if (!this.closed) this.emit('data', Buffer.from(bytes));
  }

  /** The device fails (node-hid emits the read error, then stops reading). */
  fail(message = 'could not read from HID device'): void {
    if (!this.closed) this.emit('error', new Error(message));
  }
}

export class FakeHidBackend implements HidBackend {
  readonly driver = 'fake' as const;
  readonly version = 'fake';
  private attached: HidDeviceInfo[] = [];
  /** every device opened, in order (the current one last) */
  readonly opened: FakeHidDevice[] = [];
  /** the next open() calls throw this (e.g. permission denied) */
  openError: Error | undefined;
  /** the next devices() calls throw this */
  listError: Error | undefined;
  /** virtual clock for replays, ms; pass `now: () => backend.clock` to the reader */
  clock = 0;
  private plugCount = 0;

  constructor(devices: HidDeviceInfo[] = []) {
    for (const d of devices) this.plug(d);
  }

  devices(): HidDeviceInfo[] {
    if (this.listError) throw this.listError;
    return this.attached.map((d) => ({ ...d }));
  }

  open(path: string): HidDevice {
    if (this.openError) throw this.openError;
    const info = this.attached.find((d) => d.path === path);
    if (!info) throw new Error(`cannot open device with path ${path}`);
    const dev = new FakeHidDevice(info);
    this.opened.push(dev);
    return dev;
  }

  /** Attaches a device; like a real replug, it gets a new path each time (libusb paths are bus:address:interface). */
  plug(info: Omit<HidDeviceInfo, 'path'> & { path?: string }): HidDeviceInfo {
    this.plugCount++;
    const d: HidDeviceInfo = { ...info, path: info.path ?? `0001:${String(this.plugCount).padStart(4, '0')}:${String(info.interface).padStart(2, '0')}` };
    this.attached.push(d);
    return d;
  }

  /** Detaches every device with this vendor/product id; open ones fail as node-hid's do. */
  unplug(vendorId: number, productId: number): void {
    const gone = this.attached.filter((d) => d.vendorId === vendorId && d.productId === productId);
    this.attached = this.attached.filter((d) => !gone.includes(d));
    for (const dev of this.opened) if (gone.includes(dev.info)) dev.fail();
  }

  /** The open device, if any. */
  get current(): FakeHidDevice | undefined {
    const d = this.opened.at(-1);
    return d && !d.closed ? d : undefined;
  }

  /**
   * Replays a recording into the open device, synchronously, advancing `clock` by each event's delay.
   * An '!error' event unplugs the device (the way a real reader fails mid-read). Returns how many events ran.
   */
  replay(events: readonly RecordedEvent[]): number {
    let n = 0;
    for (const e of events) {
      this.clock += e.dtMs;
      const dev = this.current;
      if (!dev) break;
      if (e.kind === 'report') dev.send(e.bytes);
      else this.unplug(dev.info.vendorId, dev.info.productId);
      n++;
    }
    return n;
  }
}
