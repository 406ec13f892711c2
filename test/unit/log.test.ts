import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../src-main/lib/log';

const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'lobbydesk-log-'));
/** lobbydesk.2026-12-07.3.log → 3: the files in the order they were written */
const seq = (f: string) => Number(/\.(\d+)\.log$/.exec(f)?.[1] ?? 0);
const lines = (dir: string) =>
  fs
    .readdirSync(dir)
    .sort((a, b) => seq(a) - seq(b))
    .flatMap((f) => fs.readFileSync(path.join(dir, f), 'utf8').split('\n').filter(Boolean))
    .map((l) => JSON.parse(l) as Record<string, unknown>);

describe('the structured, rolled log', () => {
  it('writes one JSON object a line with time, level, message and fields, masking phones and ID numbers', async () => {
    const dir = tmp();
    const log = createLogger({ file: path.join(dir, 'lobbydesk.log') });
    log.info('printer online');
    log.warn('call from 13812345678 refused', { channel: 'roster.search', caller: '13812345678', n: 3 });
    log.error('id 110101199003071234 rejected');
    await log.close();
    const got = lines(dir);
    expect(got.map((l) => l.level)).toEqual([30, 40, 50]);
    expect(got[0]).toMatchObject({ msg: 'printer online' });
    expect(typeof got[0]?.time).toBe('string');
    expect(got[1]).toMatchObject({ channel: 'roster.search', n: 3 });
    const text = fs
      .readdirSync(dir)
      .map((f) => fs.readFileSync(path.join(dir, f), 'utf8'))
      .join('');
    expect(text).not.toContain('13812345678');
    expect(text).not.toContain('110101199003071234');
    expect(text).toContain('138****5678');
  });

  it('rolls to a new file at the size limit and keeps only the newest files', async () => {
    const dir = tmp();
    const log = createLogger({ file: path.join(dir, 'lobbydesk.log'), roll: { size: '1k', keep: 2 } });
    // let the file open, then write ~30 KB in lines of ~300 bytes
    await new Promise((r) => setTimeout(r, 100));
    for (let i = 0; i < 100; i++) {
      log.info(`line ${i} ${'x'.repeat(250)}`);
      if (i % 10 === 9) await new Promise((r) => setTimeout(r, 20));
    }
    await log.close();
    const files = fs.readdirSync(dir);
    expect(files.length).toBeGreaterThan(1);
    expect(files.length).toBeLessThanOrEqual(3); // the one in use + 2 kept
    for (const f of files) expect(fs.statSync(path.join(dir, f)).size).toBeLessThan(8 * 1024);
    expect(lines(dir).at(-1)?.msg).toContain('line 99');
  });

  it('never throws when the folder cannot be written', async () => {
    const dir = tmp();
    const blocker = path.join(dir, 'not-a-folder');
    fs.writeFileSync(blocker, 'x');
    const log = createLogger({ file: path.join(blocker, 'logs', 'lobbydesk.log') });
    expect(() => log.error('still running')).not.toThrow();
    await log.close();
  });
});
