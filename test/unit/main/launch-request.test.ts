import { describe, expect, it } from 'vitest';
import { launchRequestsFromArgv, parseProfileLink } from '../../../electron/main/launch-request.js';

const ID = '3f1c7d2e-5b6a-4c8d-9e0f-1a2b3c4d5e6f';

describe('warren://profile/<id> links', () => {
  it('open the profile they name', () => {
    expect(parseProfileLink(`warren://profile/${ID}`)).toEqual({ kind: 'profile', id: ID });
    expect(parseProfileLink('warren://profile/embedded/')).toEqual({ kind: 'profile', id: 'embedded' });
  });

  it('refuse anything else, saying why', () => {
    const reason = (link: string) => {
      const r = parseProfileLink(link);
      return r.kind === 'invalid' ? r.reason : 'accepted';
    };
    expect(reason('warren://queue/orders')).toBe('warren:// links open a profile (warren://profile/<id>), not "queue"');
    expect(reason('https://profile/abc')).toBe('the scheme is https, not warren');
    expect(reason('warren://profile/')).toBe('"" is not a profile id (letters, digits, - and _, at most 64)');
    expect(reason('warren://profile/a/b')).toBe('"a/b" is not a profile id (letters, digits, - and _, at most 64)');
    expect(reason('warren://profile/..%2F..%2Fetc')).toContain('is not a profile id');
    expect(reason('warren://profile/abc?password=x')).toBe('a profile link has no user, password, port, query or fragment');
    expect(reason('warren://user:pw@profile/abc')).toBe('a profile link has no user, password, port, query or fragment');
    expect(reason(`warren://profile/${'a'.repeat(65)}`)).toContain('is not a profile id');
    expect(reason(`warren://profile/${'a'.repeat(400)}`)).toBe('the link is longer than 300 characters');
    expect(reason('warren:')).toBe('warren:// links open a profile (warren://profile/<id>), not ""');
  });
});

describe('command line', () => {
  it('finds links, --profile and .json files among Chromium\'s switches and the app path', () => {
    expect(launchRequestsFromArgv(['/opt/Warren/warren', '--no-sandbox', `warren://profile/${ID}`, '/home/me/defs.JSON', '--profile', 'embedded'])).toEqual([
      { kind: 'profile', id: 'embedded' },
      { kind: 'profile', id: ID },
      { kind: 'definitions', path: '/home/me/defs.JSON' },
    ]);
    expect(launchRequestsFromArgv(['electron', 'dist/electron/main/main.js', '--data-dir', '/tmp/w'])).toEqual([]);
    expect(launchRequestsFromArgv(['warren', '--data-dir', '/tmp/odd.json', '--no-embedded'])).toEqual([]);
  });

  it('reports a bad --profile instead of ignoring it', () => {
    expect(launchRequestsFromArgv(['warren', '--profile=../x'])).toEqual([{ kind: 'invalid', input: '--profile ../x', reason: '"../x" is not a profile id' }]);
  });
});
