import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../lib/errors';

/**
 * Whole identity document numbers, where the property's setting asks for them, are kept sealed: AES-256-GCM
 * under a key in `<dataDir>/visitor-documents.key` (created on first use, mode 0600, never in the backups
 * folder). The store and its backups then hold only ciphertext; the last four characters are kept in clear for
 * matching and display. The retention job erases the sealed value with the rest.
 */
export interface DocumentSeal {
  seal(plain: string): string;
  open(sealed: string): string;
}

export const DOCUMENT_KEY_FILE = 'visitor-documents.key';
const PREFIX = 'vd1:';
const AAD = Buffer.from('lobbydesk:visitor-document:v1');
const HEADER = 'LobbyDesk visitor document key v1 - keep on this PC only; without it recorded document numbers cannot be read.';

const keyId = (key: Buffer) => createHash('sha256').update(key).digest('hex').slice(0, 12);

function readKey(file: string): Buffer | null {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new AppError('CONFLICT', `证件号密钥文件 ${DOCUMENT_KEY_FILE} 无法读取：请检查数据目录的权限。`);
  }
  const m = /^[^\n]*\n([A-Za-z0-9+/]{43}=)\s*$/.exec(text);
  if (!m) throw new AppError('CONFLICT', `证件号密钥文件 ${DOCUMENT_KEY_FILE} 已损坏：已登记的完整证件号无法查看，请联系管理员。`);
  return Buffer.from(m[1] as string, 'base64');
}

function createKey(file: string): Buffer {
  const key = randomBytes(32);
  try {
    const fd = fs.openSync(file, 'wx', 0o600);
    try {
      fs.writeSync(fd, `${HEADER}\n${key.toString('base64')}\n`);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    return key;
  } catch (e) {
    const again = (e as NodeJS.ErrnoException).code === 'EEXIST' ? readKey(file) : null;
    if (again) return again;
    throw new AppError('CONFLICT', `无法保存证件号：数据目录里的密钥文件 ${DOCUMENT_KEY_FILE} 无法写入。请检查数据目录的权限后重试。`);
  }
}

/** Seals with a key file in the data folder (see above). */
export function keyFileDocumentSeal(dataDir: string): DocumentSeal {
  const file = path.join(dataDir, DOCUMENT_KEY_FILE);
  return {
    seal(plain) {
      const key = readKey(file) ?? createKey(file);
      const iv = randomBytes(12);
      const c = createCipheriv('aes-256-gcm', key, iv);
      c.setAAD(AAD);
      const body = Buffer.concat([c.update(plain, 'utf8'), c.final()]);
      return `${PREFIX}${keyId(key)}:${Buffer.concat([iv, c.getAuthTag(), body]).toString('base64')}`;
    },
    open(sealed) {
      const [id, blob] = sealed.startsWith(PREFIX) ? sealed.slice(PREFIX.length).split(':') : [];
      const key = readKey(file);
      if (!key || keyId(key) !== id)
        throw new AppError('CONFLICT', `完整证件号无法查看：数据目录里的密钥文件 ${DOCUMENT_KEY_FILE} 不见了或不是登记时的那一个（例如只恢复了数据库备份）。`);
      try {
        const raw = Buffer.from(blob ?? '', 'base64');
        const d = createDecipheriv('aes-256-gcm', key, raw.subarray(0, 12));
        d.setAAD(AAD);
        d.setAuthTag(raw.subarray(12, 28));
        return Buffer.concat([d.update(raw.subarray(28)), d.final()]).toString('utf8');
      } catch {
        throw new AppError('CONFLICT', '完整证件号无法查看：保存的密文已损坏。');
      }
    },
  };
}
