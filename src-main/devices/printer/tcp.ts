/**
 * Raw TCP ("port 9100", JetDirect) transport over node:net. One connection per operation, serialised, because
 * many receipt printers accept one connection at a time. Every step has a deadline, so a printer that is
 * off, unplugged or hung gives a PrinterError in bounded time instead of a promise that never settles.
 */
import net from 'node:net';
import { PrinterError, type PrinterPort, type PrinterStatus, statusForError } from './port';
import { OneAtATime } from './one-at-a-time';
import { decodeStatus, errorForStatus, STATUS_QUERY_NS, statusQuery, type StatusReplies } from './status';
import { drawerKickBytes } from './commands';

export interface TcpPrinterOptions {
  host: string;
  port: number;
  connectTimeoutMs?: number;
  /** per DLE EOT reply */
  statusTimeoutMs?: number;
  /** from connect to the last byte handed to the OS */
  writeTimeoutMs?: number;
  /** how long to wait for the printer to close its side after our FIN before we close ours */
  lingerMs?: number;
  /**
   * true (default): query DLE EOT before each job and refuse to send to a printer that doesn't answer (TIMEOUT).
   * false: for print servers that don't pass status back; status() then reports 'unknown'.
   */
  statusCheck?: boolean;
}

type Conn = { socket: net.Socket; read(timeoutMs: number): Promise<number | undefined> };

function connectionError(e: NodeJS.ErrnoException, where: string): PrinterError {
  const detail = `${where}: ${e.code ?? ''} ${e.message}`.trim();
  if (e.code === 'ECONNREFUSED' || e.code === 'EHOSTUNREACH' || e.code === 'ENETUNREACH' || e.code === 'ENOTFOUND') {
    return new PrinterError('OFFLINE', detail);
  }
  if (e.code === 'ETIMEDOUT') return new PrinterError('TIMEOUT', detail);
  return new PrinterError('IO', detail);
}

export class TcpPrinter implements PrinterPort {
  readonly describe: string;
  private readonly o: Required<TcpPrinterOptions>;
  private readonly jobs = new OneAtATime();

  constructor(opts: TcpPrinterOptions) {
    this.o = { connectTimeoutMs: 3000, statusTimeoutMs: 800, writeTimeoutMs: 15000, lingerMs: 2000, statusCheck: true, ...opts };
    this.describe = `TCP ${opts.host}:${opts.port}`;
  }

  status(): Promise<PrinterStatus> {
    if (!this.o.statusCheck) {
      return Promise.resolve({ state: 'unknown', paperNearEnd: false, detail: '已关闭状态查询：可以试打一张测试页确认' });
    }
    return this.jobs.run(async () => {
      let conn: Conn | undefined;
      try {
        conn = await this.connect();
        return await this.queryStatus(conn);
      } catch (e) {
        return statusForError(e instanceof PrinterError ? e : new PrinterError('IO', String(e)));
      } finally {
        conn?.socket.destroy();
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

  private async send(bytes: Uint8Array): Promise<void> {
    const conn = await this.connect();
    try {
      if (this.o.statusCheck) {
        const s = await this.queryStatus(conn);
        if (s.state === 'unknown') throw new PrinterError('TIMEOUT', `${this.describe}: ${s.detail}`);
        const refuse = errorForStatus(s);
        if (refuse) throw refuse;
      }
      await this.writeAll(conn.socket, bytes);
    } finally {
      conn.socket.destroy();
    }
  }

  private connect(): Promise<Conn> {
    return new Promise((resolve, reject) => {
      const socket = net.connect({ host: this.o.host, port: this.o.port });
      socket.setNoDelay(true);
      const replies: number[] = [];
      let waiter: ((b: number | undefined) => void) | undefined;
      let ended = false;
      socket.on('data', (chunk: Buffer) => {
        for (const b of chunk) replies.push(b);
        const w = waiter;
        waiter = undefined;
        w?.(replies.shift());
      });
      socket.on('close', () => {
        ended = true;
        const w = waiter;
        waiter = undefined;
        w?.(undefined);
      });
      const read = (timeoutMs: number): Promise<number | undefined> => {
        if (replies.length > 0) return Promise.resolve(replies.shift());
        if (ended) return Promise.resolve(undefined);
        return new Promise((res) => {
          const t = setTimeout(() => {
            waiter = undefined;
            res(undefined);
          }, timeoutMs);
          waiter = (b) => {
            clearTimeout(t);
            res(b);
          };
        });
      };
      const timer = setTimeout(() => {
        socket.destroy();
        reject(new PrinterError('TIMEOUT', `${this.describe}: connect timed out after ${this.o.connectTimeoutMs} ms`));
      }, this.o.connectTimeoutMs);
      socket.once('connect', () => {
        clearTimeout(timer);
        socket.removeAllListeners('error');
        socket.on('error', () => undefined); // surfaced by the operation that notices the close
        resolve({ socket, read });
      });
      socket.once('error', (e) => {
        clearTimeout(timer);
        socket.destroy();
        reject(connectionError(e, this.describe));
      });
    });
  }

  private async queryStatus(conn: Conn): Promise<PrinterStatus> {
    const replies: StatusReplies = {};
    for (const n of STATUS_QUERY_NS) {
      if (conn.socket.destroyed) break;
      conn.socket.write(statusQuery(n));
      const b = await conn.read(this.o.statusTimeoutMs);
      if (b === undefined) break; // a printer that ignores one query ignores the rest: don't wait three times
      replies[`n${n}`] = b;
    }
    if (conn.socket.destroyed && Object.keys(replies).length === 0) {
      throw new PrinterError('OFFLINE', `${this.describe}: connection closed by the printer`);
    }
    return decodeStatus(replies);
  }

  private writeAll(socket: net.Socket, bytes: Uint8Array): Promise<void> {
    return new Promise((resolve, reject) => {
      let finished = false;
      const done = (err?: PrinterError): void => {
        clearTimeout(timer);
        clearTimeout(linger);
        socket.removeListener('close', onClose);
        if (err) reject(err);
        else resolve();
      };
      const timer = setTimeout(
        () => done(new PrinterError('TIMEOUT', `${this.describe}: write not finished after ${this.o.writeTimeoutMs} ms`)),
        this.o.writeTimeoutMs,
      );
      let linger: NodeJS.Timeout | undefined;
      const onClose = (): void => {
        if (finished) done();
        else done(new PrinterError('IO', `${this.describe}: connection closed during the job`));
      };
      socket.once('close', onClose);
      socket.resume(); // keep reading: closing with unread input makes the kernel reset and drop unsent output
      socket.end(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), () => {
        finished = true;
        clearTimeout(timer);
        linger = setTimeout(() => done(), this.o.lingerMs);
      });
    });
  }
}
