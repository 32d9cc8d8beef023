import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parsePlist } from '../../../scripts/dist-check/plist.js';

const wrap = (body: string) => `<?xml version="1.0"?><plist version="1.0">${body}</plist>`;

describe('entitlements property list', () => {
  it('reads the committed entitlements: JIT allowed for V8 under the hardened runtime', () => {
    const xml = readFileSync(path.resolve(import.meta.dirname, '../../../build/entitlements.mac.plist'), 'utf8');
    expect(parsePlist(xml)).toEqual({ 'com.apple.security.cs.allow-jit': true, 'com.apple.security.cs.allow-unsigned-executable-memory': true });
  });

  it('reads nested values', () => {
    expect(parsePlist(wrap('<dict><key>a</key><array><string>x</string><integer>3</integer><false/></array><key>b</key><dict/></dict>'))).toEqual({ a: ['x', 3, false], b: {} });
  });

  it('refuses what codesign would refuse, saying what is wrong', () => {
    expect(() => parsePlist('<dict></dict>')).toThrow('no <plist> element');
    expect(() => parsePlist(wrap('<dict><key>a</key></dict>'))).toThrow('unexpected </dict>');
    expect(() => parsePlist(wrap('<dict><key>a</key><true/><key>a</key><true/></dict>'))).toThrow('duplicate key a');
    expect(() => parsePlist(wrap('<dict><key>a</key><yes/></dict>'))).toThrow('unknown element <yes/>');
    expect(() => parsePlist(wrap('<dict><string>a</string></dict>'))).toThrow('expected <key> in <dict>');
    expect(() => parsePlist(wrap('<array/>'))).toThrow('root is not a <dict>');
    expect(() => parsePlist(wrap('<dict><key>a</key><integer>x</integer></dict>'))).toThrow('not a number');
    expect(() => parsePlist(wrap('<dict><key>a</key><true/>'))).toThrow('ends early');
  });
});
