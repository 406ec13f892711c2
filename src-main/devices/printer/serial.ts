/**
 * Serial printers (RS-232, or the "USB virtual serial port" drivers that Xprinter/GPrinter ship) without a
 * native module: the OS's own tool sets the line (stty on Linux/macOS, `mode` on Windows), then the port is
 * a device file (device-file.ts). On Linux a tty can be read back, so DLE EOT status works there; on Windows
 * the port is written only and status is 'unknown' (a blocking ReadFile on a COM port could hang a libuv
 * thread). The `serialport` package was not added: it needs a native addon and an install-script allowance,
 * and buys only status on Windows serial printers; revisit if counters with serial printers on Windows appear.
 * Line settings: 8 data bits, no parity, 1 stop bit, no flow control — the default of ESC/POS receipt printers.
 */
import { execFile } from 'node:child_process';
import { DeviceFilePrinter } from './device-file';
import { PrinterError } from './port';
import type { BaudRate } from './schema';

export interface SerialPrinterOptions {
  path: string;
  baudRate: BaudRate;
  writeTimeoutMs?: number;
  statusTimeoutMs?: number;
  platform?: NodeJS.Platform;
}

/** The command that puts the line into raw 8N1 at the given speed, per platform. Exported for tests. */
export function lineSetupCommand(path: string, baudRate: BaudRate, platform: NodeJS.Platform): { file: string; args: string[] } {
  if (platform === 'win32') {
    const port = path.replace(/^\\\\\.\\/, '').replace(/:$/, '');
    return {
      file: 'mode',
      args: [`${port}:`, `BAUD=${baudRate}`, 'PARITY=N', 'DATA=8', 'STOP=1', 'to=on', 'xon=off', 'octs=off', 'odsr=off', 'idsr=off', 'dtr=on', 'rts=on'],
    };
  }
  const flag = platform === 'linux' ? '-F' : '-f';
  return {
    file: 'stty',
    args: [flag, path, String(baudRate), 'raw', '-echo', 'cs8', '-cstopb', '-parenb', '-ixon', '-ixoff', '-crtscts', 'clocal', 'min', '0', 'time', '0'],
  };
}

/** `COM3` → `\\.\COM3` (needed for COM10 and above, harmless below). */
export function windowsDevicePath(path: string): string {
  return /^COM\d+$/i.test(path) ? `\\\\.\\${path.toUpperCase()}` : path;
}

export class SerialPrinter extends DeviceFilePrinter {
  private readonly baudRate: BaudRate;
  private readonly linePath: string;

  constructor(opts: SerialPrinterOptions) {
    const platform = opts.platform ?? process.platform;
    const { baudRate, ...rest } = opts;
    const path = platform === 'win32' ? windowsDevicePath(opts.path) : opts.path;
    super({ ...rest, path, platform }, `串口 ${opts.path} ${baudRate}`);
    this.baudRate = baudRate;
    this.linePath = opts.path;
  }

  protected override prepare(): Promise<void> {
    const { file, args } = lineSetupCommand(this.linePath, this.baudRate, this.o.platform);
    return new Promise((resolve, reject) => {
      execFile(file, args, { timeout: 5000, windowsHide: true }, (err, _stdout, stderr) => {
        if (!err) return resolve();
        const missing = (err as NodeJS.ErrnoException).code === 'ENOENT'; // the tool itself, not the port
        const detail = `${this.describe}: ${file} ${args.join(' ')}: ${String(stderr).trim() || err.message}`;
        reject(
          missing
            ? new PrinterError('IO', detail, `无法设置串口（找不到 ${file} 命令）：请联系管理员`)
            : new PrinterError('OFFLINE', detail, `打不开串口 ${this.linePath}：请检查端口号、数据线和打印机电源后点「重新打印」`),
        );
      });
    });
  }
}
