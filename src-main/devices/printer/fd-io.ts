/**
 * Shared by the device-file and serial transports on POSIX: write a job to a character device without
 * blocking a libuv thread forever, and read DLE EOT replies back where the device allows it.
 * The device is opened non-blocking, so a printer that stops accepting data shows up as EAGAIN, which is
 * retried until a deadline instead of an fs.write that never returns.
 */
import fs from 'node:fs';
import { PrinterError } from './port';
import { decodeStatus, STATUS_QUERY_NS, statusQuery, type StatusReplies } from './status';
import type { PrinterStatus } from './port';

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
const POLL_MS = 10;

export function errnoError(e: unknown, where: string): PrinterError {
  const err = e as NodeJS.ErrnoException;
  const detail = `${where}: ${err.code ?? ''} ${err.message ?? String(e)}`.trim();
  switch (err.code) {
    case 'ENOENT':
    case 'ENXIO': // FIFO with no reader, unplugged USB printer
    case 'ENODEV':
    case 'EIO':
      return new PrinterError('OFFLINE', detail);
    case 'EBUSY':
      return new PrinterError('IO', detail, '打印机正被其他程序占用：请关闭其他打印程序后点「重新打印」');
    case 'EACCES':
    case 'EPERM':
      return new PrinterError('IO', detail, '没有权限使用打印机设备：请联系管理员把本机用户加入 lp/dialout 组');
    default:
      return new PrinterError('IO', detail);
  }
}

const isAgain = (e: unknown): boolean => {
  const code = (e as NodeJS.ErrnoException).code;
  return code === 'EAGAIN' || code === 'EWOULDBLOCK';
};

export function nonBlockingFlags(mode: 'w' | 'rw'): number {
  const c = fs.constants;
  return (mode === 'w' ? c.O_WRONLY : c.O_RDWR) | c.O_NONBLOCK | c.O_NOCTTY;
}

/** Writes every byte or throws TIMEOUT at the deadline; partial writes and EAGAIN are retried. */
export async function writeAllNonBlocking(fd: number, bytes: Uint8Array, deadline: number, where: string): Promise<void> {
  let off = 0;
  while (off < bytes.length) {
    if (Date.now() > deadline) throw new PrinterError('TIMEOUT', `${where}: ${off}/${bytes.length} bytes written before the deadline`);
    try {
      off += await new Promise<number>((res, rej) => fs.write(fd, bytes, off, bytes.length - off, null, (e, n) => (e ? rej(e) : res(n))));
    } catch (e) {
      if (!isAgain(e)) throw errnoError(e, where);
      await sleep(POLL_MS);
    }
  }
}

/** One byte, or undefined at the deadline or on a read error. */
export async function readByte(fd: number, deadline: number): Promise<number | undefined> {
  const buf = Buffer.alloc(1);
  do {
    try {
      const n = await new Promise<number>((res, rej) => fs.read(fd, buf, 0, 1, null, (e, m) => (e ? rej(e) : res(m))));
      if (n === 1) return buf[0];
      // 0 bytes: a tty with VMIN=0 that has nothing yet, or a device that never talks back: keep polling
    } catch (e) {
      if (!isAgain(e)) return undefined;
    }
    if (Date.now() < deadline) await sleep(POLL_MS);
  } while (Date.now() < deadline);
  return undefined;
}

/** Discards whatever the device has already sent (a stale reply would be read as the answer to our query). */
export async function drain(fd: number): Promise<void> {
  for (let i = 0; i < 256; i++) if ((await readByte(fd, Date.now())) === undefined) return;
}

export async function queryStatusFd(fd: number, timeoutMs: number, where: string): Promise<PrinterStatus> {
  await drain(fd);
  const replies: StatusReplies = {};
  for (const n of STATUS_QUERY_NS) {
    await writeAllNonBlocking(fd, statusQuery(n), Date.now() + timeoutMs, where);
    const b = await readByte(fd, Date.now() + timeoutMs);
    if (b === undefined) break;
    replies[`n${n}`] = b;
  }
  return decodeStatus(replies);
}

export function closeFd(fd: number): Promise<void> {
  return new Promise((res) => fs.close(fd, () => res()));
}
