import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const PACKAGE_NAME = 'lobbydesk';

/**
 * The app's version from its package.json, found by walking up from the calling module: the source
 * (`src-main/lib/`), a built entry (`out/main/`) and a bundle chunk (`out/main/chunks/`) sit at different
 * depths, and in a packaged app the package.json is at the root of app.asar. Null when none is found.
 */
export function packageVersion(fromUrl: string): string | null {
  let dir = path.dirname(fileURLToPath(fromUrl));
  for (let up = 0; up < 5; up++) {
    try {
      const pkg = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')) as { name?: unknown; version?: unknown };
      if (pkg.name === PACKAGE_NAME && typeof pkg.version === 'string') return pkg.version;
    } catch {
      // no package.json here (or not ours): one folder up
    }
    const parent = path.dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  return null;
}

/** The version `system.status` reports. */
export const APP_VERSION: string = packageVersion(import.meta.url) ?? '0.0.0';
