import { parseArgs } from 'node:util';

/** What a launch (or a second launch, or the OS handing us a link or a file) asks Warren to open. */
export type LaunchRequest =
  | { kind: 'profile'; id: string }
  | { kind: 'definitions'; path: string }
  | { kind: 'invalid'; input: string; reason: string };

/** Profile ids are UUIDs, or a short name for the built-in ones ("embedded"). */
const PROFILE_ID = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;

/**
 * `warren://profile/<id>`, strictly: that scheme, that host, one path segment
 * holding a valid profile id; no user, password, port, query or fragment.
 * A link is input from anywhere (a web page can launch it), so anything else is refused with the reason.
 */
export function parseProfileLink(link: string): LaunchRequest {
  const input = link.slice(0, 300);
  const invalid = (reason: string): LaunchRequest => ({ kind: 'invalid', input, reason });
  if (link.length > 300) return invalid('the link is longer than 300 characters');
  let url: URL;
  try {
    url = new URL(link);
  } catch {
    return invalid('not a URL');
  }
  if (url.protocol !== 'warren:') return invalid(`the scheme is ${url.protocol.replace(/:$/, '')}, not warren`);
  if (url.hostname !== 'profile') return invalid(`warren:// links open a profile (warren://profile/<id>), not "${url.hostname}"`);
  if (url.username || url.password || url.port || url.search || url.hash) return invalid('a profile link has no user, password, port, query or fragment');
  const id = url.pathname.replace(/^\//, '').replace(/\/$/, '');
  if (!PROFILE_ID.test(id)) return invalid(`"${id}" is not a profile id (letters, digits, - and _, at most 64)`);
  return { kind: 'profile', id };
}

/**
 * The requests in a command line: `warren://profile/<id>` links and
 * `--profile <id>`, and .json files (the OS passes a definitions file opened
 * with Warren as an argument). Chromium's own switches are left alone; the
 * first element is the executable.
 */
export function launchRequestsFromArgv(argv: readonly string[]): LaunchRequest[] {
  // Warren's own options with a value are declared, so their values are never taken for files.
  const options = { profile: { type: 'string' }, 'data-dir': { type: 'string' } } as const;
  const { values, positionals } = parseArgs({ args: argv.slice(1), options, strict: false, allowPositionals: true });
  const requests: LaunchRequest[] = [];
  const profile = values.profile;
  if (typeof profile === 'string') {
    requests.push(PROFILE_ID.test(profile) ? { kind: 'profile', id: profile } : { kind: 'invalid', input: `--profile ${profile.slice(0, 100)}`, reason: `"${profile.slice(0, 100)}" is not a profile id` });
  }
  for (const arg of positionals) {
    if (/^warren:/i.test(arg)) requests.push(parseProfileLink(arg));
    else if (/\.json$/i.test(arg)) requests.push({ kind: 'definitions', path: arg });
  }
  return requests;
}
