import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { udevRule } from '../../src-main/devices/card-reader/diagnostics';

/**
 * The installer is how the app reaches a lobby PC. Building it needs the Electron download (and, for Windows, a
 * Windows machine or CI runner), so here we check what can be checked without it: electron-builder accepts the
 * configuration, the native modules stay outside the asar, both targets are there, and the resources it names exist.
 */
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const require = createRequire(import.meta.url);

interface BuilderConfig {
  asar: boolean;
  asarUnpack: string[];
  files: string[];
  win: { target: { target: string; arch: string[] }[]; icon: string };
  linux: { target: { target: string; arch: string[] }[]; icon: string };
  extraResources: { from: string; to: string }[];
}

const config = JSON.parse(fs.readFileSync(path.join(ROOT, 'electron-builder.json'), 'utf8')) as BuilderConfig;

describe('the installer configuration', () => {
  it("passes electron-builder's own validation", async () => {
    const { validateConfiguration } = require('app-builder-lib/out/util/config/config') as { validateConfiguration: (c: unknown, l: unknown) => Promise<void> };
    const { DebugLogger } = require('builder-util') as { DebugLogger: new (enabled: boolean) => unknown };
    await expect(validateConfiguration(structuredClone(config), new DebugLogger(false))).resolves.toBeUndefined();
  });

  it('packs an asar with the native modules unpacked', () => {
    expect(config.asar).toBe(true);
    for (const mod of ['better-sqlite3', 'node-hid']) expect(config.asarUnpack.some((g) => g.includes(`node_modules/${mod}/`))).toBe(true);
    expect(config.files).toContain('out/**/*');
  });

  it('builds a Windows NSIS x64 installer and a Linux AppImage and deb', () => {
    expect(config.win.target).toEqual([{ target: 'nsis', arch: ['x64'] }]);
    expect(config.linux.target.map((t) => t.target).sort()).toEqual(['AppImage', 'deb']);
  });

  it('has the icons it names: a 512×512 PNG and an ICO with a 256 px image', () => {
    const png = fs.readFileSync(path.join(ROOT, config.linux.icon));
    expect(png.subarray(1, 4).toString('ascii')).toBe('PNG');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([512, 512]);
    const ico = fs.readFileSync(path.join(ROOT, config.win.icon));
    expect(ico.readUInt16LE(2)).toBe(1);
    const sizes = Array.from({ length: ico.readUInt16LE(4) }, (_, i) => ico.readUInt8(6 + 16 * i) || 256);
    expect(sizes).toContain(256);
    expect(sizes).toContain(16);
  });

  it('ships the udev rules, with the same card-reader rule the diagnostics screen shows', () => {
    for (const r of config.extraResources) expect(fs.existsSync(path.join(ROOT, r.from)), r.from).toBe(true);
    const rules = fs.readFileSync(path.join(ROOT, 'resources/linux/99-lobbydesk.rules'), 'utf8');
    expect(rules).toContain(udevRule(0xffff, 0x0035).trim());
    expect(rules).toMatch(/KERNEL=="lp\[0-9\]\*"/);
  });
});
