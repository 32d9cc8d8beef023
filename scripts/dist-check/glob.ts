/**
 * The subset of minimatch syntax electron-builder's `files` and `asarUnpack`
 * use: `**` (any number of path segments), `*` and `?` (within a segment),
 * `{a,b}` alternatives, and a leading `!` to exclude. Paths use `/`.
 */
export function globToRegExp(pattern: string): RegExp {
  let source = '';
  let i = 0;
  let braceDepth = 0;
  while (i < pattern.length) {
    const c = pattern[i] as string;
    if (c === '*' && pattern[i + 1] === '*') {
      const atStart = i === 0 || pattern[i - 1] === '/';
      const atEnd = i + 2 === pattern.length || pattern[i + 2] === '/';
      if (!atStart || !atEnd) throw new Error(`"**" must be a whole path segment in "${pattern}"`);
      if (i + 2 === pattern.length) {
        source += '.*';
        i += 2;
      } else {
        // "**/" matches zero or more whole segments.
        source += '(?:[^/]+/)*';
        i += 3;
      }
      continue;
    }
    if (c === '*') source += '[^/]*';
    else if (c === '?') source += '[^/]';
    else if (c === '{') {
      source += '(?:';
      braceDepth++;
    } else if (c === '}' && braceDepth > 0) {
      source += ')';
      braceDepth--;
    } else if (c === ',' && braceDepth > 0) source += '|';
    else source += c.replace(/[.+^$()|[\]\\]/g, '\\$&');
    i++;
  }
  if (braceDepth !== 0) throw new Error(`unbalanced "{" in "${pattern}"`);
  return new RegExp(`^${source}$`);
}

/**
 * The files a pattern list selects: a file is in when some pattern matches it
 * and no `!` pattern does (electron-builder's semantics, order aside).
 * A pattern naming a directory also selects everything under it.
 */
export function selectFiles(patterns: readonly string[], files: readonly string[]): string[] {
  const include = patterns.filter((p) => !p.startsWith('!')).map(globToRegExp);
  const exclude = patterns.filter((p) => p.startsWith('!')).map((p) => globToRegExp(p.slice(1)));
  const underMatch = (regexps: RegExp[], file: string): boolean => {
    const parts = file.split('/');
    for (let n = 1; n <= parts.length; n++) {
      const prefix = parts.slice(0, n).join('/');
      if (regexps.some((r) => r.test(prefix))) return true;
    }
    return false;
  };
  return files.filter((file) => underMatch(include, file) && !underMatch(exclude, file));
}
