/**
 * A printer reached through a path: `/dev/usb/lp0` (Linux usblp), a serial tty (see serial.ts), or on Windows
 * a shared printer (`\\PC\XP-58`) or a port name. What it can and cannot do:
 * - POSIX character device: opened non-blocking (no hung thread when the printer stops taking data; TIMEOUT at
 *   the deadline); status by DLE EOT when the device can be read back (usblp with a bidirectional printer,
 *   a tty). A device that can't answer reports 'unknown' and the job is still sent.
 * - POSIX regular file or FIFO: written only (capture files, tests); status 'unknown'. A missing path is
 *   OFFLINE — the file is never created, so a misspelt /dev path can't swallow receipts into a new file.
 * - Windows: written with fs (CreateFile) only; status 'unknown'. A stuck write can't be cancelled: the
 *   promise rejects with TIMEOUT at the deadline while the OS call finishes in the background. Not tested on
 *   Windows here; the spooler (RAW via a shared printer) is the route that needs a Windows check.
 */
import fs from 'node:fs';
import { PrinterError, type PrinterPort, type PrinterStatus, statusForError } from './port';
import { OneAtATime } from './one-at-a-time';
import { errorForStatus } from './status';
import { drawerKickBytes } from './commands';
import { closeFd, errnoError, nonBlockingFlags, queryStatusFd, writeAllNonBlocking } from './fd-io';

export interface DeviceFileOptions {
  path: string;
  writeTimeoutMs?: number;
  statusTimeoutMs?: number;
  /** for tests; defaults to process.platform */
  platform?: NodeJS.Platform;
}

const UNKNOWN_FILE: PrinterStatus = { state: 'unknown', paperNearEnd: false, detail: '此连接方式不能读回打印机状态：可以试打一张测试页确认' };

type Kind = 'char' | 'file' | 'fifo' | 'windows';

export class DeviceFilePrinter implements PrinterPort {
  readonly describe: string;
  protected readonly o: Required<DeviceFileOptions>;
  private readonly jobs = new OneAtATime();

  constructor(opts: DeviceFileOptions, describe = `设备 ${opts.path}`) {
    this.o = { writeTimeoutMs: 15000, statusTimeoutMs: 800, platform: process.platform, ...opts };
    this.describe = describe;
  }

  /** Hook for serial.ts: configure the line before each use. */
  protected prepare(): Promise<void> {
    return Promise.resolve();
  }

  status(): Promise<PrinterStatus> {
    return this.jobs.run(async () => {
      try {
        await this.prepare();
        const kind = await this.kind();
        if (kind !== 'char') return UNKNOWN_FILE;
        return await this.withFd('rw', (fd) => queryStatusFd(fd, this.o.statusTimeoutMs, this.describe));
      } catch (e) {
        return statusForError(e instanceof PrinterError ? e : errnoError(e, this.describe));
      }
    });
  }

  print(bytes: Uint8Array): Promise<void> {
    return this.jobs.run(() => this.send(bytes));
  }

  kickDrawer(): Promise<void> {
    return this.jobs.run(() => this.send(drawerKickBytes()));
  }

  close(): Promise<void> {
    return this.jobs.close();
  }

  private async kind(): Promise<Kind> {
    if (this.o.platform === 'win32') return 'windows';
    let st: fs.Stats;
    try {
      st = await fs.promises.stat(this.o.path);
    } catch (e) {
      const err = errnoError(e, this.describe);
      throw err.code === 'OFFLINE' ? new PrinterError('OFFLINE', err.detail, `找不到打印机设备 ${this.o.path}：请检查打印机电源和数据线后点「重新打印」`) : err;
    }
    if (st.isCharacterDevice()) return 'char';
    if (st.isFIFO()) return 'fifo';
    if (st.isFile()) return 'file';
    throw new PrinterError('IO', `${this.describe}: not a device or file`, `${this.o.path} 不是打印机设备：请在「设置 → 打印机」中改正路径`);
  }

  private async withFd<T>(mode: 'w' | 'rw', use: (fd: number) => Promise<T>): Promise<T> {
    let fd: number;
    try {
      // a raw fd, not a FileHandle: a FileHandle closes its fd again when it is garbage-collected
      fd = await new Promise<number>((res, rej) => fs.open(this.o.path, nonBlockingFlags(mode), (e, n) => (e ? rej(e) : res(n))));
    } catch (e) {
      throw errnoError(e, this.describe);
    }
    try {
      return await use(fd);
    } finally {
      await closeFd(fd);
    }
  }

  private async send(bytes: Uint8Array): Promise<void> {
    await this.prepare();
    const deadline = Date.now() + this.o.writeTimeoutMs;
    const kind = await this.kind();
    if (kind === 'char') {
      try {
        return await this.withFd('rw', async (fd) => {
          const refuse = errorForStatus(await queryStatusFd(fd, this.o.statusTimeoutMs, this.describe));
          if (refuse) throw refuse;
          await writeAllNonBlocking(fd, bytes, deadline, this.describe);
        });
      } catch (e) {
        // write-only permission (a udev rule giving w but not r): print without the status check
        if (!(e instanceof PrinterError && /EACCES|EPERM/.test(e.detail))) throw e;
        return this.withFd('w', (fd) => writeAllNonBlocking(fd, bytes, deadline, this.describe));
      }
    }
    if (kind === 'fifo') return this.withFd('w', (fd) => writeAllNonBlocking(fd, bytes, deadline, this.describe));
    // a regular file (append, so jobs accumulate like on paper) or a Windows path (CreateFile, blocking)
    const write = fs.promises.writeFile(this.o.path, bytes, { flag: kind === 'file' ? 'a' : 'w' }).catch((e: unknown) => {
      throw errnoError(e, this.describe);
    });
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, rej) => {
      timer = setTimeout(() => rej(new PrinterError('TIMEOUT', `${this.describe}: write not finished in time`)), this.o.writeTimeoutMs);
    });
    try {
      await Promise.race([write, timeout]);
    } finally {
      clearTimeout(timer);
    }
  }
}
