import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { electronSecretStore } from '../../src-main/app/secret-store';
import { KEY_FILE, keyFileSecretStore, plainSecretStore, protectionOf, SecretUnreadable } from '../../src-main/lib/sealed-secret';
import { tmpDir } from '../support/core';

/** Electron's safeStorage, faked: what the OS offers is set per test. */
const safe = vi.hoisted(() => ({ available: true, backend: 'gnome_libsecret', broken: false }));
vi.mock('electron', () => ({
  safeStorage: {
    isEncryptionAvailable: () => safe.available,
    getSelectedStorageBackend: () => safe.backend,
    encryptString: (s: string) => Buffer.from(`os-sealed:${s}`, 'utf8'),
    decryptString: (b: Buffer) => {
      if (safe.broken) throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
      return b.toString('utf8').replace(/^os-sealed:/, '');
    },
  },
}));

const SECRET = 'head-office-secret-0123456789abcdef';
const b64 = (s: string) => Buffer.from(s, 'utf8').toString('base64');

function unreadable(fn: () => unknown): SecretUnreadable {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(SecretUnreadable);
    return e as SecretUnreadable;
  }
  throw new Error('expected SecretUnreadable');
}

describe('upstream secret sealed with a key file', () => {
  it('seals with a key created on first use (readable by this user only); the sealed form holds neither the secret nor its base64', () => {
    const dir = tmpDir();
    const store = keyFileSecretStore(dir);
    expect(store.protection).toBe('keyFile');
    expect(fs.existsSync(path.join(dir, KEY_FILE))).toBe(false);
    const sealed = store.seal(SECRET);
    expect(protectionOf(sealed)).toBe('keyFile');
    expect(sealed).not.toContain(SECRET);
    expect(sealed).not.toContain(b64(SECRET));
    expect(sealed).not.toContain(b64(SECRET).slice(0, 20));
    const st = fs.statSync(path.join(dir, KEY_FILE));
    if (process.platform !== 'win32') expect(st.mode & 0o777).toBe(0o600);
    // the same secret sealed twice differs (fresh IV); both open, also after a restart (a new store on the folder)
    const again = store.seal(SECRET);
    expect(again).not.toBe(sealed);
    expect(keyFileSecretStore(dir).open(sealed)).toBe(SECRET);
    expect(keyFileSecretStore(dir).open(again)).toBe(SECRET);
    // the key is kept, not replaced, by later seals
    expect(fs.statSync(path.join(dir, KEY_FILE)).ino).toBe(st.ino);
  });

  it('a missing, foreign or damaged key file, or a tampered value: a clear reason and the next step, never a crash or a wrong secret', () => {
    const dir = tmpDir();
    const sealed = keyFileSecretStore(dir).seal(SECRET);
    const keyFile = path.join(dir, KEY_FILE);
    const original = fs.readFileSync(keyFile);

    fs.rmSync(keyFile);
    const missing = unreadable(() => keyFileSecretStore(dir).open(sealed));
    expect(missing.message).toContain('upstream.key 不见了');
    expect(missing.message).toContain('重新填写');

    // another PC's key file
    keyFileSecretStore(dir).seal('x'.repeat(16));
    expect(unreadable(() => keyFileSecretStore(dir).open(sealed)).message).toContain('不是保存密钥时的那一个');

    fs.writeFileSync(keyFile, 'garbage');
    expect(unreadable(() => keyFileSecretStore(dir).open(sealed)).message).toContain('损坏');

    fs.writeFileSync(keyFile, original);
    const [head, blob] = [sealed.slice(0, sealed.lastIndexOf(':') + 1), sealed.slice(sealed.lastIndexOf(':') + 1)];
    const raw = Buffer.from(blob, 'base64');
    raw[raw.length - 1] = (raw[raw.length - 1] as number) ^ 1;
    expect(unreadable(() => keyFileSecretStore(dir).open(head + raw.toString('base64'))).message).toContain('密文已损坏');
    expect(keyFileSecretStore(dir).open(sealed)).toBe(SECRET);
  });

  it('saving a secret over a damaged key file starts a new key (the damaged file is kept aside)', () => {
    const dir = tmpDir();
    fs.writeFileSync(path.join(dir, KEY_FILE), 'half a key');
    const store = keyFileSecretStore(dir);
    const sealed = store.seal(SECRET);
    expect(store.open(sealed)).toBe(SECRET);
    expect(fs.readdirSync(dir).filter((f) => f.startsWith(`${KEY_FILE}.damaged-`))).toHaveLength(1);
  });

  it('opens a plain value from an earlier version; the plain store says what it cannot open', () => {
    const legacy = `plain:${b64(SECRET)}`;
    expect(protectionOf(legacy)).toBe('none');
    expect(keyFileSecretStore(tmpDir()).open(legacy)).toBe(SECRET);
    expect(plainSecretStore.open(legacy)).toBe(SECRET);
    expect(unreadable(() => plainSecretStore.open(keyFileSecretStore(tmpDir()).seal(SECRET))).message).toContain('密钥文件');
    expect(unreadable(() => keyFileSecretStore(tmpDir()).open('safe:AAAA')).message).toContain('系统钥匙串');
    expect(protectionOf('safe:AAAA')).toBe('keychain');
  });
});

describe('upstream secret in the desktop app', () => {
  it('with an OS keychain: sealed there; a key-file value from the browser host and a plain one still open', () => {
    Object.assign(safe, { available: true, backend: 'gnome_libsecret', broken: false });
    const dir = tmpDir();
    const store = electronSecretStore(dir);
    expect(store.protection).toBe('keychain');
    const sealed = store.seal(SECRET);
    expect(protectionOf(sealed)).toBe('keychain');
    expect(store.open(sealed)).toBe(SECRET);
    expect(store.open(keyFileSecretStore(dir).seal(SECRET))).toBe(SECRET);
    expect(store.open(`plain:${b64(SECRET)}`)).toBe(SECRET);
    // another PC or OS account: the keychain cannot open it
    safe.broken = true;
    expect(unreadable(() => store.open(sealed)).message).toContain('系统钥匙串');
  });

  it('without a usable keychain (none, or Linux basic_text with its hard-coded key): the key file seals it', () => {
    Object.assign(safe, { available: false, backend: 'unknown', broken: false });
    const dir = tmpDir();
    const none = electronSecretStore(dir);
    expect(none.protection).toBe('keyFile');
    expect(protectionOf(none.seal(SECRET))).toBe('keyFile');
    expect(fs.existsSync(path.join(dir, KEY_FILE))).toBe(true);
    Object.assign(safe, { available: true, backend: 'basic_text' });
    expect(electronSecretStore(dir).protection).toBe(process.platform === 'linux' ? 'keyFile' : 'keychain');
  });
});
