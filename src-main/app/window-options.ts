/**
 * The main window's constructor options, as a pure function (no Electron import) so every security
 * flag can be asserted by a unit test and by the Electronegativity gate's probe
 * (scripts/electronegativity-gate.mjs evaluates this function and scans the literal it returns).
 * window.ts passes the result straight to `new BrowserWindow()`; the type there checks it is compatible.
 */

export const WINDOW_TITLE = 'LobbyDesk 物业前台';

export interface SecureWebPreferences {
  readonly preload: string;
  readonly contextIsolation: true;
  readonly sandbox: true;
  readonly nodeIntegration: false;
  readonly nodeIntegrationInWorker: false;
  readonly nodeIntegrationInSubFrames: false;
  readonly webSecurity: true;
  readonly allowRunningInsecureContent: false;
  readonly experimentalFeatures: false;
  readonly webviewTag: false;
  readonly spellcheck: false;
  readonly navigateOnDragDrop: false;
  readonly safeDialogs: true;
  readonly devTools: boolean;
}

export interface MainWindowOptions {
  readonly title: string;
  readonly width: number;
  readonly height: number;
  readonly minWidth: number;
  readonly minHeight: number;
  readonly show: false;
  readonly backgroundColor: string;
  readonly autoHideMenuBar: boolean;
  readonly webPreferences: SecureWebPreferences;
}

export interface WindowOptionsInput {
  /** Absolute path of the built preload (out/preload/index.cjs). */
  preload: string;
  /** DevTools can be opened (development only; packaged builds pass false). */
  devTools: boolean;
}

/**
 * A counter screen is typically 1366×768 or 1920×1080; the layout is designed to work down to 1024×700.
 * The window stays hidden until `ready-to-show`, so the operator never sees a white flash.
 */
export function mainWindowOptions(input: WindowOptionsInput): MainWindowOptions {
  return {
    title: WINDOW_TITLE,
    width: 1366,
    height: 768,
    minWidth: 1024,
    minHeight: 700,
    show: false,
    backgroundColor: '#f5f6f8',
    autoHideMenuBar: !input.devTools,
    webPreferences: {
      preload: input.preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      spellcheck: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      devTools: input.devTools,
    },
  };
}
