#!/usr/bin/env node
/**
 * `npm run security`: Electronegativity as a CI gate.
 *
 * Electronegativity is unmaintained, exits 0 even with HIGH findings and reports an explicit
 * `nodeIntegration: true` only as INFORMATIONAL, so this script gates on rule IDs, not on its exit code
 * or severity: it runs the CLI with SARIF output on each target, reads `runs[].results[].ruleId` and the
 * location, and fails on every finding that security/electronegativity-allowlist.json does not list.
 *
 * Target: one staged tree (so the global checks judge the whole app) with copies of src-main/app,
 * src-preload, src-renderer/index.html, and a probe — a small JS file generated from the *evaluated*
 * mainWindowOptions() (src-main/app/window-options.ts), because the scanner cannot follow
 * `new BrowserWindow(mainWindowOptions(...))` into another function and would never see the real flags.
 * Findings are reported against the real repo paths; global findings have file "<global>".
 *
 * Before scanning, a self-test scans a deliberately bad sample (nodeIntegration on, isolation and
 * sandbox left at its default, webSecurity off) with the same allowlist and must FAIL; if it does not, the gate fails.
 *
 * Offline and bounded: the scanner fetches translations and Electron's release list from GitHub at run
 * time. The release check (AvailableSecurityFixesGlobalCheck) is excluded (it needs a package.json in the
 * scanned folder and writes a cache into the temp dir), DNS is stubbed to fail fast in the child process
 * (pass --online to allow the network), and every run is killed after 120 s.
 *
 * Usage: node scripts/electronegativity-gate.mjs [--self-test] [--input DIR ...] [--allowlist FILE] [--online]
 *   (no options)   self-test, then the real targets; exit 0 only if both are right
 *   --self-test    only the self-test
 *   --input DIR    scan these folders instead of the real targets (no self-test); exit 1 on findings
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const ENG = path.join(ROOT, 'node_modules/@doyensec/electronegativity/dist/index.js');
const TIMEOUT_MS = 120_000;
const EXCLUDED_CHECKS = ['AvailableSecurityFixesGlobalCheck'];
/** The self-test's bad sample must produce at least these rule IDs, or the gate is not working. */
const SELF_TEST_EXPECTED = ['NODE_INTEGRATION_JS_CHECK', 'CONTEXT_ISOLATION_JS_CHECK', 'SANDBOX_JS_CHECK', 'WEB_SECURITY_JS_CHECK'];

/** The `file` of findings from global checks (whole-app properties such as "no CSP anywhere"). */
const GLOBAL = '<global>';
const PROBE_LABEL = 'src-main/app/window-options.ts (evaluated)';

const rel = (p) => path.relative(ROOT, p).split(path.sep).join('/');

function parseArgs(argv) {
  const opts = { selfTestOnly: false, inputs: [], allowlist: path.join(ROOT, 'security/electronegativity-allowlist.json'), online: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--self-test') opts.selfTestOnly = true;
    else if (a === '--online') opts.online = true;
    else if (a === '--input') opts.inputs.push(path.resolve(argv[++i] ?? ''));
    else if (a === '--allowlist') opts.allowlist = path.resolve(argv[++i] ?? '');
    else throw new Error(`unknown argument ${a}`);
  }
  return opts;
}

/** A list of { ruleId, file?, why }: every entry needs a real reason. */
function loadAllowlist(file) {
  const list = JSON.parse(fs.readFileSync(file, 'utf8'));
  if (!Array.isArray(list)) throw new Error(`${rel(file)}: expected a JSON array`);
  list.forEach((e, i) => {
    if (!e || typeof e.ruleId !== 'string' || !/^[A-Z0-9_]+$/.test(e.ruleId))
      throw new Error(`${rel(file)}[${i}]: ruleId must be an Electronegativity check ID`);
    if (e.file !== undefined && typeof e.file !== 'string') throw new Error(`${rel(file)}[${i}]: file must be a repo-relative path`);
    if (typeof e.why !== 'string' || e.why.trim().length < 40)
      throw new Error(`${rel(file)}[${i}] (${e.ruleId}): "why" must justify the entry (at least 40 characters)`);
  });
  return list;
}

