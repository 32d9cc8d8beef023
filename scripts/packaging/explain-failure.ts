const NETWORK = /\b(ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT|ENETUNREACH|socket hang up)\b/;

/**
 * One line saying why `electron-builder` failed, when the cause is the usual
 * one on a machine without internet: it downloads the Electron (and, for some
 * targets, tool) archives from GitHub before packaging. Null for any other
 * failure, whose own output is then the explanation.
 */
export function explainDistFailure(output: string, electronVersion: string): string | null {
  const network = NETWORK.exec(output);
  if (!network) return null;
  const host = /(?:ENOTFOUND|EAI_AGAIN)\s+([a-z0-9.-]+)/.exec(output)?.[1] ?? 'GitHub';
  return (
    `npm run dist: electron-builder could not download Electron ${electronVersion} (${network[1]} reaching ${host}). ` +
    'Packages are built on a machine that can reach github.com (or set ELECTRON_MIRROR / electron_config_cache to a local copy). ' +
    'Here, `npm run dist:check` validates the packaging configuration and the packaged file list without the Electron binary.'
  );
}
