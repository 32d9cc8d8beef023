import { describe, expect, it } from 'vitest';
import { explainDistFailure } from '../../../scripts/packaging/explain-failure.js';

describe('npm run dist failure message', () => {
  it('says in one line that Electron could not be downloaded, naming the host, and what to run here instead', () => {
    // electron-builder 26.17.0's output on this machine, trimmed.
    const output = [
      '  • packaging       platform=linux arch=x64 electron=45.4.1 appOutDir=release/linux-unpacked',
      '  ⨯ getaddrinfo ENOTFOUND github.com  failedTask=build stackTrace=RequestError: getaddrinfo ENOTFOUND github.com',
    ].join('\n');
    const message = explainDistFailure(output, '45.4.1');
    expect(message).toContain('could not download Electron 45.4.1 (ENOTFOUND reaching github.com)');
    expect(message).toContain('npm run dist:check');
  });

  it('leaves other failures to electron-builder\'s own words', () => {
    expect(explainDistFailure('  ⨯ Invalid configuration object.', '45.4.1')).toBeNull();
  });
});
