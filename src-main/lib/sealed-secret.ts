import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from './errors';

/**
 * The upstream secret at rest. The settings table holds only a sealed form, tagged by how it was sealed:
 *   safe:…  Electron safeStorage (the OS keychain: DPAPI, Keychain, libsecret/kwallet)
 *   kf1:…   AES-256-GCM with a key kept in a file next to the database (upstream.key, mode 0600)
 *   plain:… base64 only (written by earlier versions; sealed on first read wherever a key is available)
 * A copy of the database alone (a backup) therefore holds no usable secret unless it is plain.
 */

export const KEY_FILE = 'upstream.key';
const KEY_FILE_PREFIX = 'kf1:';

/** How the stored secret is protected, as the settings screen names it. */
export type SecretProtection = 'keychain' | 'keyFile' | 'none';

export interface SecretStore {
  /** The protection a secret saved now gets. */
  readonly protection: SecretProtection;
  seal(plain: string): string;
  /** The secret, or throws SecretUnreadable with a message that says why and what to do. */
  open(sealed: string): string;
}

/** A stored secret this store cannot open; the message is for the supervisor (Chinese, with the next step). */
export class SecretUnreadable extends Error {}

export function protectionOf(sealed: string): SecretProtection {
  if (sealed.startsWith('safe:')) return 'keychain';
  if (sealed.startsWith(KEY_FILE_PREFIX)) return 'keyFile';
  return 'none';
}

const REENTER = '上报已暂停：请管理员在「上报设置」中重新填写总部提供的密钥。';

function openPlain(sealed: string): string {
  if (sealed.startsWith('plain:')) return Buffer.from(sealed.slice(6), 'base64').toString('utf8');
  if (sealed.startsWith('safe:')) throw new SecretUnreadable(`上报密钥是用桌面版的系统钥匙串加密保存的，这里无法读取。${REENTER}`);
  throw new SecretUnreadable(`上报密钥的保存格式无法识别。${REENTER}`);
}

/** Where there is no key to seal with: base64 only (the settings screen says 未加密). */
export const plainSecretStore: SecretStore = {
  protection: 'none',
  seal: (plain) => `plain:${Buffer.from(plain, 'utf8').toString('base64')}`,
  open: (sealed) => {
    if (sealed.startsWith(KEY_FILE_PREFIX)) throw new SecretUnreadable(`上报密钥是用密钥文件加密保存的，这里没有密钥文件可用。${REENTER}`);
    return openPlain(sealed);
  },
};

// ——— key file ———

const KEY_HEADER = 'LobbyDesk upstream key v1 - keep on this PC only; without it the stored upstream secret cannot be read.';
/** Binds a sealed value to its purpose: the same key sealing something else gives a value this refuses. */
const AAD = Buffer.from('lobbydesk:upstream-secret:v1');

const keyId = (key: Buffer) => createHash('sha256').update(key).digest('hex').slice(0, 12);

type KeyRead = { key: Buffer } | { missing: true } | { broken: string };

function readKey(file: string): KeyRead {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { missing: true };
    return { broken: `无法读取（${(e as NodeJS.ErrnoException).code ?? '未知错误'}）` };
  }
  const m = /^[^\n]*\n([A-Za-z0-9+/]{43}=)\s*$/.exec(text);
  if (!m) return { broken: '内容已损坏' };
  if (process.platform !== 'win32') {
    // a copy restored with looser rights: take them back (best effort)
    try {
      if ((fs.statSync(file).mode & 0o077) !== 0) fs.chmodSync(file, 0o600);
    } catch {
      /* reading still works */
    }
  }
  return { key: Buffer.from(m[1] as string, 'base64') };
}

/** A new key, written once (never over an existing file) and readable by this user only. */
function createKey(file: string): Buffer {
  const key = randomBytes(32);
  const fd = fs.openSync(file, 'wx', 0o600);
  try {
    fs.writeSync(fd, `${KEY_HEADER}\n${key.toString('base64')}\n`);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  return key;
}

function keyForSealing(file: string): Buffer {
  const read = readKey(file);
  if ('key' in read) return read.key;
  try {
    // a damaged key file cannot open anything any more: keep it aside for the record and start a new one
    if ('broken' in read) fs.renameSync(file, `${file}.damaged-${Date.now()}`);
    return createKey(file);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') {
      const again = readKey(file); // another process wrote it first
      if ('key' in again) return again.key;
    }
    throw new AppError(
      'CONFLICT',
      `无法保存上报密钥：数据目录里的密钥文件 ${KEY_FILE} 无法写入（${(e as NodeJS.ErrnoException).code ?? '未知错误'}）。请检查数据目录的权限后重试。`,
    );
  }
}

/**
 * Seals with AES-256-GCM under a key kept in `<dataDir>/upstream.key` (created on first use, mode 0600).
 * The database and its backups then hold only ciphertext; the key file stays on this PC.
 */
export function keyFileSecretStore(dataDir: string): SecretStore {
  const file = path.join(dataDir, KEY_FILE);
  return {
    protection: 'keyFile',
    seal(plain) {
      const key = keyForSealing(file);
      const iv = randomBytes(12);
      const c = createCipheriv('aes-256-gcm', key, iv);
      c.setAAD(AAD);
      const body = Buffer.concat([c.update(plain, 'utf8'), c.final()]);
      return `${KEY_FILE_PREFIX}${keyId(key)}:${Buffer.concat([iv, c.getAuthTag(), body]).toString('base64')}`;
    },
    open(sealed) {
      if (!sealed.startsWith(KEY_FILE_PREFIX)) return openPlain(sealed);
      const [id, blob] = sealed.slice(KEY_FILE_PREFIX.length).split(':');
      const read = readKey(file);
      if ('missing' in read)
        throw new SecretUnreadable(`上报密钥无法读取：数据目录里的密钥文件 ${KEY_FILE} 不见了（只恢复了数据库备份，或换了电脑）。${REENTER}`);
      if ('broken' in read) throw new SecretUnreadable(`上报密钥无法读取：数据目录里的密钥文件 ${KEY_FILE} ${read.broken}。${REENTER}`);
      if (keyId(read.key) !== id)
        throw new SecretUnreadable(`上报密钥无法读取：数据目录里的密钥文件 ${KEY_FILE} 不是保存密钥时的那一个（可能来自另一台电脑）。${REENTER}`);
      try {
        const raw = Buffer.from(blob ?? '', 'base64');
        const d = createDecipheriv('aes-256-gcm', read.key, raw.subarray(0, 12));
        d.setAAD(AAD);
        d.setAuthTag(raw.subarray(12, 28));
        return Buffer.concat([d.update(raw.subarray(28)), d.final()]).toString('utf8');
      } catch {
        throw new SecretUnreadable(`上报密钥无法读取：保存的密文已损坏。${REENTER}`);
      }
    },
  };
}
