#!/usr/bin/env node
/**
 * Builds better-sqlite3 for Electron's ABI into out/native/better_sqlite3.node.
 *
 * node_modules/better-sqlite3 stays compiled for Node (vitest, the browser host and the scripts need
 * that). Electron embeds a different V8/ABI, so the shell gets its own build: a copy of the package in
 * .cache/bs3-electron is rebuilt with node-gyp against Electron's headers, and the addon is copied to
 * out/native/, where src-main/app/main.ts passes it to AppCore as `nativeBinding`.
 *
 * Skips (exit 0) when out/native/ already holds a build for this Electron version, better-sqlite3
 * version, platform and arch (recorded in out/native/better_sqlite3.json). Options:
 *   --force    rebuild anyway
 *   --dry-run  print what would run, change nothing
 *
 * Needs: network access to https://electronjs.org/headers (first time per Electron version, cached by
 * node-gyp), Python 3 and a C++ toolchain (Windows: Visual Studio Build Tools with "Desktop development with C++").
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SRC = path.join(ROOT, 'node_modules/better-sqlite3');
const WORK = path.join(ROOT, '.cache/bs3-electron');
const OUT_DIR = path.join(ROOT, 'out/native');
const OUT = path.join(OUT_DIR, 'better_sqlite3.node');
const STAMP = path.join(OUT_DIR, 'better_sqlite3.json');
const DIST_URL = 'https://electronjs.org/headers';

const args = new Set(process.argv.slice(2));
const force = args.has('--force');
const dryRun = args.has('--dry-run');

const readJson = (file) => JSON.parse(fs.readFileSync(file, 'utf8'));
const say = (zh, en) => console.log(`${zh}\n${en}`);
const fail = (zh, en) => {
  console.error(`✗ ${zh}\n✗ ${en}`);
  process.exit(1);
};

/** node-gyp: the one npm gives its scripts, a local install, or the copy bundled with npm. */
function findNodeGyp() {
  const candidates = [];
  if (process.env.npm_config_node_gyp) candidates.push(process.env.npm_config_node_gyp);
  try {
    candidates.push(createRequire(path.join(ROOT, 'package.json')).resolve('node-gyp/bin/node-gyp.js'));
  } catch {
    /* not installed locally */
  }
  const nodeDir = path.dirname(process.execPath);
  candidates.push(
    path.join(nodeDir, '../lib/node_modules/npm/node_modules/node-gyp/bin/node-gyp.js'), // Linux, macOS
    path.join(nodeDir, 'node_modules/npm/node_modules/node-gyp/bin/node-gyp.js'), // Windows
  );
  return candidates.find((c) => fs.existsSync(c)) ?? null;
}

function main() {
  if (!fs.existsSync(path.join(SRC, 'package.json')))
    fail('找不到 node_modules/better-sqlite3：请先运行 npm install。', 'node_modules/better-sqlite3 is missing: run npm install first.');
  const electronVersion = readJson(path.join(ROOT, 'node_modules/electron/package.json')).version;
  const want = { electron: electronVersion, betterSqlite3: readJson(path.join(SRC, 'package.json')).version, platform: process.platform, arch: process.arch };

  if (!force && fs.existsSync(OUT) && fs.existsSync(STAMP)) {
    let have = null;
    try {
      have = readJson(STAMP);
    } catch {
      /* unreadable stamp: rebuild */
    }
    if (have && Object.entries(want).every(([k, v]) => have[k] === v)) {
      say(
        `better-sqlite3 已是 Electron ${electronVersion} 版本，跳过编译。`,
        `better-sqlite3 is already built for Electron ${electronVersion} (${want.platform}-${want.arch}): skipping.`,
      );
      return;
    }
  }

  const nodeGyp = findNodeGyp();
  if (!nodeGyp) fail('找不到 node-gyp：请运行 npm install -g node-gyp 后重试。', 'node-gyp not found: run npm install -g node-gyp and try again.');
  const gypArgs = ['rebuild', '--release', `--target=${electronVersion}`, `--dist-url=${DIST_URL}`, '--runtime=electron', `--arch=${process.arch}`];
  // ~/.npmrc may set nodedir (local Node headers): for Electron the headers must come from --dist-url.
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^npm_config_(nodedir|target|runtime|disturl|dist_url|arch)$/i.test(k)));

  if (dryRun) {
    console.log(`would copy ${SRC} -> ${WORK}`);
    console.log(`would run (in ${WORK}): ${process.execPath} ${nodeGyp} ${gypArgs.join(' ')}`);
    console.log(`would copy build/Release/better_sqlite3.node -> ${OUT}`);
    return;
  }

  say(
    `正在为 Electron ${electronVersion} 编译 better-sqlite3（首次需要下载 Electron 头文件）…`,
    `Building better-sqlite3 ${want.betterSqlite3} for Electron ${electronVersion} (${process.platform}-${process.arch})…`,
  );
  fs.rmSync(WORK, { recursive: true, force: true });
  fs.mkdirSync(path.dirname(WORK), { recursive: true });
  // the sources only: not the Node build in build/, not nested node_modules
  fs.cpSync(SRC, WORK, {
    recursive: true,
    filter: (src) => {
      const r = path.relative(SRC, src).split(path.sep);
      return r[0] !== 'build' && r[0] !== 'node_modules';
    },
  });

  const r = spawnSync(process.execPath, [nodeGyp, ...gypArgs], { cwd: WORK, env, stdio: 'inherit' });
  if (r.error || r.status !== 0) {
    fail(
      `node-gyp 编译失败（${r.error ? r.error.message : `退出码 ${r.status}`}）：请确认能访问 ${DIST_URL}，并已安装 Python 3 和 C++ 编译工具。`,
      `node-gyp failed (${r.error ? r.error.message : `exit ${r.status}`}): check access to ${DIST_URL}, Python 3 and a C++ toolchain.`,
    );
  }
  const built = path.join(WORK, 'build/Release/better_sqlite3.node');
  if (!fs.existsSync(built)) fail(`编译完成但找不到 ${built}。`, `build finished but ${built} is missing.`);
  fs.mkdirSync(OUT_DIR, { recursive: true });
  fs.copyFileSync(built, OUT);
  fs.writeFileSync(STAMP, `${JSON.stringify({ ...want, builtAt: new Date().toISOString() }, null, 2)}\n`);
  say(`完成：${path.relative(ROOT, OUT)}`, `Done: ${path.relative(ROOT, OUT)}`);
}

main();
