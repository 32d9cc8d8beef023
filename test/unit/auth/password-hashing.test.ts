import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { hashPassword, type HashingAlgorithm, verifyPassword } from '../../../electron/broker/auth/index.js';

const defs = JSON.parse(readFileSync(new URL('../../fixtures/rabbitmq-3.10/definitions.json', import.meta.url), 'utf8')) as {
  users: { name: string; password_hash: string; hashing_algorithm: HashingAlgorithm }[];
};

describe('RabbitMQ password hashes', () => {
  it("verifies guest's hash exported by RabbitMQ 3.10.8 against the password guest", () => {
    const guest = defs.users.find((u) => u.name === 'guest');
    expect(guest?.hashing_algorithm).toBe('rabbit_password_hashing_sha256');
    expect(verifyPassword('guest', guest?.password_hash ?? '', 'rabbit_password_hashing_sha256')).toBe(true);
    expect(verifyPassword('Guest', guest?.password_hash ?? '', 'rabbit_password_hashing_sha256')).toBe(false);
  });

  it.each([
    ['rabbit_password_hashing_sha256', 32],
    ['rabbit_password_hashing_sha512', 64],
    ['rabbit_password_hashing_md5', 16],
  ] as const)('%s: base64(salt4 ++ digest) of %d bytes, round trip', (algorithm, digestBytes) => {
    const hash = hashPassword('s3cret-ü', algorithm);
    expect(Buffer.from(hash, 'base64')).toHaveLength(4 + digestBytes);
    expect(verifyPassword('s3cret-ü', hash, algorithm)).toBe(true);
    expect(verifyPassword('s3cret-u', hash, algorithm)).toBe(false);
  });

  it('is deterministic for a given salt and salts differ between calls', () => {
    const salt = Buffer.from([1, 2, 3, 4]);
    expect(hashPassword('x', 'rabbit_password_hashing_sha256', salt)).toBe(hashPassword('x', 'rabbit_password_hashing_sha256', salt));
    expect(hashPassword('x')).not.toBe(hashPassword('x'));
  });

  it('never accepts an empty hash (a passwordless user)', () => {
    expect(verifyPassword('', '', 'rabbit_password_hashing_sha256')).toBe(false);
  });

  it('does not verify a hash under the wrong algorithm', () => {
    const hash = hashPassword('pw', 'rabbit_password_hashing_sha512');
    expect(verifyPassword('pw', hash, 'rabbit_password_hashing_sha256')).toBe(false);
  });
});
