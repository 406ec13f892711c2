import { BrowserWindow, type BrowserWindowConstructorOptions } from 'electron';
import { APP_ENTRY_URL } from './origins';
import { mainWindowOptions } from './window-options';

export interface MainWindowInput {
  preload: string;
  devTools: boolean;
  /** The dev server URL (development only), else the app is loaded from app://lobbydesk/. */
  devUrl: string | null;
  log: (message: string) => void;
  /** Called with the window's WebContents id when it is created and again when it is destroyed. */
  track: (webContentsId: number, alive: boolean) => void;
}

const MAX_RELOADS = 3;
const RELOAD_WINDOW_MS = 60_000;

/**
 * Creates the counter window: options from mainWindowOptions() (asserted flag by flag in
 * test/unit/electron-window.test.ts and scanned by the Electronegativity gate's probe), shown on
 * ready-to-show, reloaded (at most 3 times a minute) if its renderer process dies.
 */
export function createMainWindow(input: MainWindowInput): BrowserWindow {
  const options = mainWindowOptions({ preload: input.preload, devTools: input.devTools }) satisfies BrowserWindowConstructorOptions;
  const win = new BrowserWindow(options);
  const contentsId = win.webContents.id;
  input.track(contentsId, true);
  win.webContents.once('destroyed', () => input.track(contentsId, false));

  win.once('ready-to-show', () => {
    win.show();
    win.focus();
  });

  const reloads: number[] = [];
  win.webContents.on('render-process-gone', (_event, details) => {
    input.log(`renderer gone: ${details.reason} (exit ${details.exitCode})`);
    if (details.reason === 'clean-exit' || win.isDestroyed()) return;
    const now = Date.now();
    while (reloads.length && now - (reloads[0] ?? 0) > RELOAD_WINDOW_MS) reloads.shift();
    if (reloads.length >= MAX_RELOADS) return;
    reloads.push(now);
    win.webContents.reload();
  });

  const url = input.devUrl ?? APP_ENTRY_URL;
  win.loadURL(url).catch((e: unknown) => input.log(`loading ${url} failed: ${e instanceof Error ? e.message : String(e)}`));
  return win;
}
