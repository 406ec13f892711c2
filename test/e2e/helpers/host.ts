import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export interface Host {
  /** http://127.0.0.1:PORT/#token=... */
  url: string;
  origin: string;
  token: string;
  dataDir: string;
  stop: () => Promise<void>;
  /** Kills the host process at once (SIGKILL: no shutdown of any kind), as a power cut or a task-manager kill would. */
  kill: () => Promise<void>;
}

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const HOST_JS = path.join(ROOT, 'out/main/host.js');
const START_TIMEOUT_MS = 30_000;

export function freshDataDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'lobbydesk-e2e-'));
}

/**
 * Starts the browser host (`node out/main/host.js --port 0 --data-dir <dir>`) and waits for the
 * LOBBYDESK_URL line. Pass a dataDir to reopen an existing store (restart tests).
 */
export async function startHost(opts: { dataDir?: string; env?: Record<string, string> } = {}): Promise<Host> {
  if (!fs.existsSync(HOST_JS)) throw new Error(`${HOST_JS} is missing: run \`npx electron-vite build\` first.`);
  const dataDir = opts.dataDir ?? freshDataDir();
  const child: ChildProcess = spawn(process.execPath, [HOST_JS, '--port', '0', '--data-dir', dataDir], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, LOBBYDESK_DATA_DIR: dataDir, ...opts.env },
  });
  let out = '';
  let err = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`host did not start in ${START_TIMEOUT_MS} ms\n${out}\n${err}`)), START_TIMEOUT_MS);
    child.stdout?.setEncoding('utf8');
    child.stderr?.setEncoding('utf8');
    child.stdout?.on('data', (chunk: string) => {
      out += chunk;
      const m = /^LOBBYDESK_URL=(\S+)$/m.exec(out);
      if (m?.[1]) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    });
    child.stderr?.on('data', (chunk: string) => (err += chunk));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`host exited (${code}) before it was ready\n${out}\n${err}`));
    });
  });
  const u = new URL(url);
  const token = /token=([^&]+)/.exec(u.hash)?.[1] ?? '';
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    await new Promise<void>((resolve) => {
      const kill = setTimeout(() => child.kill('SIGKILL'), 5_000);
      child.once('exit', () => {
        clearTimeout(kill);
        resolve();
      });
      child.kill('SIGTERM');
    });
  };
  const kill = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    await new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.kill('SIGKILL');
    });
  };
  return { url, origin: u.origin, token, dataDir, stop, kill };
}

/** Calls a channel of the host directly (test set-up), as the renderer does. Shares the page's session. */
export async function api<T = unknown>(host: Host, channel: string, input: unknown = {}): Promise<T> {
  const res = await fetch(`${host.origin}/api/${channel}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-lobbydesk-token': host.token },
    body: JSON.stringify(input),
  });
  const body = (await res.json()) as { ok: true; value: T } | { ok: false; error: { code: string; message: string } };
  if (!body.ok) throw new Error(`${channel}: ${body.error.code} ${body.error.message}`);
  return body.value;
}
