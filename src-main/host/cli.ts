import { randomBytes } from 'node:crypto';
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { AppCore } from '../compose';
import { createLogger } from '../lib/log';
import { defaultDataDir } from '../lib/paths';
import { keyFileSecretStore } from '../lib/sealed-secret';
import { createHostServer } from './server';

/**
 * `npm run start:browser`: the whole app without Electron. Serves the built renderer and the IPC contract
 * on 127.0.0.1 with a per-run token, and opens the default browser (with --open).
 *   --port N        (default 5199; 0 = any free port)
 *   --data-dir DIR  (default: the same folder the desktop app uses; or LOBBYDESK_DATA_DIR)
 *   --open          open the browser
 */
function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

async function main(): Promise<void> {
  const dataDir = arg('data-dir') ? path.resolve(arg('data-dir') as string) : defaultDataDir();
  const port = Number(arg('port') ?? process.env.LOBBYDESK_PORT ?? 5199);
  const here = path.dirname(fileURLToPath(import.meta.url));
  const staticDir = arg('static') ?? path.resolve(here, '../renderer');
  const log = createLogger({ file: path.join(dataDir, 'logs', 'lobbydesk.log'), echo: process.env.LOBBYDESK_LOG_ECHO === '1' });
  // tests only: run the host's clock ahead (e.g. for a business day to be due); the Electron app has no such switch
  const offset = Number(process.env.LOBBYDESK_TEST_CLOCK_OFFSET_MS ?? 0);
  const clock = Number.isFinite(offset) && offset !== 0 ? { now: () => new Date(Date.now() + offset) } : undefined;
  if (clock) log.warn(`test clock: ${offset} ms ahead of the system clock`);
  // no OS keychain without Electron: the upstream secret is sealed with a key file in the data folder
  const core = await AppCore.open({ dataDir, log, maintenance: true, secretStore: keyFileSecretStore(dataDir), ...(clock ? { clock } : {}) });
  const token = randomBytes(24).toString('base64url');
  const server = createHostServer({ dispatch: core.dispatch, token, staticDir, port });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  }).catch((e: NodeJS.ErrnoException) => {
    if (e.code === 'EADDRINUSE') {
      process.stderr.write(`端口 ${port} 已被占用：LobbyDesk 可能已在运行。可用 --port 0 换一个空闲端口。\n`);
      process.exit(1);
    }
    throw e;
  });
  const actual = (server.address() as { port: number }).port;
  const url = `http://127.0.0.1:${actual}/#token=${token}`;
  process.stdout.write(`LobbyDesk 物业前台（浏览器模式）\n数据目录: ${dataDir}\n在浏览器中打开: ${url}\nLOBBYDESK_URL=${url}\n`);
  if (process.argv.includes('--open')) {
    const opener = process.platform === 'win32' ? ['cmd', ['/c', 'start', '', url]] : process.platform === 'darwin' ? ['open', [url]] : ['xdg-open', [url]];
    try {
      const child = spawn(opener[0] as string, opener[1] as string[], { stdio: 'ignore', detached: true });
      child.on('error', () => process.stdout.write('（未能自动打开浏览器：请复制上面的地址手动打开）\n'));
      child.unref();
    } catch {
      process.stdout.write('（未能自动打开浏览器：请复制上面的地址手动打开）\n');
    }
  }
  const stop = () => {
    server.close();
    void core
      .close()
      .then(() => log.close())
      .then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((e: unknown) => {
  process.stderr.write(`LobbyDesk 启动失败：${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
