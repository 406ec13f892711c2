import os from 'node:os';
import path from 'node:path';

/**
 * Where the store, backups and logs live. The Electron shell and the browser host use the same folder,
 * so both open the same counter data. LOBBYDESK_DATA_DIR overrides it (tests, a second terminal profile).
 */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (env.LOBBYDESK_DATA_DIR) return path.resolve(env.LOBBYDESK_DATA_DIR);
  const home = os.homedir();
  if (platform === 'win32') return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), 'LobbyDesk');
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', 'LobbyDesk');
  return path.join(env.XDG_CONFIG_HOME ?? path.join(home, '.config'), 'LobbyDesk');
}
