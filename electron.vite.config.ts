import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import type { Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { contract } from './src-shared/contract';

/** Pure code both processes use (src-shared/), imported as `@shared/...` everywhere. */
const resolveShared = { alias: { '@shared': resolve(__dirname, 'src-shared') } };

/**
 * The sandboxed preload needs only the channels' names. Its build gets `@shared/contract/channels` as the plain
 * list of the contract's keys, computed here, so neither zod nor the schemas are bundled into it; the names still
 * come from the one place a channel is declared.
 */
function channelNamesOnly(): Plugin {
  const channelsModule = resolve(__dirname, 'src-shared/contract/channels.ts');
  return {
    name: 'lobbydesk:channel-names',
    enforce: 'pre',
    load(id) {
      return id === channelsModule ? `export const CHANNELS = ${JSON.stringify(Object.keys(contract))};\n` : null;
    },
  };
}

export default defineConfig({
  main: {
    resolve: resolveShared,
    build: {
      outDir: 'out/main',
      // better-sqlite3, exceljs, pinyin-pro ... stay in node_modules (native addon, large CJS packages).
      externalizeDeps: true,
      rollupOptions: {
        input: {
          // Electron shell (the only entry that imports 'electron')
          index: resolve(__dirname, 'src-main/app/main.ts'),
          // Browser host: the same core and contract over HTTP on 127.0.0.1, for machines without Electron and for e2e
          host: resolve(__dirname, 'src-main/host/cli.ts'),
          // full integrity check, run in a worker thread when the counter is idle
          'integrity.worker': resolve(__dirname, 'src-main/db/integrity.worker.ts'),
          // roster import: reading and checking a large CSV/XLSX, in a worker thread so the main thread keeps answering
          'import.worker': resolve(__dirname, 'src-main/features/roster/import/import.worker.ts'),
        },
      },
    },
  },
  preload: {
    resolve: resolveShared,
    plugins: [channelNamesOnly()],
    build: {
      outDir: 'out/preload',
      // A sandboxed preload can only require('electron'): bundle everything else, emit CommonJS.
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve(__dirname, 'src-preload/index.ts') },
        external: ['electron'],
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: 'src-renderer',
    resolve: resolveShared,
    plugins: [react()],
    build: {
      outDir: 'out/renderer',
      // The renderer's scripts are parsed at every start: minified (electron-vite leaves them as written by
      // default). Each area's screen is a chunk of its own, loaded on first use (src-renderer/app/areaScreens.ts).
      minify: true,
      rollupOptions: { input: { index: resolve(__dirname, 'src-renderer/index.html') } },
    },
  },
});
