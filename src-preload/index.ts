import { contextBridge, ipcRenderer } from 'electron';
import { CHANNELS } from '@shared/contract/channels';
import type { Channel, Input, Output, Result } from '@shared/contract';

/**
 * The sandboxed preload: exposes `window.lobbydesk`, a frozen object with one named method per
 * declared channel and nothing else — never ipcRenderer, never a generic invoke/send. Only type imports
 * come from the contract; CHANNELS is the contract's keys, which the preload's build turns into a plain
 * list of names (electron.vite.config.ts), so zod is not bundled here.
 */
type Bridge = { [C in Channel]: (input: Input<C>) => Promise<Result<Output<C>>> };

const IPC_FAILED: Result<never> = {
  ok: false,
  error: { code: 'IPC_FAILED', message: '与主程序的通信失败：请重试；如果反复出现，请重新启动 LobbyDesk。' },
};

/** One named method: forwards its input to main on exactly this channel. */
function method(channel: Channel): (input: unknown) => Promise<Result<unknown>> {
  // invoke rejects only if the input cannot be cloned or the window is closing: keep errors as values
  return (input) => (ipcRenderer.invoke(channel, input) as Promise<Result<unknown>>).catch(() => IPC_FAILED);
}

function buildBridge(): Bridge {
  const api: Partial<Record<Channel, (input: unknown) => Promise<Result<unknown>>>> = {};
  for (const channel of CHANNELS) api[channel] = method(channel);
  // Every Channel is present (CHANNELS is the contract's keys); each method returns main's Result for its
  // channel, which the dispatcher validated against the contract.
  return api as Bridge;
}

const api = Object.freeze(buildBridge()) satisfies Readonly<Bridge>;

contextBridge.exposeInMainWorld('lobbydesk', api);
