import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { verifyChain } from '../../src-main/db/audit';
import { openTestCore } from '../support/core';
import { openVisitorsCore, walkUp } from '../support/visitors';

/** Runs the check-in child on a terminal's data folder; resolves with its exit signal and the pass numbers it printed. */
function runChild(
  dataDir: string,
  count: number,
  killAt: number,
  name: string,
): Promise<{ signal: NodeJS.Signals | null; code: number | null; numbers: string[]; stderr: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'test/support/visitors-kill-child.ts', dataDir, String(count), String(killAt), name], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let stderr = '';
  child.stdout.on('data', (c: Buffer) => (out += c.toString()));
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  return new Promise((resolve) => child.once('close', (code, signal) => resolve({ signal, code, numbers: out.split('\n').filter(Boolean), stderr })));
}

/** A terminal with rooms and operators, closed so child processes can open it. */
async function preparedTerminal(): Promise<string> {
  const t = await openVisitorsCore({ printer: false });
  const dir = t.dataDir;
  await t.core.close();
  return dir;
}

const seqs = (rows: Array<{ seq: number }>) => rows.map((r) => r.seq);

describe('visitor pass numbers are gapless per terminal', () => {
  it('under concurrent check-ins in one process: 1..n, each once', async () => {
    const t = await openVisitorsCore({ printer: false });
    const results = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        t.call('visitors.checkIn', walkUp({ visitorName: `访客${i}`, phone: `1380000${String(i).padStart(4, '0')}` }, t.rooms.r501)),
      ),
    );
    const numbers = results.map((r) => r.pass.passNo).sort();
    expect(numbers).toEqual(Array.from({ length: 30 }, (_, i) => `T01-V${String(i + 1).padStart(7, '0')}`));
  });

  it('with two processes writing the same store at once: no number twice, none skipped', async () => {
    const dir = await preparedTerminal();
    const [a, b] = await Promise.all([runChild(dir, 40, 0, '甲'), runChild(dir, 40, 0, '乙')]);
    expect(a.code, a.stderr).toBe(0);
    expect(b.code, b.stderr).toBe(0);
    const all = [...a.numbers, ...b.numbers].sort();
    expect(all).toEqual(Array.from({ length: 80 }, (_, i) => `T01-V${String(i + 1).padStart(7, '0')}`));
    const t = await openTestCore(dir);
    const sql = t.core.need().sql;
    expect(seqs(sql.db.prepare("SELECT seq FROM pass_issues WHERE kind = 'visitor' ORDER BY seq").all() as Array<{ seq: number }>)).toEqual(
      Array.from({ length: 80 }, (_, i) => i + 1),
    );
    expect(verifyChain(sql).ok).toBe(true);
  }, 120_000);

  it('a process killed inside a check-in (number taken, pass row written, not committed) leaves no gap and nothing partial', async () => {
    const dir = await preparedTerminal();
    const killAt = 7;
    const run = await runChild(dir, 20, killAt, '丙');
    expect(run.signal, run.stderr).toBe('SIGKILL');
    // every number the killed process reported was committed; the cut-off one was not
    expect(run.numbers).toEqual(Array.from({ length: killAt - 1 }, (_, i) => `T01-V${String(i + 1).padStart(7, '0')}`));

    const t = await openTestCore(dir);
    const sql = t.core.need().sql;
    const count = (table: string) => (sql.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
    expect(seqs(sql.db.prepare('SELECT seq FROM pass_issues ORDER BY seq').all() as Array<{ seq: number }>)).toEqual(
      Array.from({ length: killAt - 1 }, (_, i) => i + 1),
    );
    expect(count('visits')).toBe(killAt - 1);
    expect(count('visitor_personal')).toBe(killAt - 1);
    expect((sql.db.prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'visitor.checkIn'").get() as { n: number }).n).toBe(killAt - 1);
    expect(verifyChain(sql).ok).toBe(true);

    // the next check-in takes the number the cut-off one would have had
    await t.call('auth.login', { username: 'li', password: 'li-pass-1234' });
    const next = await t.call('visitors.checkIn', walkUp({}, 1));
    expect(next.pass.passNo).toBe(`T01-V${String(killAt).padStart(7, '0')}`);
  }, 120_000);
});
