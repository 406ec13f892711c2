import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { FakeHidBackend } from '../../src-main/devices/card-reader/fake-hid';
import { HidCardReader, type HidCardReaderOptions } from '../../src-main/devices/card-reader/hid-reader';
import type { HidDeviceInfo } from '../../src-main/devices/card-reader/hid';
import { CardReaderError, type CardRead, type CardReaderPort, type CardReaderStatus } from '../../src-main/devices/card-reader/port';
import { parseRecording } from '../../src-main/devices/card-reader/recording';
import { createCardReader } from '../../src-main/devices/card-reader/config';
import { FakeCardReaderPort, KeyboardWedgeCardReader } from '../../src-main/devices/card-reader/fake';
import { diagnoseHid, HidRecorder, udevRule } from '../../src-main/devices/card-reader/diagnostics';

const FIXTURES = join(import.meta.dirname, '../fixtures/hid');
const rec = (name: string) => parseRecording(readFileSync(join(FIXTURES, name), 'utf8'));

const READER: HidDeviceInfo = {
  vendorId: 0x0ffe,
  productId: 0x0001,
  interface: 0,
  usagePage: 1,
  usage: 6,
  product: 'USB RFID Reader',
  manufacturer: 'Sycreader',
};
const KEYBOARD: HidDeviceInfo = { vendorId: 0x046d, productId: 0xc31c, interface: 0, usagePage: 1, usage: 6, product: 'USB Keyboard' };
const POLL = 15;

/** A reader on a fake backend, with everything it emits collected. */
function setup(opts: Partial<HidCardReaderOptions> = {}, devices: HidDeviceInfo[] = [KEYBOARD, READER]) {
  const backend = new FakeHidBackend(devices);
  const reader = new HidCardReader({ vendorId: 0x0ffe, productId: 0x0001, format: 'dec10', backend, pollMs: POLL, now: () => backend.clock, ...opts });
  const cards: CardRead[] = [];
  const states: CardReaderStatus[] = [];
  reader.onCard((c) => cards.push(c));
  reader.onState((s) => states.push(s));
  readers.push(reader);
  return { backend, reader, cards, states };
}
const readers: CardReaderPort[] = [];
afterEach(async () => {
  for (const r of readers.splice(0)) await r.stop();
  vi.useRealTimers();
});

function until(port: CardReaderPort, state: CardReaderStatus['state'], ms = 2000): Promise<void> {
  if (port.status().state === state) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      off();
      reject(new Error(`still ${port.status().state}, expected ${state}`));
    }, ms);
    const off = port.onState((s) => {
      if (s.state !== state) return;
      clearTimeout(timer);
      off();
      resolve();
    });
  });
}

describe('HID card reader: reading', () => {
  it('opens the configured reader (not the keyboard beside it) and emits raw and normalised card numbers', async () => {
    const { backend, reader, cards, states } = setup();
    await reader.start();
    expect(reader.status()).toMatchObject({ state: 'ready', message: '读卡器就绪：请刷卡' });
    expect(states.map((s) => s.state)).toEqual(['ready']);
    expect(backend.current?.info.productId).toBe(0x0001);
    backend.replay(rec('two-cards-empty-enter.hidrec'));
    expect(cards.map((c) => c.raw)).toEqual(['0040856634', '0012345678']);
    const first = cards[0]!;
    expect(first.ok && first.card).toMatchObject({ key: '6f6c3a', value32: 40856634, format: 'dec10' });
  });

  it('with the reader set to 10-digit hex, the recorded hex reader gives the worked-example card', async () => {
    const { backend, reader, cards } = setup({ format: 'hex10' });
    await reader.start();
    backend.replay(rec('hex10-shift-01026F6C3A.hidrec'));
    expect(cards).toHaveLength(1);
    expect(cards[0]).toMatchObject({ ok: true, raw: '01026F6C3A', card: { key: '6f6c3a', prefix8: 1 } });
  });

  it('a number that does not fit the configured format is a failed read with a Chinese message, not a crash', async () => {
    const { backend, reader, cards } = setup({ format: 'w26' });
    await reader.start();
    backend.replay(rec('dec10-0040856634.hidrec'));
    expect(cards[0]).toMatchObject({ ok: false, raw: '0040856634', code: 'BAD_LENGTH' });
    expect(cards[0]!.ok === false && cards[0]!.message).toMatch(/设置 → 读卡器/);
    expect(reader.status().state).toBe('ready');
  });

  it('survives garbage reports (wrong length, rollover errors) and a listener that throws', async () => {
    const log: string[] = [];
    const { backend, reader, cards } = setup({ log: (l) => log.push(l) });
    reader.onCard(() => {
      throw new Error('a buggy listener');
    });
    await reader.start();
    backend.replay(rec('garbage-then-card.hidrec'));
    expect(cards.map((c) => c.raw)).toEqual(['0040856634']);
    expect(reader.stats.ignoredReports).toBe(4);
    expect(reader.status().state).toBe('ready');
    expect(log.some((l) => l.includes('a buggy listener'))).toBe(true);
  });
});

