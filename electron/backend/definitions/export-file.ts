import { normalizeDefinitions } from '../../../shared/definitions/normalize.js';

/** Names a file as a person would: the host, the vhost when there is one, the day. */
export function exportFileName(managementUrl: string, vhost: string | null, now = new Date()): string {
  let host = 'broker';
  try {
    host = new URL(managementUrl).hostname || host;
  } catch {
    // A URL that does not parse still exports; the file is just named generically.
  }
  const safe = (s: string) => s.replace(/[^\p{L}\p{N}._-]+/gu, '-').replace(/^-+|-+$/g, '') || 'vhost';
  const scope = vhost === null ? '' : `_${vhost === '/' ? 'default-vhost' : safe(vhost)}`;
  return `definitions_${safe(host)}${scope}_${now.toISOString().slice(0, 10)}.json`;
}

export function exportText(doc: Record<string, unknown>, includeUsers: boolean): string {
  return normalizeDefinitions(doc, { includeUsers });
}
