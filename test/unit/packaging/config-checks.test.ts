import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { schemaProblems } from '../../../scripts/dist-check/builder-schema.js';
import { type BuilderConfig, checkConfig } from '../../../scripts/dist-check/config-checks.js';
import { folderTree } from '../../../scripts/dist-check/tree.js';
import { memoryTree } from './memory-tree.js';

const root = path.resolve(import.meta.dirname, '../../..');
const config = JSON.parse(readFileSync(path.join(root, 'build/electron-builder.json'), 'utf8')) as BuilderConfig;
const tree = folderTree(root);
const changed = (edit: (c: BuilderConfig) => void): BuilderConfig => {
  const copy = structuredClone(config);
  edit(copy);
  return copy;
};

describe('packaging configuration', () => {
  it('build/electron-builder.json passes electron-builder\'s schema and Warren\'s rules, with every icon and the entitlements in place', async () => {
    expect(await schemaProblems(config)).toEqual([]);
    expect(checkConfig(config, tree)).toEqual([]);
  }, 30_000);

  it('electron-builder\'s schema refuses an unknown option', async () => {
    const [problem] = await schemaProblems(changed((c) => Object.assign(c.linux!, { iconz: 'x' })));
    expect(problem).toContain('configuration.linux');
  }, 30_000);

  it('names each missing piece: app id, product name, fuses, targets, association, protocol, hardened runtime', () => {
    const broken = changed((c) => {
      c.appId = 'Warren';
      c.productName = 'warren';
      c.asar = false;
      c.linux!.target = ['AppImage'];
      c.win!.target = [];
      c.fileAssociations = [{ ext: 'yaml' }];
      c.protocols = [];
      c.mac!.hardenedRuntime = false;
      c.electronFuses = { ...c.electronFuses, runAsNode: true };
    });
    expect(checkConfig(broken, tree)).toEqual([
      'appId "Warren" is not a reverse-DNS identifier like dev.warren.console',
      'appId "Warren" differs from the one the app gives Windows (electron/main/app-identity.ts: dev.warren.console)',
      'productName is "warren", not "Warren"',
      'asar is not on: the app would ship as loose files',
      'electronFuses.runAsNode is not false',
      'linux.target lacks deb',
      'win.target lacks nsis',
      'no file association for .json (definitions import)',
      'no warren:// protocol for profile links',
      'mac.hardenedRuntime is off: notarization requires it',
    ]);
  });

  it('checks the icon files themselves: sizes, alpha, the .ico and .icns contents, and the entitlements', () => {
    const real = (file: string) => tree.read(file)!;
    const files: Record<string, Buffer | string> = {
      'build/icon.svg': '<svg/>',
      'build/icons/16x16.png': real('build/icons/32x32.png'),
      'build/icon.ico': real('build/icons/16x16.png'),
      'build/icon.icns': Buffer.from('icns\0\0\0\x08', 'latin1'),
      'build/entitlements.mac.plist': '<plist><dict><key>com.apple.security.cs.allow-jit</key><false/></dict></plist>',
    };
    const problems = checkConfig(changed((c) => delete c.mac!.entitlementsInherit), memoryTree(files));
    expect(problems).toContain('build/icons/16x16.png is 32×32');
    expect(problems).toContain('linux.icon: build/icons/24x24.png does not exist');
    expect(problems).toContain('win.icon: build/icon.ico: not an .ico file');
    expect(problems).toContain('mac.icon lacks icp4, icp5, icp6, ic07, ic08, ic09, ic10, ic11, ic12, ic13, ic14');
    expect(problems).toContain('mac.entitlements does not grant com.apple.security.cs.allow-jit');
    expect(problems).toContain('mac.entitlementsInherit is not set');
  });
});
