import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, BrowserWindow, dialog, Menu } from 'electron';
import { AppCore } from '../compose';
import { electronSecretStore } from './secret-store';
import { createLogger } from '../lib/log';
import { defaultDataDir } from '../lib/paths';
import { registerIpc } from './ipc';
import { menuTemplate } from './menu';
import { allowedOrigins, devRendererUrl } from './origins';
import { registerAppScheme, serveRenderer } from './protocol';
import { installLockdown } from './security';
import { createMainWindow } from './window';

/**
 * The Electron composition root (out/main/index.js): one instance per data folder, the lockdown,
 * the app:// protocol, the core (the same one the browser host uses), IPC, one window. Everything with
 * logic lives in plain modules that are tested without the Electron binary.
 */
const here = path.dirname(fileURLToPath(import.meta.url)); // out/main
const PRELOAD = path.join(here, '../preload/index.cjs');
const RENDERER_ROOT = path.join(here, '../renderer');
const NATIVE_BINDING = path.join(here, '../native/better_sqlite3.node');

function start(): void {
  const dataDir = defaultDataDir();
  // Chromium's profile (storage, caches) lives with the counter data, and the single-instance lock
  // is per profile, so two data folders (e.g. a test run) never fight over one lock.
  app.setPath('userData', path.join(dataDir, 'electron'));
  const log = createLogger({ file: path.join(dataDir, 'logs', 'lobbydesk.log'), echo: !app.isPackaged });

  if (!app.requestSingleInstanceLock()) {
    log.info('another LobbyDesk is already running on this data folder; handing over to it');
    app.quit();
    return;
  }

  const devUrl = devRendererUrl(process.env, app.isPackaged);
  const origins = allowedOrigins(devUrl);
  const ourContents = new Set<number>();
  registerAppScheme();
  installLockdown({ origins, log: (m) => log.warn(`security: ${m}`) });

  let core: AppCore | null = null;
  let win: BrowserWindow | null = null;

  const openWindow = (): void => {
    win = createMainWindow({
      preload: PRELOAD,
      devTools: !app.isPackaged,
      devUrl,
      log: (m) => log.warn(`window: ${m}`),
      track: (id, alive) => {
        if (alive) ourContents.add(id);
        else {
          ourContents.delete(id);
          core?.sessions.signOut(`wc:${id}`);
        }
      },
    });
    win.on('closed', () => {
      win = null;
    });
  };

  app.on('second-instance', () => {
    if (!win) return;
    if (win.isMinimized()) win.restore();
    win.focus();
  });

  app.on('window-all-closed', () => app.quit());

  let closed = false;
  app.on('will-quit', (event) => {
    if (closed || !core) return;
    event.preventDefault();
    const c = core;
    core = null;
    void c
      .close()
      .catch((e: unknown) => log.error(`closing the store failed: ${e instanceof Error ? e.message : String(e)}`))
      .then(() => log.close())
      .finally(() => {
        closed = true;
        app.quit();
      });
  });

  void app.whenReady().then(async () => {
    Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate(process.platform, app.isPackaged)));
    serveRenderer(RENDERER_ROOT);
    const nativeBinding = fs.existsSync(NATIVE_BINDING) ? NATIVE_BINDING : undefined;
    if (!nativeBinding) log.warn(`no Electron build of better-sqlite3 at ${NATIVE_BINDING}: run node scripts/build-electron-native.mjs`);
    try {
      core = await AppCore.open({ dataDir, log, maintenance: true, secretStore: electronSecretStore(dataDir), ...(nativeBinding ? { nativeBinding } : {}) });
    } catch (e) {
      const msg = e instanceof Error ? e.message : String(e);
      log.error(`start failed: ${msg}`);
      dialog.showErrorBox('LobbyDesk 无法启动', `数据目录 ${dataDir} 无法打开：${msg}\n\n请检查磁盘空间和文件夹权限，然后重新启动。`);
      app.quit();
      return;
    }
    const opened = core;
    registerIpc({
      dispatch: opened.dispatch,
      origins,
      isOurContents: (id) => ourContents.has(id),
      log: (m) => log.warn(`ipc: ${m}`),
      printToPdf: (event) => event.sender.printToPDF({ pageSize: 'A4', printBackground: true }),
    });
    openWindow();
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) openWindow();
    });
  });
}

start();
