import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { APP_VERSION, packageVersion } from '../../src-main/lib/version';
import { openTestCore } from '../support/core';

/**
 * The version the status reports is the app's own, wherever the code runs from: the source tree, a built entry in
 * out/main/, or a bundle chunk in out/main/chunks/ (where the core sits in a build, and where a path fixed for one
 * depth found no package.json, so every built version reported 0.0.0).
 */
const ours = (JSON.parse(fs.readFileSync(path.resolve('package.json'), 'utf8')) as { version: string }).version;

describe('the app version', () => {
  it('system.status reports the version in package.json', async () => {
    expect(APP_VERSION).toBe(ours);
    const t = await openTestCore();
    expect(await t.call('system.status', {})).toMatchObject({ version: ours });
  });

  it('is found from a built entry, from a chunk one folder down and from a packaged app, past a package.json not ours', () => {
    const app = fs.mkdtempSync(path.join(os.tmpdir(), 'lobbydesk-app-'));
    fs.writeFileSync(path.join(app, 'package.json'), JSON.stringify({ name: 'lobbydesk', version: '9.8.7' }));
    fs.mkdirSync(path.join(app, 'out', 'main', 'chunks'), { recursive: true });
    fs.writeFileSync(path.join(app, 'out', 'package.json'), JSON.stringify({ name: 'something-else', version: '1.0.0' }));
    expect(packageVersion(pathToFileURL(path.join(app, 'out', 'main', 'host.js')).href)).toBe('9.8.7');
    expect(packageVersion(pathToFileURL(path.join(app, 'out', 'main', 'chunks', 'core-abc123.js')).href)).toBe('9.8.7');
    expect(packageVersion(pathToFileURL(path.join(os.tmpdir(), 'lobbydesk-nowhere', 'x.js')).href)).toBeNull();
    fs.rmSync(app, { recursive: true, force: true });
  });
});
