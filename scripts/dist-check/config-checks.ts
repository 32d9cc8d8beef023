import path from 'node:path';
import { APP_ID } from '../../electron/main/app-identity.js';
import { decodeIcns, ICNS_TYPES } from '../icons/icns.js';
import { decodeIco } from '../icons/ico.js';
import { readPngInfo } from '../icons/png-info.js';
import { ICO_SIZES, ICON_SIZES } from '../icons/sizes.js';
import { parsePlist } from './plist.js';
import type { Tree } from './tree.js';

/** The fields of build/electron-builder.json these checks read. */
export interface BuilderConfig {
  appId?: string;
  productName?: string;
  files?: string[];
  asar?: boolean;
  asarUnpack?: string[];
  electronFuses?: Record<string, boolean>;
  fileAssociations?: { ext?: string | string[]; name?: string }[];
  protocols?: { schemes?: string[] }[];
  linux?: { target?: string[]; icon?: string; category?: string };
  mac?: { target?: string[]; icon?: string; hardenedRuntime?: boolean; entitlements?: string; entitlementsInherit?: string };
  win?: { target?: string[]; icon?: string };
}

/**
 * What electron-builder's schema cannot say: the fields Warren needs are set,
 * each platform builds the installers the README promises, and every file the
 * configuration names exists and is what it claims (icons of the right sizes,
 * a parseable entitlements list). Returns the problems, empty when all is well.
 */
export function checkConfig(config: BuilderConfig, tree: Tree): string[] {
  const problems: string[] = [];
  const need = (ok: boolean, problem: string) => {
    if (!ok) problems.push(problem);
  };
  need(typeof config.appId === 'string' && /^[a-z][a-z0-9-]*(\.[a-z][a-z0-9-]*){2,}$/.test(config.appId), `appId "${config.appId ?? ''}" is not a reverse-DNS identifier like dev.warren.console`);
  need(config.appId === APP_ID, `appId "${config.appId ?? ''}" differs from the one the app gives Windows (electron/main/app-identity.ts: ${APP_ID})`);
  need(config.productName === 'Warren', `productName is "${config.productName ?? ''}", not "Warren"`);
  need(config.asar === true, 'asar is not on: the app would ship as loose files');
  // Fuses flipped in the binary itself: no running it as plain Node, no NODE_OPTIONS or --inspect
  // to inject code into a signed app, the app only from its archive, and no file:// page
  // privileges (the renderer is served as warren-app://).
  for (const [fuse, value] of [
    ['runAsNode', false],
    ['enableNodeOptionsEnvironmentVariable', false],
    ['enableNodeCliInspectArguments', false],
    ['onlyLoadAppFromAsar', true],
    ['grantFileProtocolExtraPrivileges', false],
  ] as const) {
    need(config.electronFuses?.[fuse] === value, `electronFuses.${fuse} is not ${value}`);
  }
  for (const [platform, targets] of [
    ['linux', ['AppImage', 'deb']],
    ['mac', ['dmg']],
    ['win', ['nsis']],
  ] as const) {
    const have = config[platform]?.target ?? [];
    for (const target of targets) need(have.includes(target), `${platform}.target lacks ${target}`);
  }
  const associations = config.fileAssociations ?? [];
  need(
    associations.some((a) => (Array.isArray(a.ext) ? a.ext : [a.ext]).includes('json')),
    'no file association for .json (definitions import)',
  );
  need((config.protocols ?? []).some((p) => p.schemes?.includes('warren')), 'no warren:// protocol for profile links');
  need(tree.read('build/icon.svg') !== null, 'build/icon.svg, the source of every icon, is missing');

  problems.push(...checkLinuxIcons(config.linux?.icon, tree));
  problems.push(...checkFile(config.win?.icon, 'win.icon', tree, (data) => {
    const sizes = decodeIco(data).map((image) => image.width);
    const lacking = ICO_SIZES.filter((size) => !sizes.includes(size));
    return lacking.length > 0 ? [`win.icon lacks the ${lacking.join(', ')} px images`] : [];
  }));
  problems.push(...checkFile(config.mac?.icon, 'mac.icon', tree, (data) => {
    const types = decodeIcns(data);
    const lacking = ICNS_TYPES.filter((t) => !types.has(t.type)).map((t) => t.type);
    return lacking.length > 0 ? [`mac.icon lacks ${lacking.join(', ')}`] : [];
  }));
  need(config.mac?.hardenedRuntime === true, 'mac.hardenedRuntime is off: notarization requires it');
  for (const key of ['entitlements', 'entitlementsInherit'] as const) {
    problems.push(...checkFile(config.mac?.[key], `mac.${key}`, tree, (data) => {
      const plist = parsePlist(data.toString('utf8'));
      // Without it V8 cannot JIT under the hardened runtime and the app (and the broker's utility process) crashes at start.
      return plist['com.apple.security.cs.allow-jit'] === true ? [] : [`mac.${key} does not grant com.apple.security.cs.allow-jit`];
    }));
  }
  return problems;
}

function checkFile(file: string | undefined, field: string, tree: Tree, check: (data: Buffer) => string[]): string[] {
  if (!file) return [`${field} is not set`];
  const data = tree.read(file);
  if (data === null) return [`${field}: ${file} does not exist`];
  try {
    return check(data);
  } catch (err) {
    return [`${field}: ${file}: ${err instanceof Error ? err.message : String(err)}`];
  }
}

/** Linux takes a folder of <n>x<n>.png files; each must be an RGBA PNG of exactly that size. */
function checkLinuxIcons(folder: string | undefined, tree: Tree): string[] {
  if (!folder) return ['linux.icon is not set'];
  const problems: string[] = [];
  for (const size of ICON_SIZES) {
    const file = path.posix.join(folder, `${size}x${size}.png`);
    problems.push(...checkFile(file, 'linux.icon', tree, (data) => {
      const info = readPngInfo(data);
      if (info.width !== size || info.height !== size) return [`${file} is ${info.width}×${info.height}`];
      return info.colorType === 6 ? [] : [`${file} has no alpha channel (PNG colour type ${info.colorType})`];
    }));
  }
  return problems;
}
