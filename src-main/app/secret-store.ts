import { safeStorage } from 'electron';
import { keyFileSecretStore, SecretUnreadable, type SecretStore } from '../lib/sealed-secret';

/**
 * The upstream secret sealed with the OS keychain (DPAPI on Windows, Keychain on macOS, libsecret/kwallet on
 * Linux) through Electron safeStorage. Where the OS offers nothing better than a hard-coded key (Linux
 * 'basic_text'), or encryption is unavailable, the key file in the data folder seals it instead. Secrets the
 * browser host sealed with the key file stay readable here (both open the same data folder), and are left
 * in that form so the browser host can still read them.
 */
export function electronSecretStore(dataDir: string): SecretStore {
  const keyFile = keyFileSecretStore(dataDir);
  const usable = safeStorage.isEncryptionAvailable() && (process.platform !== 'linux' || safeStorage.getSelectedStorageBackend() !== 'basic_text');
  if (!usable) return keyFile;
  return {
    protection: 'keychain',
    seal: (plain) => `safe:${safeStorage.encryptString(plain).toString('base64')}`,
    open: (sealed) => {
      if (!sealed.startsWith('safe:')) return keyFile.open(sealed);
      try {
        return safeStorage.decryptString(Buffer.from(sealed.slice(5), 'base64'));
      } catch {
        throw new SecretUnreadable(
          '上报密钥无法用系统钥匙串解开（换了电脑或系统账户，或钥匙串不可用）。上报已暂停：请管理员在「上报设置」中重新填写总部提供的密钥。',
        );
      }
    },
  };
}
