import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DeviceFilePrinter } from '../../src-main/devices/printer/device-file';
import { PrinterError } from '../../src-main/devices/printer/port';
import { renderReceipt } from '../../src-main/devices/printer/receipt';
import { SAMPLE_RECEIPT } from './samples';
import { canFakeSerial, FakeSerialPrinter } from './fake-serial-printer';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lobbydesk-printer-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
const receipt = renderReceipt(SAMPLE_RECEIPT, { width: 58 }).bytes;
const posix = process.platform !== 'win32';

async function failure(p: Promise<unknown>): Promise<PrinterError> {
  const e = await p.then(
    () => new Error('expected a PrinterError'),
    (x: unknown) => x,
  );
  expect(e).toBeInstanceOf(PrinterError);
  return e as PrinterError;
}

describe('device-file transport', () => {
  it('appends each job to a regular file (capture file), byte for byte; status unknown', async () => {
    const file = path.join(dir, 'capture.bin');
    fs.writeFileSync(file, '');
    const p = new DeviceFilePrinter({ path: file });
    await p.print(receipt);
    await p.kickDrawer();
    expect(Buffer.compare(fs.readFileSync(file), Buffer.concat([receipt, Buffer.from('1b700019fa', 'hex')]))).toBe(0);
    expect((await p.status()).state).toBe('unknown');
    await p.close();
    expect((await failure(p.print(receipt))).code).toBe('IO');
  });

  it.runIf(posix)('a missing device is OFFLINE and is never created as a file', async () => {
    const missing = path.join(dir, 'usb', 'lp0');
    const p = new DeviceFilePrinter({ path: missing });
    const e = await failure(p.print(receipt));
    expect(e.code).toBe('OFFLINE');
    expect(e.message).toContain(missing);
    expect(fs.existsSync(missing)).toBe(false);
    expect((await p.status()).state).toBe('offline');
  });

  it.runIf(posix)('a directory is refused with a message to fix the path', async () => {
    const e = await failure(new DeviceFilePrinter({ path: dir }).print(receipt));
    expect(e.code).toBe('IO');
    expect(e.message).toContain('设置');
  });

  it.runIf(posix)('a FIFO with nobody reading (printer unplugged) is OFFLINE at once', async () => {
    const fifo = path.join(dir, 'nobody.fifo');
    execFileSync('mkfifo', [fifo]);
    const e = await failure(new DeviceFilePrinter({ path: fifo }).print(receipt));
    expect(e.code).toBe('OFFLINE');
  });

  it.runIf(posix)('a device that stops taking data gives TIMEOUT at the deadline instead of hanging', async () => {
    const fifo = path.join(dir, 'stuck.fifo');
    execFileSync('mkfifo', [fifo]);
    const reader = fs.openSync(fifo, fs.constants.O_RDONLY | fs.constants.O_NONBLOCK); // opened, never read
    try {
      const t0 = Date.now();
      const e = await failure(new DeviceFilePrinter({ path: fifo, writeTimeoutMs: 300 }).print(new Uint8Array(4 << 20)));
      expect(e.code).toBe('TIMEOUT');
      expect(Date.now() - t0).toBeLessThan(5000);
    } finally {
      fs.closeSync(reader);
    }
  });

  it.runIf(posix)('a FIFO with a reader receives the job exactly', async () => {
    const fifo = path.join(dir, 'reader.fifo');
    execFileSync('mkfifo', [fifo]);
    const reader = fs.openSync(fifo, fs.constants.O_RDONLY | fs.constants.O_NONBLOCK);
    try {
      await new DeviceFilePrinter({ path: fifo }).print(receipt);
      const buf = Buffer.alloc(receipt.length + 10);
      const n = fs.readSync(reader, buf);
      expect(Buffer.compare(buf.subarray(0, n), Buffer.from(receipt))).toBe(0);
    } finally {
      fs.closeSync(reader);
    }
  });

  it.runIf(posix)('a character device that never answers (/dev/null): status unknown, the job is still sent', async () => {
    const p = new DeviceFilePrinter({ path: '/dev/null', statusTimeoutMs: 100 });
    expect((await p.status()).state).toBe('unknown');
    await p.print(receipt);
  });

  it.runIf(posix && canFakeSerial())('a character device that answers DLE EOT (a tty): status read back, paper-out refused', async () => {
    const fake = await FakeSerialPrinter.start('paper-out');
    try {
      const p = new DeviceFilePrinter({ path: fake.path });
      expect((await p.status()).state).toBe('paper-out');
      expect((await failure(p.print(receipt))).code).toBe('PAPER_OUT');
      await fake.setState('normal');
      await p.print(receipt);
      const got = await fake.receivedAtLeast(27 + receipt.length); // 3 × 3 query bytes, then the receipt;
      expect(got.subarray(got.length - receipt.length).equals(Buffer.from(receipt))).toBe(true);
      expect(got.indexOf(Buffer.from(receipt))).toBe(got.length - receipt.length); // printed once
    } finally {
      await fake.stop();
    }
  });

  it('on Windows, writes the path with CreateFile semantics and reports status unknown', async () => {
    const file = path.join(dir, 'win-share.bin');
    const p = new DeviceFilePrinter({ path: file, platform: 'win32' });
    await p.print(Uint8Array.of(1, 2, 3));
    await p.print(Uint8Array.of(4, 5));
    expect(fs.readFileSync(file).toString('hex')).toBe('0405'); // each job is one CreateFile/WriteFile, like `copy /b`
    expect((await p.status()).state).toBe('unknown');
  });
});
