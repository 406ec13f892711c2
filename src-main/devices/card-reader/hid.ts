/**
 * The OS edge: the part of node-hid the card reader uses, as an interface, so tests replay recorded reports
 * through the same shape (fake-hid.ts) and nothing above this file knows node-hid exists.
 *
 * node-hid is loaded lazily, on the first start(), so a machine where it is missing or can't load still starts
 * and the reader reports a clear error (cards can then be typed). On Linux the libusb build is chosen before the
 * first load (HID.setDriverType('libusb') only works then): libusb detaches the kernel keyboard driver, so the
 * reader is exclusive and its digits don't leak into whatever field has the focus (hidraw would share it).
 */
import { createRequire } from 'node:module';
import type * as NodeHid from 'node-hid';
import { CardReaderError } from './port';

/** What node-hid's devices() lists (the fields we use). */
export interface HidDeviceInfo {
  vendorId: number;
  productId: number;
  path?: string | undefined;
  manufacturer?: string | undefined;
  product?: string | undefined;
  serialNumber?: string | undefined;
  release?: number | undefined;
  interface: number;
  usagePage?: number | undefined;
  usage?: number | undefined;
}

/** An open device, as node-hid's HID class: reports arrive as 'data', failures (unplug) as 'error'. */
export interface HidDevice {
  on(event: 'data', listener: (data: Buffer) => void): unknown;
  on(event: 'error', listener: (err: unknown) => void): unknown;
  /** node-hid's close() also removes every listener */
  close(): void;
}

export type HidDriver = 'libusb' | 'hidraw' | 'native' | 'fake';

export interface HidBackend {
  /** the driver node-hid was loaded with ('native' on Windows/macOS) */
  readonly driver: HidDriver;
  /** hidapi's version, for diagnostics */
  readonly version: string;
  devices(): HidDeviceInfo[];
  open(path: string): HidDevice;
}

/** The USB usage of a keyboard (generic desktop page, keyboard usage). */
export function isKeyboardUsage(d: Pick<HidDeviceInfo, 'usagePage' | 'usage'>): boolean {
  return d.usagePage === 0x01 && d.usage === 0x06;
}

/** "0ffe:0001" */
export function usbIdText(vendorId: number, productId: number): string {
  const h = (n: number): string => n.toString(16).padStart(4, '0');
  return `${h(vendorId)}:${h(productId)}`;
}

type NodeHidModule = typeof NodeHid;
let loaded: { mod: NodeHidModule; driver: HidDriver } | undefined;

/**
 * node-hid as a HidBackend. `linuxDriver` takes effect only on the first call in the process (node-hid loads its
 * binding once); later calls return the same backend. Throws CardReaderError('DRIVER_MISSING') if node-hid
 * can't be loaded (not installed, no build for this machine, libusb-1.0-0 missing).
 */
export function loadNodeHid(opts: { platform?: NodeJS.Platform; linuxDriver?: 'libusb' | 'hidraw'; require?: (id: string) => unknown } = {}): HidBackend {
  const platform = opts.platform ?? process.platform;
  if (!loaded) {
    let mod: NodeHidModule;
    const driver: HidDriver = platform === 'linux' ? (opts.linuxDriver ?? 'libusb') : 'native';
    try {
      const req = opts.require ?? createRequire(import.meta.url);
      mod = req('node-hid') as NodeHidModule;
      if (platform === 'linux') mod.setDriverType(driver === 'hidraw' ? 'hidraw' : 'libusb');
      // loads the native binding now, so a missing libusb is reported here and not on the first poll
      mod.getHidapiVersion();
    } catch (e) {
      throw new CardReaderError('DRIVER_MISSING', e instanceof Error ? e.message : String(e));
    }
    loaded = { mod, driver };
  }
  const { mod, driver } = loaded;
  return {
    driver,
    version: mod.getHidapiVersion(),
    devices: () => mod.devices(),
    open: (path: string) => new mod.HID(path) as unknown as HidDevice,
  };
}
