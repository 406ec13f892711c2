import { app, session, type WebContents } from 'electron';
import { isAllowedNavigation, isAllowedRequest } from './origins';

/**
 * App-wide lockdown, installed before any window exists (checklist items 1, 5, 11–15):
 *  - every WebContents (our window and anything Chromium might create) may navigate or be redirected
 *    only within the app origin; new windows are always denied; <webview> can never be attached;
 *  - all permission requests and checks are denied (camera, mic, geolocation, notifications,
 *    HID/serial/USB from the page: the devices are driven from main, never from the renderer);
 *  - the session cancels every request that is not app://, data:, blob: (or the dev server in development).
 * shell.openExternal is not used anywhere in the app (checklist item 15).
 */
export interface LockdownOptions {
  origins: readonly string[];
  log: (message: string) => void;
}

function guardContents(contents: WebContents, opts: LockdownOptions): void {
  const refuse = (kind: string, url: string, preventDefault: () => void): void => {
    if (isAllowedNavigation(url, opts.origins)) return;
    preventDefault();
    opts.log(`blocked ${kind} to ${url.slice(0, 200)}`);
  };
  contents.on('will-navigate', (event) => refuse('navigation', event.url, () => event.preventDefault()));
  contents.on('will-frame-navigate', (event) => refuse('frame navigation', event.url, () => event.preventDefault()));
  contents.on('will-redirect', (event) => refuse('redirect', event.url, () => event.preventDefault()));
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
    opts.log('blocked <webview>');
  });
  contents.setWindowOpenHandler(({ url }) => {
    opts.log(`blocked new window for ${url.slice(0, 200)}`);
    return { action: 'deny' };
  });
}

/** Call once, before app.whenReady() resolves (the session part runs when the app is ready). */
export function installLockdown(opts: LockdownOptions): void {
  app.enableSandbox();
  app.on('web-contents-created', (_event, contents) => guardContents(contents, opts));
  void app.whenReady().then(() => {
    const ses = session.defaultSession;
    ses.setPermissionRequestHandler((_contents, permission, callback) => {
      opts.log(`denied permission request: ${permission}`);
      callback(false);
    });
    ses.setPermissionCheckHandler(() => false);
    ses.setDevicePermissionHandler(() => false);
    ses.webRequest.onBeforeRequest((details, callback) => {
      const allowed = isAllowedRequest(details.url, opts.origins);
      if (!allowed) opts.log(`cancelled request to ${details.url.slice(0, 200)}`);
      callback({ cancel: !allowed });
    });
  });
}
