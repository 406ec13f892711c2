import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import { CHANNELS } from '@shared/contract/channels';
import type { Result } from '@shared/contract';
import type { Dispatcher } from '../ipc/handle';
import { isTrustedSender } from './origins';

/**
 * Electron transport for the contract: one ipcMain.handle per declared channel (nothing else is
 * listened to). Each call first checks who sent it (checklist item 17), then hands the payload —
 * still `unknown` — to the core's dispatcher, which parses it against the contract. The handler never
 * throws: every answer is a Result value.
 */
export interface IpcOptions {
  dispatch: Dispatcher;
  origins: readonly string[];
  /** True for the WebContents ids of windows this app created. */
  isOurContents: (webContentsId: number) => boolean;
  log: (message: string) => void;
  /** The sender's page as PDF bytes (webContents.printToPDF), for reports.pdf. */
  printToPdf?: (event: IpcMainInvokeEvent) => Promise<Buffer>;
}

export const FORBIDDEN_SENDER: Result<never> = {
  ok: false,
  error: { code: 'FORBIDDEN_SENDER', message: '请求来自未受信任的页面，已拒绝：请关闭其他窗口后重新打开 LobbyDesk。' },
};

/** Reads the sender frame defensively: a frame that navigated away or was destroyed counts as untrusted. */
function senderIsTrusted(event: IpcMainInvokeEvent, opts: IpcOptions): boolean {
  try {
    if (!opts.isOurContents(event.sender.id)) return false;
    const frame = event.senderFrame;
    if (!frame) return false;
    const main = event.sender.mainFrame;
    const isMainFrame = frame.parent === null && frame.processId === main.processId && frame.routingId === main.routingId;
    return isTrustedSender(frame.url, isMainFrame, opts.origins);
  } catch {
    return false;
  }
}

export function registerIpc(opts: IpcOptions): () => void {
  for (const channel of CHANNELS) {
    ipcMain.handle(channel, async (event, payload: unknown): Promise<Result<unknown>> => {
      if (!senderIsTrusted(event, opts)) {
        opts.log(`refused ${channel} from an untrusted sender (webContents ${event.sender.id})`);
        return FORBIDDEN_SENDER;
      }
      try {
        const r = await opts.dispatch(channel, payload, { clientId: `wc:${event.sender.id}` });
        // reports.pdf: the core checked the session, role and input; only Electron can lay the page out as PDF
        if (channel === 'reports.pdf' && r.ok && opts.printToPdf) {
          const pdf = await opts.printToPdf(event);
          return { ok: true, value: { ...(r.value as { fileName: string }), supported: true, data: pdf.toString('base64') } };
        }
        return r;
      } catch (e) {
        // the dispatcher returns errors as values; this is only a last line of defence
        opts.log(`dispatch of ${channel} threw: ${e instanceof Error ? e.message : String(e)}`);
        return { ok: false, error: { code: 'INTERNAL', message: '程序内部错误：请重试；如果反复出现，请联系技术支持。' } };
      }
    });
  }
  return () => {
    for (const channel of CHANNELS) ipcMain.removeHandler(channel);
  };
}
