/** A queue to browse, as the Consume view's address names it. */
export type BrowseLocation = { vhost: string; queue: string };

/** `#/consume/browse/<vhost>/<queue>`, both percent-encoded: the queue page's "Get messages…" opens it. */
export const browseHref = (vhost: string, queue: string): string => `#/consume/browse/${encodeURIComponent(vhost)}/${encodeURIComponent(queue)}`;

/** The queue a browse address names; null for the plain Consume view or a malformed address. */
export function browseFromHash(hash: string): BrowseLocation | null {
  const match = /^#\/?consume\/browse\/([^/]*)\/([^/]+)$/.exec(hash);
  if (!match) return null;
  try {
    return { vhost: decodeURIComponent(match[1] as string), queue: decodeURIComponent(match[2] as string) };
  } catch {
    return null;
  }
}
