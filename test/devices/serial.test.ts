import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { lineSetupCommand, SerialPrinter, windowsDevicePath } from '../../src-main/devices/printer/serial';
import { PrinterError } from '../../src-main/devices/printer/port';
import { renderReceipt } from '../../src-main/devices/printer/receipt';
import { SAMPLE_RECEIPT } from './samples';
import { canFakeSerial, FakeSerialPrinter } from './fake-serial-printer';

const receipt = renderReceipt(SAMPLE_RECEIPT, { width: 58 }).bytes;

describe('serial transport', () => {
  it('sets the line up with the OS tool: stty on Linux/macOS, mode on Windows', () => {
    expect(lineSetupCommand('/dev/ttyUSB0', 9600, 'linux')).toEqual({
      file: 'stty',
      args: ['-F', '/dev/ttyUSB0', '9600', 'raw', '-echo', 'cs8', '-cstopb', '-parenb', '-ixon', '-ixoff', '-crtscts', 'clocal', 'min', '0', 'time', '0'],
    });
    expect(lineSetupCommand('/dev/cu.usbserial', 115200, 'darwin').args.slice(0, 3)).toEqual(['-f', '/dev/cu.usbserial', '115200']);
    const win = lineSetupCommand('COM3', 19200, 'win32');
    expect(win.file).toBe('mode');
    expect(win.args.slice(0, 5)).toEqual(['COM3:', 'BAUD=19200', 'PARITY=N', 'DATA=8', 'STOP=1']);
    expect(windowsDevicePath('com12')).toBe('\\\\.\\COM12');
    expect(windowsDevicePath('\\\\PC\\XP58')).toBe('\\\\PC\\XP58');
  });

  it.runIf(process.platform === 'linux')('a port that does not exist is OFFLINE with a Chinese next step', async () => {
    const p = new SerialPrinter({ path: '/dev/ttyNOPE9', baudRate: 9600 });
    const e = await p.print(receipt).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(PrinterError);
    expect((e as PrinterError).code).toBe('OFFLINE');
    expect((e as PrinterError).message).toContain('串口');
    expect((await p.status()).state).toBe('offline');
  });

  it.runIf(process.platform === 'linux' && canFakeSerial())('prints over a tty at the configured speed and reads status back', async () => {
    const fake = await FakeSerialPrinter.start('normal');
    try {
      const p = new SerialPrinter({ path: fake.path, baudRate: 19200 });
      expect((await p.status()).state).toBe('ok');
      await p.print(receipt);
      await p.kickDrawer();
      const got = await fake.receivedAtLeast(9 + 9 + receipt.length + 9 + 5); // status, print, drawer kick: each after 3 queries;
      expect(got.includes(Buffer.from(receipt))).toBe(true);
      expect(got.subarray(-5).toString('hex')).toBe('1b700019fa');
      expect(execFileSync('stty', ['-F', fake.path]).toString()).toMatch(/speed 19200 baud/);
      await fake.setState('cover-open');
      expect((await p.status()).state).toBe('cover-open');
      const e = await p.print(receipt).catch((x: unknown) => x);
      expect((e as PrinterError).code).toBe('COVER_OPEN');
    } finally {
      await fake.stop();
    }
  });
});
