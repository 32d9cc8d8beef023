import { readFile } from 'node:fs/promises';
import type { TlsOptions } from '../../../shared/model/profile.js';

/** The TLS options of a profile turned into what Node's tls module takes. */
export interface TlsMaterial {
  ca?: Buffer;
  cert?: Buffer;
  key?: Buffer;
  rejectUnauthorized: boolean;
}

/** A TLS file the profile names but that cannot be read: reported as a TLS problem with the path. */
export class TlsFileError extends Error {
  readonly path: string;
  constructor(what: string, path: string, cause: unknown) {
    const reason = (cause as NodeJS.ErrnoException).code === 'ENOENT' ? 'does not exist' : 'cannot be read';
    super(`The ${what} file ${path} ${reason}`);
    this.name = 'TlsFileError';
    this.path = path;
  }
}

async function load(what: string, path: string | undefined): Promise<Buffer | undefined> {
  if (!path) return undefined;
  try {
    return await readFile(path);
  } catch (err) {
    throw new TlsFileError(what, path, err);
  }
}

export async function loadTlsMaterial(tls: TlsOptions): Promise<TlsMaterial> {
  const [ca, cert, key] = await Promise.all([
    load('CA certificate', tls.caFile),
    load('client certificate', tls.certFile),
    load('client key', tls.keyFile),
  ]);
  const material: TlsMaterial = { rejectUnauthorized: !tls.skipVerify };
  if (ca) material.ca = ca;
  if (cert) material.cert = cert;
  if (key) material.key = key;
  return material;
}