function offlineStub(dir) {
  const file = path.join(dir, 'offline.cjs');
  fs.writeFileSync(
    file,
    [
      '// written by scripts/electronegativity-gate.mjs: every DNS lookup fails at once, so the scanner runs offline.',
      '// The error code is one got does not retry (it retries ENOTFOUND with back-off, which costs seconds).',
      "const dns = require('node:dns');",
      "const fail = (host) => Object.assign(new Error('offline (electronegativity gate): ' + host), { code: 'EOFFLINEGATE', hostname: host });",
      "dns.lookup = function (host, options, callback) { const cb = typeof options === 'function' ? options : callback; process.nextTick(cb, fail(host)); };",
      'dns.promises.lookup = async (host) => { throw fail(host); };',
      '',
    ].join('\n'),
  );
  return file;
}

function electronVersion() {
  return JSON.parse(fs.readFileSync(path.join(ROOT, 'node_modules/electron/package.json'), 'utf8')).version;
}

/** Runs the CLI on one folder; returns { findings: [{ruleId, file, line, level, message}], problems: [...] }. */
function scan(target, work, { online = false, mapFile = (f) => rel(f) } = {}) {
  const name = `${path.basename(target)}-${Math.random().toString(36).slice(2, 8)}`;
  const sarif = path.join(work, `${name}.sarif`);
  const args = [
    ...(online ? [] : ['-r', offlineStub(work)]),
    ENG,
    ...['-i', target, '-o', sarif, '-r', '-e', electronVersion(), '-x', EXCLUDED_CHECKS.join(',')],
  ];
  const r = spawnSync(process.execPath, args, {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: TIMEOUT_MS,
    killSignal: 'SIGKILL',
    env: { ...process.env, LANG: 'en-US', FORCE_COLOR: '0', NO_COLOR: '1' },
  });
  const out = `${r.stdout ?? ''}${r.stderr ?? ''}`;
  const problems = [];
  if (r.error) problems.push(`electronegativity did not finish on ${rel(target)}: ${r.error.message}`);
  else if (r.status !== 0) problems.push(`electronegativity exited ${r.status} on ${rel(target)}:\n${out.trim()}`);
  // A file the scanner cannot parse is a file it did not check.
  for (const line of out.split('\n')) if (/^\s*Error parsing /.test(line)) problems.push(`not checked (parse error): ${line.trim()}`);
  if (problems.length) return { findings: [], problems };

  let doc;
  try {
    doc = JSON.parse(fs.readFileSync(sarif, 'utf8'));
  } catch (e) {
    return { findings: [], problems: [`no readable SARIF from ${rel(target)}: ${e.message}`] };
  }
  if (doc.version !== '2.1.0' || !Array.isArray(doc.runs)) return { findings: [], problems: [`unexpected SARIF (version ${doc.version}) from ${rel(target)}`] };
  const findings = [];
  for (const run of doc.runs) {
    for (const res of run.results ?? []) {
      const loc = res.locations?.[0]?.physicalLocation;
      const uri = String(loc?.artifactLocation?.uri ?? '');
      const global = uri === '' || uri === 'file:///' || uri.endsWith('N/A');
      const file = global ? GLOBAL : mapFile(path.resolve(target, uri.replace(/^file:\/\//, '')));
      findings.push({ ruleId: String(res.ruleId), file, line: global ? 0 : (loc?.region?.startLine ?? 0), level: res.level, message: res.message?.text ?? '' });
    }
  }
  return { findings, problems };
}

function isAllowed(finding, allowlist) {
  return allowlist.some((e) => e.ruleId === finding.ruleId && (e.file === undefined || e.file === finding.file));
}

/**
 * The tree the scanner sees, so its global checks (navigation limits, permission handler, CSP) judge the
 * whole app at once: copies of src-main/app and src-preload, the renderer's index.html (its <meta> CSP),
 * and the probe — mainWindowOptions() evaluated and written as the literal a scanner can read.
 */
async function stageApp(work) {
  const tree = path.join(work, 'app');
  for (const dir of ['src-main/app', 'src-preload']) fs.cpSync(path.join(ROOT, dir), path.join(tree, dir), { recursive: true });
  fs.mkdirSync(path.join(tree, 'src-renderer'), { recursive: true });
  fs.copyFileSync(path.join(ROOT, 'src-renderer/index.html'), path.join(tree, 'src-renderer/index.html'));
  const { tsImport } = await import('tsx/esm/api');
  const mod = await tsImport(pathToFileURL(path.join(ROOT, 'src-main/app/window-options.ts')).href, import.meta.url);
  const options = mod.mainWindowOptions({ preload: '/app/out/preload/index.cjs', devTools: false });
  fs.mkdirSync(path.join(tree, 'probe'));
  fs.writeFileSync(
    path.join(tree, 'probe/main-window.probe.js'),
    `// generated from src-main/app/window-options.ts by scripts/electronegativity-gate.mjs\nconst { BrowserWindow } = require('electron');\nconst win = new BrowserWindow(${JSON.stringify(options, null, 2)});\nmodule.exports = win;\n`,
  );
  const mapFile = (f) => {
    const inTree = path.relative(tree, f).split(path.sep).join('/');
    return inTree.startsWith('probe/') ? PROBE_LABEL : inTree;
  };
  return { tree, mapFile };
}

const BAD_SAMPLE = `const { app, BrowserWindow } = require('electron');
app.whenReady().then(() => {
  const win = new BrowserWindow({
    width: 800,
    height: 600,
    // no sandbox key (the default is off): with an explicit sandbox: false the scanner skips nodeIntegration
    webPreferences: { nodeIntegration: true, contextIsolation: false, webSecurity: false },
  });
  win.loadURL('http://example.com/');
});
`;

function report(title, findings, allowlist, problems) {
  const bad = findings.filter((f) => !isAllowed(f, allowlist));
  const ok = findings.length - bad.length;
  for (const p of problems) console.log(`  ✗ ${p}`);
  const where = (f) => `${f.file}${f.line ? `:${f.line}` : ''}`;
  for (const f of findings.filter((x) => isAllowed(x, allowlist))) console.log(`  · allowlisted ${f.ruleId}  ${where(f)}`);
  for (const f of bad) console.log(`  ✗ ${f.ruleId}  ${where(f)}  (${f.level}) ${f.message}`);
  console.log(
    `${title}: ${findings.length} finding(s), ${ok} allowlisted, ${bad.length} not allowlisted${problems.length ? `, ${problems.length} problem(s)` : ''}`,
  );
  return { bad, pass: bad.length === 0 && problems.length === 0 };
}

/** Returns true when the gate correctly FAILS on the bad sample. */
function selfTest(work, allowlist, online) {
  const dir = path.join(work, 'bad-sample');
  fs.mkdirSync(dir);
  fs.writeFileSync(path.join(dir, 'main.js'), BAD_SAMPLE);
  const { findings, problems } = scan(dir, work, { online });
  const { bad, pass } = report('self-test (bad sample, must fail)', findings, allowlist, problems);
  const missing = SELF_TEST_EXPECTED.filter((id) => !bad.some((f) => f.ruleId === id));
  if (problems.length) console.log('self-test: FAILED — the scanner did not run cleanly on the bad sample');
  else if (pass) console.log('self-test: FAILED — the gate passed a window with nodeIntegration on and isolation off');
  else if (missing.length) console.log(`self-test: FAILED — expected but not reported (or allowlisted): ${missing.join(', ')}`);
  else {
    console.log('self-test: ok — the gate fails on the bad sample');
    return true;
  }
  return false;
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const allowlist = loadAllowlist(opts.allowlist);
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'eng-gate-'));
  try {
    if (opts.inputs.length) {
      const all = opts.inputs.map((dir) => scan(dir, work, { online: opts.online }));
      const { pass } = report(
        'electronegativity',
        all.flatMap((r) => r.findings),
        allowlist,
        all.flatMap((r) => r.problems),
      );
      return pass ? 0 : 1;
    }
    const selfOk = selfTest(work, allowlist, opts.online);
    if (opts.selfTestOnly) return selfOk ? 0 : 1;

    const { tree, mapFile } = await stageApp(work);
    const { findings, problems } = scan(tree, work, { online: opts.online, mapFile });
    const { pass } = report('electronegativity (src-main/app, src-preload, src-renderer/index.html, window options)', findings, allowlist, problems);
    // An entry that no longer matches anything silently widens the gate: remove it.
    const stale = allowlist.filter((e) => !findings.some((f) => f.ruleId === e.ruleId && (e.file === undefined || e.file === f.file)));
    for (const e of stale) console.log(`  ✗ stale allowlist entry (matches nothing; remove it): ${e.ruleId}${e.file ? ` ${e.file}` : ''}`);
    const ok = selfOk && pass && stale.length === 0;
    console.log(ok ? 'security gate: PASS' : 'security gate: FAIL');
    return ok ? 0 : 1;
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

main().then(
  (code) => process.exit(code),
  (e) => {
    console.error(`security gate: ERROR — ${e instanceof Error ? e.message : String(e)}`);
    process.exit(1);
  },
);
