import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Password hashes in RabbitMQ's formats (rabbit_password.erl and the
 * rabbit_password_hashing_* modules): base64(salt ++ H(salt ++ utf8(password)))
 * with a 4-byte random salt. Hashes exported from RabbitMQ definitions can
 * be imported as they are and verified against the original passwords.
 */
export type HashingAlgorithm =
  | 'rabbit_password_hashing_sha256'
  | 'rabbit_password_hashing_sha512'
  | 'rabbit_password_hashing_md5';

/** RabbitMQ's default since 3.6. */
export const DEFAULT_HASHING_ALGORITHM: HashingAlgorithm = 'rabbit_password_hashing_sha256';

/**
 * Definitions written before 3.6 carry no hashing_algorithm; RabbitMQ reads
 * such hashes as MD5 (rabbit_auth_backend_internal's legacy default).
 */
export const LEGACY_HASHING_ALGORITHM: HashingAlgorithm = 'rabbit_password_hashing_md5';

const DIGEST: Record<HashingAlgorithm, string> = {
  rabbit_password_hashing_sha256: 'sha256',
  rabbit_password_hashing_sha512: 'sha512',
  rabbit_password_hashing_md5: 'md5',
};

const SALT_BYTES = 4;

export function isHashingAlgorithm(value: string): value is HashingAlgorithm {
  return Object.prototype.hasOwnProperty.call(DIGEST, value);
}

function digest(algorithm: HashingAlgorithm, salt: Buffer, password: string): Buffer {
  return createHash(DIGEST[algorithm]).update(salt).update(Buffer.from(password, 'utf8')).digest();
}

/** A fresh salted hash; `salt` is for tests that need a fixed output. */
export function hashPassword(
  password: string,
  algorithm: HashingAlgorithm = DEFAULT_HASHING_ALGORITHM,
  salt: Buffer = randomBytes(SALT_BYTES),
): string {
  if (salt.length !== SALT_BYTES) throw new Error(`salt must be ${SALT_BYTES} bytes`);
  return Buffer.concat([salt, digest(algorithm, salt, password)]).toString('base64');
}

/**
 * Whether `password` matches `passwordHash`. An empty hash (a user created
 * without a password) never matches, as in RabbitMQ.
 */
export function verifyPassword(password: string, passwordHash: string, algorithm: HashingAlgorithm): boolean {
  if (passwordHash === '') return false;
  const stored = Buffer.from(passwordHash, 'base64');
  if (stored.length <= SALT_BYTES) return false;
  const salt = stored.subarray(0, SALT_BYTES);
  const expected = stored.subarray(SALT_BYTES);
  const actual = digest(algorithm, salt, password);
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}
