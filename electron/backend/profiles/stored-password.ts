import { z } from 'zod';
import type { SecretBox } from '../types.js';

/**
 * A password at rest. `encrypted` was sealed by a SecretBox (Electron's
 * safeStorage); `plain` relies on the profiles file being 0600 (web mode,
 * where no OS keychain is reachable).
 */
export const StoredPassword = z.discriminatedUnion('storage', [
  z.object({ storage: z.literal('encrypted'), box: z.string(), value: z.string() }),
  z.object({ storage: z.literal('plain'), value: z.string() }),
]);
export type StoredPassword = z.infer<typeof StoredPassword>;

export function sealPassword(plain: string, box: SecretBox | undefined): StoredPassword {
  return box ? { storage: 'encrypted', box: box.kind, value: box.encrypt(plain) } : { storage: 'plain', value: plain };
}

export type OpenedPassword = { ok: true; password: string } | { ok: false; reason: string };

export function openPassword(stored: StoredPassword, box: SecretBox | undefined): OpenedPassword {
  if (stored.storage === 'plain') return { ok: true, password: stored.value };
  if (!box) {
    return {
      ok: false,
      reason: 'The saved password was encrypted by the desktop app and cannot be read in web mode: enter it again in the profile.',
    };
  }
  try {
    return { ok: true, password: box.decrypt(stored.value) };
  } catch {
    return { ok: false, reason: `The saved password cannot be decrypted with ${box.kind}: enter it again in the profile.` };
  }
}
