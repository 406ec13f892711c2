/**
 * A receipt printer on a real TCP socket (127.0.0.1, port 0) for transport tests: records every byte,
 * answers `DLE EOT n` like a printer in the chosen state, and can misbehave: refuse (stopped), accept and
 * never answer ('silent'), or drop each connection as soon as it opens ('drop').
 */
import net from 'node:net';

export type FakeState = 'normal' | 'paper-out' | 'cover-open' | 'offline' | 'near-end';
export type FakeMode = 'answer' | 'silent' | 'drop';

/** Replies by n, as a printer in that state sends them (paper out: 1a 32 72, as a real printer answers). */
export const STATUS_BYTES: Record<FakeState, Record<1 | 2 | 3 | 4, number>> = {
  normal: { 1: 0x12, 2: 0x12, 3: 0x12, 4: 0x12 },
  'paper-out': { 1: 0x1a, 2: 0x32, 3: 0x12, 4: 0x72 },
  'cover-open': { 1: 0x1a, 2: 0x16, 3: 0x12, 4: 0x12 },
  offline: { 1: 0x1a, 2: 0x12, 3: 0x12, 4: 0x12 },
  'near-end': { 1: 0x12, 2: 0x12, 3: 0x12, 4: 0x1e },
};

export class FakeTcpPrinter {
  state: FakeState = 'normal';
  mode: FakeMode = 'answer';
  /** all bytes of each connection, in order of connection */
  readonly connections: Buffer[] = [];
  private server: net.Server;
  private sockets = new Set<net.Socket>();
  private constructor(public port: number) {
    this.server = this.makeServer();
  }

  static async start(): Promise<FakeTcpPrinter> {
    const p = new FakeTcpPrinter(0);
    await p.listen();
    return p;
  }

  /** Each connection's bytes without the DLE EOT queries in front, leaving out status-only connections. */
  get jobs(): Buffer[] {
    return this.connections.map(stripLeadingQueries).filter((b) => b.length > 0);
  }

  /** Closes the listening socket and every connection: the port now refuses (ECONNREFUSED). */
  async stop(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    await new Promise<void>((r) => this.server.close(() => r()));
  }

  /** Listens again on the same port, as a printer that has been switched back on. */
  async restart(): Promise<void> {
    this.server = this.makeServer();
    await this.listen();
  }

  private listen(): Promise<void> {
    return new Promise((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(this.port, '127.0.0.1', () => {
        this.port = (this.server.address() as net.AddressInfo).port;
        resolve();
      });
    });
  }

  private makeServer(): net.Server {
    return net.createServer((socket) => {
      if (this.mode === 'drop') return void socket.destroy();
      this.sockets.add(socket);
      const index = this.connections.push(Buffer.alloc(0)) - 1;
      let scanned = 0;
      socket.on('data', (chunk: Buffer) => {
        const all = Buffer.concat([this.connections[index]!, chunk]);
        this.connections[index] = all;
        // real-time commands are answered wherever they appear in the stream, as a printer does
        for (; scanned + 2 < all.length; scanned++) {
          if (all[scanned] === 0x10 && all[scanned + 1] === 0x04) {
            const n = all[scanned + 2] as 1 | 2 | 3 | 4;
            if (this.mode === 'answer' && n >= 1 && n <= 4) socket.write(Buffer.of(STATUS_BYTES[this.state][n]));
          }
        }
      });
      socket.on('end', () => socket.end());
      socket.on('error', () => undefined);
      socket.on('close', () => this.sockets.delete(socket));
    });
  }
}

export function stripLeadingQueries(b: Buffer): Buffer {
  let i = 0;
  while (i + 2 < b.length && b[i] === 0x10 && b[i + 1] === 0x04 && b[i + 2]! >= 1 && b[i + 2]! <= 4) i += 3;
  return b.subarray(i);
}
