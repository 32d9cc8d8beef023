import type { SecretBox } from '../backend/types.js';

/** The parts of Electron's safeStorage used here. */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  encryptString(plain: string): Buffer;
  decryptString(cipher: Buffer): string;
  getSelectedStorageBackend?(): string;
}

/**
 * Profile passwords encrypted with the OS keychain (Keychain, DPAPI,
 * libsecret/kwallet). Null when the OS offers none, or only Chromium's
 * hard-coded "basic_text" key on Linux, which would be encryption in name only;
 * the backend then relies on the 0600 file mode, as in web mode.
 */
export function safeStorageSecretBox(safeStorage: SafeStorageLike, platform: string = process.platform): SecretBox | null {
  if (!safeStorage.isEncryptionAvailable()) return null;
  const backend = platform === 'linux' ? (safeStorage.getSelectedStorageBackend?.() ?? 'unknown') : platform;
  if (backend === 'basic_text') return null;
  return {
    kind: `safeStorage (${backend})`,
    encrypt: (plain) => safeStorage.encryptString(plain).toString('base64'),
    decrypt: (cipher) => safeStorage.decryptString(Buffer.from(cipher, 'base64')),
  };
}
