import { protocol } from 'electron';
import { APP_SCHEME } from './origins';
import { rendererAnswer } from './renderer-files';

/**
 * The renderer is served from `app://lobbydesk/` (checklist item 18: a custom protocol, not file://).
 * Must be called before `app.whenReady()`: a standard, secure scheme gets a real origin, so the CSP's
 * 'self', fetch and storage behave as on https, and file:// keeps no special privileges for us.
 */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
}

/** After ready: answer app:// requests from the built renderer folder, with the CSP as a response header. */
export function serveRenderer(root: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const answer = await rendererAnswer(root, request.url, request.method);
    return new Response(answer.body ? Uint8Array.from(answer.body) : null, { status: answer.status, headers: answer.headers });
  });
}
