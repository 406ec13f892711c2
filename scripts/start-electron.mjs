#!/usr/bin/env node
/**
 * `npm start`: build, make sure better-sqlite3 is built for Electron, then launch the desktop app.
 * Where the Electron binary could not be installed (ELECTRON_SKIP_BINARY_DOWNLOAD, no network), say so
 * in Chinese and English and point to the browser mode instead of failing with a stack trace.
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(path.join(ROOT, 'package.json'));

/** The Electron executable, or null when the package is installed without its binary. */
function electronBinary() {
  try {
    const p = require('electron'); // the package's index.js returns the executable's path (or throws)
    return typeof p === 'string' && fs.existsSync(p) ? p : null;
  } catch {
    return null;
  }
}

function run(label, args) {
  console.log(`\n▶ ${label}`);
  const r = spawnSync(process.execPath, args, { cwd: ROOT, stdio: 'inherit' });
  if (r.error || r.status !== 0) {
    console.error(`✗ ${label} 失败 / failed (${r.error ? r.error.message : `exit ${r.status}`})`);
    process.exit(r.status || 1);
  }
}

const binary = electronBinary();
if (!binary) {
  console.error(
    [
      '本机未能安装 Electron 程序文件（安装时跳过了下载，或无法联网），桌面版无法在这台电脑上启动。',
      '请改用浏览器模式：npm run start:browser',
      '',
      'Electron could not be installed on this machine (its binary was not downloaded), so the desktop app cannot start here.',
      'Use the browser mode instead: npm run start:browser',
    ].join('\n'),
  );
  process.exit(1);
}

const viteBin = path.join(path.dirname(require.resolve('electron-vite/package.json')), 'bin/electron-vite.js');
run('electron-vite build', [viteBin, 'build']);
run('better-sqlite3 for Electron', [path.join(ROOT, 'scripts/build-electron-native.mjs')]);

console.log('\n▶ electron .');
// ELECTRON_RUN_AS_NODE would start Electron as plain Node and ignore the app entirely.
const env = { ...process.env };
delete env.ELECTRON_RUN_AS_NODE;
const child = spawn(binary, ['.'], { cwd: ROOT, env, stdio: 'inherit', windowsHide: false });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('error', (e) => {
  console.error(`✗ Electron 启动失败 / failed to start: ${e.message}`);
  process.exit(1);
});
child.on('close', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