describe('HID card reader: hot-plug', () => {
  it('unplug mid-read: error state (partial number dropped), then unplugged; replug: ready and reading resumes', async () => {
    vi.useFakeTimers();
    const { backend, reader, cards, states } = setup();
    await reader.start();
    backend.replay(rec('unplug-mid-read.hidrec'));
    expect(states.map((s) => `${s.state}${s.code ? `/${s.code}` : ''}`)).toEqual(['ready', 'error/READ_FAILED', 'unplugged']);
    expect(states[1]!.message).toMatch(/重新刷/);
    expect(states[1]!.detail).toMatch(/dropped a partial number of 3 characters/);
    expect(states[2]!.message).toBe('读卡器已拔出：请插回 USB 口，插回后自动恢复');
    expect(backend.opened[0]!.closed).toBe(true);
    expect(cards).toEqual([]);

    // while it is away, polls keep it 'unplugged' without repeating the event
    await vi.advanceTimersByTimeAsync(POLL * 4);
    expect(states).toHaveLength(3);

    backend.plug(READER);
    await vi.advanceTimersByTimeAsync(POLL * 2);
    expect(reader.status().state).toBe('ready');
    expect(backend.opened).toHaveLength(2);
    expect(backend.opened[1]!.info.path).not.toBe(backend.opened[0]!.info.path);
    backend.replay(rec('dec10-0040856634.hidrec'));
    expect(cards.map((c) => c.raw)).toEqual(['0040856634']); // not "0040040856634"
  });

  it('a read error while the device is still listed: error, then reopened at the next poll', async () => {
    const { backend, reader, states } = setup();
    await reader.start();
    backend.current!.fail('LIBUSB_ERROR_IO');
    expect(reader.status()).toMatchObject({ state: 'error', code: 'READ_FAILED' });
    await until(reader, 'ready');
    expect(states.map((s) => s.state)).toEqual(['ready', 'error', 'ready']);
  });

  it('not plugged in at start: not-found, and ready once it is plugged', async () => {
    const { backend, reader, cards } = setup({}, [KEYBOARD]);
    await reader.start();
    expect(reader.status()).toMatchObject({ state: 'not-found', detail: '0ffe:0001' });
    expect(reader.status().message).toMatch(/未找到读卡器.*诊断/);
    backend.plug(READER);
    await until(reader, 'ready');
    backend.replay(rec('keypad-dec8-07302202.hidrec'));
    expect(cards.map((c) => c.raw)).toEqual(['07302202']);
  });

  it('cannot open (no udev rule): an error that names the fix; it keeps trying and recovers', async () => {
    const { backend, reader } = setup();
    backend.openError = new Error('LIBUSB_ERROR_ACCESS');
    await reader.start();
    expect(reader.status()).toMatchObject({ state: 'error', code: 'OPEN_FAILED', detail: 'LIBUSB_ERROR_ACCESS' });
    expect(reader.status().message).toMatch(/udev/);
    backend.openError = undefined;
    await until(reader, 'ready');
  });

  it('listing fails: an error, then recovers', async () => {
    const { backend, reader } = setup();
    backend.listError = new Error('LIBUSB_ERROR_NO_MEM');
    await reader.start();
    expect(reader.status()).toMatchObject({ state: 'error', code: 'LIST_FAILED' });
    backend.listError = undefined;
    await until(reader, 'ready');
  });

  it('node-hid missing: DRIVER_MISSING once, no polling', async () => {
    vi.useFakeTimers();
    let loads = 0;
    const reader = new HidCardReader({
      vendorId: 1,
      productId: 2,
      format: 'auto',
      pollMs: POLL,
      backend: () => {
        loads++;
        throw new CardReaderError('DRIVER_MISSING', "Cannot find module 'node-hid'");
      },
    });
    readers.push(reader);
    await reader.start();
    expect(reader.status()).toMatchObject({ state: 'error', code: 'DRIVER_MISSING' });
    expect(reader.status().message).toMatch(/手工输入卡号/);
    await vi.advanceTimersByTimeAsync(POLL * 3);
    expect(loads).toBe(1);
  });

  it('Windows: a keyboard-usage reader is not opened; the message points to keyboard input mode', async () => {
    const { backend, reader } = setup({ platform: 'win32' });
    await reader.start();
    expect(reader.status()).toMatchObject({ state: 'error', code: 'UNSUPPORTED' });
    expect(reader.status().message).toMatch(/键盘输入/);
    expect(backend.opened).toHaveLength(0);
  });

  it('stop closes the device and stops polling; start again reopens', async () => {
    const { backend, reader } = setup();
    await reader.start();
    await reader.stop();
    expect(reader.status().state).toBe('disabled');
    expect(backend.opened[0]!.closed).toBe(true);
    backend.unplug(READER.vendorId, READER.productId); // no listener left: must not throw
    backend.plug(READER);
    await reader.start();
    expect(reader.status().state).toBe('ready');
  });
});

