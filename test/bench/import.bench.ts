import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { performance } from 'node:perf_hooks';
import ExcelJS from 'exceljs';
import { demoName, demoPhone, rng } from '../../src-main/features/roster/demo';
import { api, type Host } from '../e2e/helpers/host';
import { ADMIN, setupThroughApi } from '../e2e/helpers/app';
import { xlsxOf, type XCell } from '../support/xlsx';
import { single, summarise, type Figure } from './stats';

/**
 * Roster import at the row limit, through the built browser host (the process a counter runs): a realistic
 * 200,000-row workbook (preview, then commit) and a 2,000,000-row one (refused at the limit). Reports the
 * host's peak resident memory (VmHWM, Linux), the times, and how fast other calls are answered meanwhile.
 */

interface RunningHost extends Host {
  pid: number;
}

async function host(dataDir: string): Promise<RunningHost> {
  const child = spawn(process.execPath, ['out/main/host.js', '--port', '0', '--data-dir', dataDir], { stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, LOBBYDESK_DATA_DIR: dataDir } });
  let out = '';
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (c: string) => {
      out += c;
      const m = /^LOBBYDESK_URL=(\S+)$/m.exec(out);
      if (m?.[1]) resolve(m[1]);
    });
    child.once('exit', (code) => reject(new Error(`host exited (${code})`)));
  });
  const u = new URL(url);
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
  const kill = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGKILL');
    });
  return { url, origin: u.origin, token: /token=([^&]+)/.exec(u.hash)?.[1] ?? '', dataDir, stop, kill, pid: child.pid as number };
}

/** Resident memory of a process in MB (Linux /proc): now and its peak so far. NaN elsewhere. */
function memory(pid: number): { rss: number; peak: number } {
  try {
    const s = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (k: string) => Number(new RegExp(`^${k}:\\s+(\\d+) kB`, 'm').exec(s)?.[1] ?? NaN);
    return { rss: kb('VmRSS') / 1024, peak: kb('VmHWM') / 1024 };
  } catch {
    return { rss: NaN, peak: NaN };
  }
}

/** A realistic roster as Excel would hold it: 9 columns, date cells, a note on some rows (exceljs' streaming writer). */
async function realisticWorkbook(rows: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  const out = new PassThrough();
  out.on('data', (c: Buffer) => chunks.push(c));
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: true, useStyles: true });
  const ws = wb.addWorksheet('业主名册');
  ws.addRow(['楼栋', '单元', '房号', '姓名', '类型', '电话', '入住日期', '面积', '备注']).commit();
  const rand = rng(2026);
  for (let i = 0; i < rows; i++) {
    const room = `${1 + (Math.floor(i / 160) % 32)}${String(1 + (Math.floor(i / 5120) % 40)).padStart(2, '0')}`;
    const row = ws.addRow([1 + (i % 40), 1 + (Math.floor(i / 40) % 4), room, `${demoName(rand)}${i % 97}`, i % 5 === 0 ? '租户' : '业主', Number(demoPhone(rand)), new Date(Date.UTC(2015 + (i % 10), i % 12, 1 + (i % 28))), 60 + (i % 90) + 0.5, i % 9 === 0 ? `车位 B2-${i % 300}` : null]);
    row.getCell(7).numFmt = 'yyyy-mm-dd';
    row.commit();
  }
  ws.commit();
  await wb.commit();
  return Buffer.concat(chunks);
}

/** Starts an import over HTTP and polls it (and system.status) as the UI does, until the check ends. */
async function preview(h: RunningHost, fileName: string, data: Buffer) {
  const t0 = performance.now();
  const { jobId } = await api<{ jobId: string }>(h, 'roster.import.start', { fileName, data: data.toString('base64'), createBuildings: true });
  const answers: number[] = [];
  let peakRss = 0;
  for (;;) {
    await new Promise((r) => setTimeout(r, 100));
    const a = performance.now();
    await api(h, 'system.status', {});
    answers.push(performance.now() - a);
    const s = await api<{ progress: { state: string; message: string } }>(h, 'roster.import.status', { jobId });
    peakRss = Math.max(peakRss, memory(h.pid).rss);
    if (s.progress.state !== 'running') return { jobId, ms: performance.now() - t0, state: s.progress.state, message: s.progress.message, answers, peakRss };
  }
}

