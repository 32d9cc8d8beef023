import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/**
 * electron-builder's own validation of a configuration against its JSON
 * schema (the step `electron-builder` runs first), without packaging.
 * app-builder-lib is pinned through electron-builder's exact version.
 */
export async function schemaProblems(config: unknown): Promise<string[]> {
  const { validateConfiguration } = require('app-builder-lib/out/util/config/config.js') as {
    validateConfiguration(config: unknown, logger: unknown): Promise<void>;
  };
  const { DebugLogger } = require('builder-util') as { DebugLogger: new (enabled: boolean) => unknown };
  try {
    await validateConfiguration(structuredClone(config), new DebugLogger(false));
    return [];
  } catch (err) {
    return [err instanceof Error ? err.message : String(err)];
  }
}
