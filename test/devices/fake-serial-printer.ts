/**
 * A printer on the far side of a pseudo-terminal, standing in for a serial port: a small python3 process opens
 * a pty pair, prints the slave's path (what the transport opens, like /dev/ttyUSB0), records everything
 * written to it and answers DLE EOT with the replies it is given. Linux/macOS only; needs python3.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { STATUS_BYTES, type FakeState } from './fake-tcp-printer';

const SCRIPT = String.raw`
import os, pty, select, sys, tty
m, s = pty.openpty()
tty.setraw(s)
replies = dict(zip((1, 2, 3, 4), (int(x, 16) for x in sys.argv[2].split(','))))
log = open(sys.argv[1], 'wb')
print(os.ttyname(s), flush=True)
seen = b''
while True:
    r, _, _ = select.select([m, sys.stdin], [], [], 30)
    if not r:
        break
    if sys.stdin in r:
        line = sys.stdin.readline()
        if not line:
            break
        replies = dict(zip((1, 2, 3, 4), (int(x, 16) for x in line.strip().split(','))))
        print('state', flush=True)
    if m in r:
        try:
            data = os.read(m, 65536)
        except OSError:
            continue
        log.write(data)
        log.flush()
        start = max(len(seen) - 2, 0)
        seen += data
        for j in range(start, len(seen) - 2):
            if seen[j] == 0x10 and seen[j + 1] == 0x04 and seen[j + 2] in replies:
                os.write(m, bytes([replies[seen[j + 2]]]))
`;

export function canFakeSerial(): boolean {
  if (process.platform === 'win32') return false;
  return spawnSync('python3', ['-c', 'import pty'], { stdio: 'ignore' }).status === 0;
}

const arg = (state: FakeState): string => [1, 2, 3, 4].map((n) => STATUS_BYTES[state][n as 1 | 2 | 3 | 4].toString(16)).join(',');

export class FakeSerialPrinter {
  private constructor(
    private readonly child: ChildProcess,
    readonly path: string,
    private readonly logFile: string,
  ) {}

  static async start(state: FakeState = 'normal'): Promise<FakeSerialPrinter> {
    const logFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'fake-serial-')), 'received.bin');
    const child = spawn('python3', ['-c', SCRIPT, logFile, arg(state)], { stdio: ['pipe', 'pipe', 'inherit'] });
    const ttyPath = await new Promise<string>((resolve, reject) => {
      let out = '';
      child.stdout!.on('data', (d: Buffer) => {
        out += d.toString();
        if (out.includes('\n')) resolve(out.trim());
      });
      child.once('exit', (code) => reject(new Error(`fake serial printer exited with ${code}`)));
    });
    return new FakeSerialPrinter(child, ttyPath, logFile);
  }

  /** Resolves once the fake has switched (it acknowledges on stdout). */
  setState(state: FakeState): Promise<void> {
    const ack = new Promise<void>((resolve) => this.child.stdout!.once('data', () => resolve()));
    this.child.stdin!.write(`${arg(state)}\n`);
    return ack;
  }

  /** Waits (up to 5 s) until the fake has logged at least `n` bytes: its log lags the writes a little. */
  async receivedAtLeast(n: number): Promise<Buffer> {
    for (let t = Date.now(); Date.now() - t < 5000; await new Promise((r) => setTimeout(r, 20))) {
      const got = this.received();
      if (got.length >= n) return got;
    }
    return this.received();
  }

  /** Everything the printer received, DLE EOT queries included. */
  received(): Buffer {
    return fs.existsSync(this.logFile) ? fs.readFileSync(this.logFile) : Buffer.alloc(0);
  }

  async stop(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    const exited = new Promise((r) => this.child.once('exit', r));
    this.child.stdin!.end();
    this.child.kill();
    await exited;
  }
}