export async function importBenchmarks(work: string): Promise<Figure[]> {
  const figures: Figure[] = [];
  const mb = (b: number) => `${(b / 1024 / 1024).toFixed(1)} MB`;

  // 1. 200,000 rows, preview + commit
  const data = await realisticWorkbook(200_000);
  const h = await host(path.join(work, 'import-200k'));
  try {
    await setupThroughApi(h);
    await api(h, 'auth.login', { username: ADMIN.username, password: ADMIN.password });
    const base = memory(h.pid);
    const p = await preview(h, 'roster-200k.xlsx', data);
    if (p.state !== 'done') throw new Error(`200,000-row preview: ${p.message}`);
    const afterPreview = memory(h.pid);
    // the commit, polled as the UI does it (its progress, every ~100 ms), with a status call and a roster search
    // each time: how long the counter waits for an answer while the rows are written
    const c0 = performance.now();
    let committed = false;
    const commit = api(h, 'roster.import.commit', { jobId: p.jobId, skipErrors: true }).finally(() => (committed = true));
    const during: number[] = [];
    const searches: number[] = [];
    let failed = 0;
    // a call that fails (a connection reset after the host was stuck) counts as waited for until it failed
    const timed = async (into: number[], channel: string, input: unknown) => {
      const a = performance.now();
      await api(h, channel, input).catch(() => failed++);
      into.push(performance.now() - a);
    };
    while (!committed) {
      await new Promise((r) => setTimeout(r, 100));
      await timed(during, 'system.status', {});
      await timed(searches, 'roster.search', { q: '3-2-501' });
      await api(h, 'roster.import.status', { jobId: p.jobId }).catch(() => failed++);
    }
    await commit;
    const commitMs = performance.now() - c0;
    const end = memory(h.pid);
    console.log(`  200,000 rows (${mb(data.length)}): preview ${Math.round(p.ms)} ms, commit ${Math.round(commitMs)} ms (status meanwhile: max ${Math.round(Math.max(...during))} ms of ${during.length} calls, ${failed} failed); host RSS ${base.rss.toFixed(0)} MB at rest, peak ${afterPreview.peak.toFixed(0)} MB after the preview, ${end.peak.toFixed(0)} MB after the commit`);
    figures.push(single('import 200,000-row XLSX via the browser host: preview (read + check in a worker, plan)', `${mb(data.length)}, 9 columns, ${p.message.slice(0, 40)}`, p.ms, 60_000));
    figures.push(single('import 200,000-row XLSX via the browser host: commit', 'chunks of ≤ 5,000 rows / ~100 ms, one transaction each, synchronous=FULL', commitMs, 30_000));
    figures.push({ ...single('import 200,000-row XLSX: host peak RSS (preview + commit)', `at rest ${base.rss.toFixed(0)} MB; peak after preview ${afterPreview.peak.toFixed(0)} MB`, end.peak, 1024), unit: 'MB' });
    figures.push(summarise('system.status via HTTP while the 200,000 rows are read and checked', `${p.answers.length} calls, one every ~100 ms`, p.answers, 200));
    figures.push(summarise('system.status via HTTP while the 200,000 rows are written (commit)', `${during.length} calls, one every ~100 ms${failed ? `; ${failed} calls failed` : ''}`, during, 250));
    figures.push(summarise('roster.search via HTTP while the 200,000 rows are written (commit)', `${searches.length} calls`, searches, 250));
  } finally {
    await h.stop();
  }

  // 2. 2,000,000 rows of two repeated cells, packed as tightly as Excel would (it fits the upload limit): refused at the limit
  const rows = function* (): Generator<XCell[]> {
    yield ['房号', '姓名'];
    for (let i = 0; i < 2_000_000; i++) yield ['3-2-501', ['张伟', '王芳'][i % 2] as string];
  };
  const bomb = xlsxOf(rows(), { level: 9 });
  const g = await host(path.join(work, 'import-2m'));
  try {
    await setupThroughApi(g);
    await api(g, 'auth.login', { username: ADMIN.username, password: ADMIN.password });
    const base = memory(g.pid);
    const p = await preview(g, 'roster-2m.xlsx', bomb);
    if (p.state !== 'failed') throw new Error(`2,000,000-row file was not refused: ${p.message}`);
    const end = memory(g.pid);
    console.log(`  2,000,000 rows (${mb(bomb.length)}): refused after ${Math.round(p.ms)} ms (${p.message.slice(0, 60)}…); host RSS ${base.rss.toFixed(0)} MB at rest, peak ${end.peak.toFixed(0)} MB`);
    figures.push(single('2,000,000-row XLSX (over the limit): refused after', `${mb(bomb.length)}; stops at row 200,002`, p.ms, 60_000));
    figures.push({ ...single('2,000,000-row XLSX: host peak RSS', `at rest ${base.rss.toFixed(0)} MB`, end.peak, 1024), unit: 'MB' });
    figures.push(summarise('system.status via HTTP while the 2,000,000-row file is read', `${p.answers.length} calls`, p.answers, 200));
  } finally {
    await g.stop();
  }
  return figures;
}
