/**
 * Users, vhosts and permissions for the permission scenarios: one interface,
 * backed by the management HTTP API for RabbitMQ (httpAdmin) and by the auth
 * registry for the embedded broker (targets.ts).
 */
export interface Admin {
  createVhost(name: string): Promise<void>;
  deleteVhost(name: string): Promise<void>;
  createUser(name: string, password: string, tags?: string[]): Promise<void>;
  /** A user with a precomputed hash, as a definitions import creates it. */
  createUserWithHash(name: string, passwordHash: string, hashingAlgorithm: string, tags?: string[]): Promise<void>;
  deleteUser(name: string): Promise<void>;
  setPermissions(user: string, vhost: string, p: { configure: string; write: string; read: string }): Promise<void>;
  setTopicPermission(user: string, vhost: string, p: { exchange: string; write: string; read: string }): Promise<void>;
}

export function httpAdmin(baseUrl: string, user = 'guest', password = 'guest'): Admin {
  const auth = `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
  const call = async (method: string, path: string, body?: unknown): Promise<void> => {
    const res = await fetch(`${baseUrl.replace(/\/$/, '')}/api${path}`, {
      method,
      headers: { authorization: auth, 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    // 404 on delete: already gone, which is what cleanup wants.
    if (!res.ok && !(method === 'DELETE' && res.status === 404)) {
      throw new Error(`${method} ${path}: HTTP ${res.status} ${await res.text()}`);
    }
  };
  const e = encodeURIComponent;
  return {
    createVhost: (name) => call('PUT', `/vhosts/${e(name)}`),
    deleteVhost: (name) => call('DELETE', `/vhosts/${e(name)}`),
    createUser: (name, password, tags = []) => call('PUT', `/users/${e(name)}`, { password, tags: tags.join(',') }),
    createUserWithHash: (name, passwordHash, hashingAlgorithm, tags = []) =>
      call('PUT', `/users/${e(name)}`, { password_hash: passwordHash, hashing_algorithm: hashingAlgorithm, tags: tags.join(',') }),
    deleteUser: (name) => call('DELETE', `/users/${e(name)}`),
    setPermissions: (u, v, p) => call('PUT', `/permissions/${e(v)}/${e(u)}`, p),
    setTopicPermission: (u, v, p) => call('PUT', `/topic-permissions/${e(v)}/${e(u)}`, p),
  };
}
