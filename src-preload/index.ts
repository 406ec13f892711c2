import { contextBridge, ipcRenderer } from 'electron';
import { CHANNELS } from '../src-main/contract/channels';

// placeholder: replaced by the full preload
contextBridge.exposeInMainWorld('lobbydesk', Object.fromEntries(CHANNELS.map((c) => [c, (input: unknown) => ipcRenderer.invoke(c, input)])));