describe('ports from settings', () => {
  it('none → disabled; hid → HID reader on the given backend; keyboard-wedge → submit() gives the same reads', async () => {
    const none = createCardReader({ kind: 'none' });
    await none.start();
    expect(none.status().state).toBe('disabled');

    const backend = new FakeHidBackend([READER]);
    const hid = createCardReader({ kind: 'hid', vendorId: '0ffe', productId: '0001', format: 'dec10' }, { backend });
    readers.push(hid);
    expect(hid.describe).toBe('USB 读卡器 0ffe:0001');
    await hid.start();
    expect(hid.status().state).toBe('ready');

    const wedge = createCardReader({ kind: 'keyboard-wedge', format: 'w26' });
    expect(wedge).toBeInstanceOf(KeyboardWedgeCardReader);
    await wedge.start();
    expect(wedge.status()).toMatchObject({ state: 'ready' });
    const got: CardRead[] = [];
    wedge.onCard((c) => got.push(c));
    (wedge as KeyboardWedgeCardReader).submit('111,27706\n');
    expect(got[0]).toMatchObject({ ok: true, raw: '111,27706', card: { key: '6f6c3a' } });
  });

  it('the in-memory fake for service tests', async () => {
    const fake = new FakeCardReaderPort('dec10');
    const states: string[] = [];
    fake.onState((s) => states.push(s.state));
    await fake.start();
    expect(fake.present('0040856634')).toMatchObject({ ok: true, card: { key: '6f6c3a' } });
    fake.setState('unplugged');
    fake.setError('OPEN_FAILED');
    expect(fake.status().message).toMatch(/udev/);
    expect(states).toEqual(['ready', 'unplugged', 'error']);
  });
});

describe('diagnostics', () => {
  it('lists HID devices, the configured reader first', () => {
    const d = diagnoseHid(new FakeHidBackend([KEYBOARD, READER]), { vendorId: 0x0ffe, productId: 1 });
    expect(d.ok).toBe(true);
    if (!d.ok) return;
    expect(d.devices.map((x) => [x.id, x.configured, x.keyboard])).toEqual([
      ['0ffe:0001', true, true],
      ['046d:c31c', false, true],
    ]);
    expect(d.devices[0]).toMatchObject({ vendorHex: '0ffe', productHex: '0001', product: 'USB RFID Reader' });
  });

  it('reports a missing driver or a failed listing as values', () => {
    const missing = diagnoseHid(() => {
      throw new CardReaderError('DRIVER_MISSING', 'x');
    });
    expect(missing).toMatchObject({ ok: false, code: 'DRIVER_MISSING' });
    const b = new FakeHidBackend();
    b.listError = new Error('boom');
    expect(diagnoseHid(b)).toMatchObject({ ok: false, code: 'LIST_FAILED', detail: 'boom' });
  });

  it('records raw reports as a recording that replays to the same cards', async () => {
    const { backend, reader } = setup();
    const recorder = new HidRecorder();
    recorder.attach(reader);
    await reader.start();
    backend.replay(rec('rollover-0040856634.hidrec'));
    recorder.stop();
    backend.replay(rec('dec10-0040856634.hidrec')); // after stop: not recorded
    expect(recorder.count).toBe(18);
    expect(recorder.decoded()).toEqual(['0040856634']);
    const text = recorder.toText(['device 0ffe:0001 USB RFID Reader']);
    expect(text).toMatch(/^# LobbyDesk HID recording v1\n# device 0ffe:0001/);
    expect(parseRecording(text).filter((e) => e.kind === 'report')).toHaveLength(18);

    const small = new HidRecorder(2);
    for (let i = 0; i < 5; i++) small.add({ bytes: new Uint8Array(8), at: i });
    expect(small.count).toBe(2);
    expect(small.toText()).toMatch(/truncated after 2 reports/);
  });

  it('udev rule for the reader', () => {
    const rule = udevRule(0x0ffe, 0x0001);
    expect(rule).toMatch(/SUBSYSTEM=="usb", ATTRS\{idVendor\}=="0ffe", ATTRS\{idProduct\}=="0001"/);
    expect(rule).toMatch(/KERNEL=="hidraw\*"/);
  });
});

describe('platform details', () => {
  it('Windows: a reader that cannot be opened is UNSUPPORTED (use keyboard input), not retried', async () => {
    const { backend, reader } = setup({ platform: 'win32' }, [{ ...READER, usagePage: 0, usage: 0 }]);
    backend.openError = new Error('could not open device');
    await reader.start();
    expect(reader.status()).toMatchObject({ state: 'error', code: 'UNSUPPORTED' });
  });

  it('Linux libusb reports no usage (0): the reader is still found by id, and diagnostics says "not reported"', async () => {
    const { reader } = setup({}, [{ ...READER, usagePage: 0, usage: 0 }]);
    await reader.start();
    expect(reader.status().state).toBe('ready');
    const d = diagnoseHid(new FakeHidBackend([{ ...READER, usagePage: 0, usage: 0 }]));
    expect(d.ok && d.devices[0]).toMatchObject({ usagePage: null, usage: null, keyboard: false });
  });
});
