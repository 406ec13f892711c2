import { describe, expect, it } from 'vitest';
import { printerConfigSchema } from '../../src-main/devices/printer/config';
import { createPrinter } from '../../src-main/devices/printer';
import { TcpPrinter } from '../../src-main/devices/printer/tcp';
import { DeviceFilePrinter } from '../../src-main/devices/printer/device-file';
import { SerialPrinter } from '../../src-main/devices/printer/serial';
import { FakePrinterPort } from '../../src-main/devices/printer/fake';
import { PrinterError } from '../../src-main/devices/printer/port';

describe('printer settings schema and factory', () => {
  it('parses each kind with defaults', () => {
    expect(printerConfigSchema.parse({ kind: 'tcp', host: '192.168.1.50' })).toEqual({ kind: 'tcp', host: '192.168.1.50', port: 9100, statusCheck: true });
    expect(printerConfigSchema.parse({ kind: 'serial', path: 'COM3' })).toEqual({ kind: 'serial', path: 'COM3', baudRate: 9600 });
    expect(printerConfigSchema.parse({ kind: 'file', path: ' /dev/usb/lp0 ' })).toEqual({ kind: 'file', path: '/dev/usb/lp0' });
    expect(printerConfigSchema.parse({ kind: 'none' })).toEqual({ kind: 'none' });
  });

  it.each([
    { kind: 'tcp', host: '', port: 9100 },
    { kind: 'tcp', host: 'printer; rm -rf /', port: 9100 },
    { kind: 'tcp', host: '10.0.0.2', port: 70000 },
    { kind: 'tcp', host: '10.0.0.2', port: 91.5 },
    { kind: 'file', path: '' },
    { kind: 'file', path: '/dev/usb/lp0\n' + 'x' },
    { kind: 'serial', path: 'COM3', baudRate: 12345 },
    { kind: 'usb' },
    null,
    'tcp',
  ])('refuses %j', (bad) => {
    expect(printerConfigSchema.safeParse(bad).success).toBe(false);
  });

  it('builds the right port for each kind', async () => {
    expect(createPrinter({ kind: 'tcp', host: '127.0.0.1', port: 9100 })).toBeInstanceOf(TcpPrinter);
    expect(createPrinter({ kind: 'file', path: '/dev/usb/lp0' })).toBeInstanceOf(DeviceFilePrinter);
    const serial = createPrinter({ kind: 'serial', path: '/dev/ttyUSB0', baudRate: 19200 });
    expect(serial).toBeInstanceOf(SerialPrinter);
    expect(serial.describe).toBe('串口 /dev/ttyUSB0 19200');
    const none = createPrinter({ kind: 'none' });
    expect((await none.status()).state).toBe('not-configured');
    expect(() => createPrinter({ kind: 'tcp', host: '' } as never)).toThrow();
  });
});

describe('fake port for service tests', () => {
  it('records jobs, refuses per status, fails the next N on request', async () => {
    const p = new FakePrinterPort();
    await p.print(Uint8Array.of(1, 2));
    await p.kickDrawer();
    expect(p.printed.map((b) => Buffer.from(b).toString('hex'))).toEqual(['0102', '1b700019fa']);
    expect(p.documents).toHaveLength(1);
    expect(p.drawerKicks).toBe(1);

    p.failNext(2, 'TIMEOUT');
    await expect(p.print(Uint8Array.of(3))).rejects.toMatchObject({ code: 'TIMEOUT' });
    await expect(p.print(Uint8Array.of(3))).rejects.toMatchObject({ code: 'TIMEOUT' });
    await p.print(Uint8Array.of(3));
    expect(p.documents).toHaveLength(2);

    p.setStatus({ state: 'paper-out', detail: '缺纸' });
    expect((await p.status()).state).toBe('paper-out');
    const e = await p.print(Uint8Array.of(4)).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(PrinterError);
    expect((e as PrinterError).code).toBe('PAPER_OUT');
    expect(p.attempts).toBe(6);
    await p.close();
    await expect(p.print(Uint8Array.of(5))).rejects.toMatchObject({ code: 'IO' });
  });
});
