import { spawn, spawnSync } from 'node:child_process';
import net from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TcpPrinter } from '../../src-main/devices/printer/tcp';
import { PrinterError } from '../../src-main/devices/printer/port';
import { drawerKickBytes, renderReceipt } from '../../src-main/devices/printer/receipt';
import { FakeTcpPrinter, type FakeState } from './fake-tcp-printer';
import { SAMPLE_RECEIPT } from './samples';

// short enough to keep the suite quick, long enough for a loaded CI machine to answer on loopback
const FAST = { connectTimeoutMs: 2000, statusTimeoutMs: 500, writeTimeoutMs: 5000, lingerMs: 500 };
const receipt = renderReceipt(SAMPLE_RECEIPT, { width: 58 }).bytes;

let fake: FakeTcpPrinter;
let port: TcpPrinter;
beforeEach(async () => {
  fake = await FakeTcpPrinter.start();
  port = new TcpPrinter({ host: '127.0.0.1', port: fake.port, ...FAST });
});
afterEach(async () => {
  await port.close();
  await fake.stop();
});

async function rejection(p: Promise<unknown>): Promise<{ error: PrinterError; ms: number }> {
  const t0 = Date.now();
  const error = await p.then(
    () => {
      throw new Error('expected a PrinterError');
    },
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(PrinterError);
  return { error: error as PrinterError, ms: Date.now() - t0 };
}

describe('TCP 9100 transport against a printer on a real socket', () => {
  it('sends the receipt byte for byte, after the three status queries', async () => {
    await port.print(receipt);
    expect(fake.jobs).toHaveLength(1);
    expect(Buffer.compare(fake.jobs[0]!, Buffer.from(receipt))).toBe(0);
    expect(fake.connections[0]!.subarray(0, 9).toString('hex')).toBe('100401100402100404');
  });

  it.each<[FakeState, string, boolean]>([
    ['normal', 'ok', false],
    ['paper-out', 'paper-out', false],
    ['cover-open', 'cover-open', false],
    ['offline', 'offline', false],
    ['near-end', 'ok', true],
  ])('status of a printer that is %s → %s', async (state, expected, nearEnd) => {
    fake.state = state;
    const s = await port.status();
    expect(s.state).toBe(expected);
    expect(s.paperNearEnd).toBe(nearEnd);
    expect(s.detail).toMatch(/[\u4e00-\u9fff]/);
  });

  it.each<[FakeState, string]>([
    ['paper-out', 'PAPER_OUT'],
    ['cover-open', 'COVER_OPEN'],
    ['offline', 'OFFLINE'],
  ])('refuses to send a job to a printer that is %s, then prints it once when it is fixed', async (state, code) => {
    fake.state = state;
    const { error } = await rejection(port.print(receipt));
    expect(error.code).toBe(code);
    expect(error.message).toContain('重新打印');
    expect(fake.jobs).toHaveLength(0);
    fake.state = 'normal';
    await port.print(receipt);
    expect(fake.jobs).toHaveLength(1);
    expect(Buffer.compare(fake.jobs[0]!, Buffer.from(receipt))).toBe(0);
  });

  it('a printer that is switched off (connection refused) fails fast, and after it is back the job prints once', async () => {
    await fake.stop();
    const { error, ms } = await rejection(port.print(receipt));
    expect(error.code).toBe('OFFLINE');
    expect(ms).toBeLessThan(5000);
    expect((await port.status()).state).toBe('offline');
    await fake.restart();
    await port.print(receipt);
    expect(fake.jobs).toHaveLength(1);
    expect(Buffer.compare(fake.jobs[0]!, Buffer.from(receipt))).toBe(0);
  });

  it('a printer that accepts the connection but never answers gives TIMEOUT in bounded time and receives nothing', async () => {
    fake.mode = 'silent';
    const { error, ms } = await rejection(port.print(receipt));
    expect(error.code).toBe('TIMEOUT');
    expect(ms).toBeLessThan(5000);
    expect(fake.jobs).toHaveLength(0);
    const s = await port.status();
    expect(s.state).toBe('unknown');
    fake.mode = 'answer';
    await port.print(receipt);
    expect(fake.jobs).toHaveLength(1);
  });

  it('a printer that drops every connection gives a PrinterError, not a hang', async () => {
    fake.mode = 'drop';
    const { error, ms } = await rejection(port.print(receipt));
    expect(['OFFLINE', 'IO']).toContain(error.code);
    expect(ms).toBeLessThan(5000);
    expect(['offline', 'error']).toContain((await port.status()).state);
  });

  const linuxPython = process.platform === 'linux' && spawnSync('python3', ['-c', 'pass']).status === 0;
  it.runIf(linuxPython)('a connect that never completes (SYN unanswered) gives TIMEOUT at the connect deadline', async () => {
    // a listener that never accepts, backlog 0: once one connection waits in the queue, Linux drops new SYNs
    const child = spawn('python3', [
      '-c',
      "import socket,time\ns=socket.socket();s.bind(('127.0.0.1',0));s.listen(0)\nprint(s.getsockname()[1],flush=True)\ntime.sleep(30)",
    ]);
    try {
      const blackhole = await new Promise<number>((resolve) => child.stdout.once('data', (d: Buffer) => resolve(Number(String(d).trim()))));
      const filler = net.connect(blackhole, '127.0.0.1');
      await new Promise((r) => filler.once('connect', r));
      const p = new TcpPrinter({ host: '127.0.0.1', port: blackhole, ...FAST, connectTimeoutMs: 300 });
      const { error, ms } = await rejection(p.print(receipt));
      expect(error.code).toBe('TIMEOUT');
      expect(ms).toBeGreaterThanOrEqual(250);
      expect(ms).toBeLessThan(5000);
      expect((await p.status()).state).toBe('error');
      filler.destroy();
    } finally {
      child.kill();
    }
  });

  it('kicks the drawer with ESC p 0 25 250', async () => {
    await port.kickDrawer();
    expect(fake.jobs.map((b) => b.toString('hex'))).toEqual(['1b700019fa']);
    expect(Buffer.from(drawerKickBytes()).toString('hex')).toBe('1b700019fa');
  });

  it('with status checks off, sends to a printer that never answers and reports status unknown', async () => {
    const quiet = new TcpPrinter({ host: '127.0.0.1', port: fake.port, ...FAST, statusCheck: false });
    fake.mode = 'silent';
    await quiet.print(receipt);
    expect(fake.connections.at(-1)!.equals(Buffer.from(receipt))).toBe(true);
    expect((await quiet.status()).state).toBe('unknown');
    await quiet.close();
  });

  it('serialises concurrent jobs, one connection each, in order', async () => {
    const docs = [1, 2, 3].map((n) => Buffer.from(`job ${n}\n`));
    await Promise.all(docs.map((d) => port.print(d)));
    expect(fake.jobs.map(String)).toEqual(['job 1\n', 'job 2\n', 'job 3\n']);
  });

  it('rejects with IO after close()', async () => {
    await port.close();
    const { error } = await rejection(port.print(receipt));
    expect(error.code).toBe('IO');
  });
});
