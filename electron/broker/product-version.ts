import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Warren's own version, shown as the product version in the management API.
 * The broker runs from sources, from dist/ and from a packaged app, so the
 * package.json is found by walking up rather than by a fixed relative path.
 * BROKER_VERSION stays the RabbitMQ version it is compatible with.
 */
function findWarrenVersion(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    try {
      const pkg = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as { name?: unknown; version?: unknown };
      if (pkg.name === 'warren' && typeof pkg.version === 'string') return pkg.version;
    } catch {
      // No package.json here, or not ours: keep walking up.
    }
    const parent = path.dirname(dir);
    if (parent === dir) return 'unknown';
    dir = parent;
  }
}

export const WARREN_VERSION = findWarrenVersion();
