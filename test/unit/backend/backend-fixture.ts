import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { SecretBox } from '../../../electron/backend/types.js';

/** A fresh data directory per test, removed afterwards. */
export async function tempDataDir(): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  const root = await mkdtemp(path.join(os.tmpdir(), 'warren-backend-'));
  const dir = path.join(root, 'data');
  return { dir, cleanup: () => rm(root, { recursive: true, force: true }) };
}

/** A reversible SecretBox that visibly changes the text, standing in for safeStorage's OS keychain. */
export const reversingBox: SecretBox = {
  kind: 'test-reverse',
  encrypt: (plain) => 'enc:' + Buffer.from(plain, 'utf8').toString('base64').split('').reverse().join(''),
  decrypt: (cipher) => {
    if (!cipher.startsWith('enc:')) throw new Error('not sealed by this box');
    return Buffer.from(cipher.slice(4).split('').reverse().join(''), 'base64').toString('utf8');
  },
};
