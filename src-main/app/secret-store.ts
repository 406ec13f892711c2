import { safeStorage } from 'electron';
import { plainSecretStore, type SecretStore } from '../sync/upstream.service';

/**
 * The upstream secret sealed with the OS keychain (DPAPI on Windows, libsecret/kwallet on Linux) through
 * Electron safeStorage. Where the OS offers nothing better than a hard-coded key (Linux 'basic_text'),
 * or encryption is unavailable, it falls back to the plain store and the settings screen shows "未加密".
 */
export function electronSecretStore(): SecretStore {
  const usable = safeStorage.isEncryptionAvailable() && (process.platform !== 'linux' || safeStorage.getSelectedStorageBackend() !== 'basic_text');
  if (!usable) return plainSecretStore;
  return {
    encrypted: true,
    seal: (plain) => `safe:${safeStorage.encryptString(plain).toString('base64')}`,
    open: (sealed) => (sealed.startsWith('safe:') ? safeStorage.decryptString(Buffer.from(sealed.slice(5), 'base64')) : plainSecretStore.open(sealed)),
  };
}
