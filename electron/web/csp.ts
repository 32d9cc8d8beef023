/**
 * The Content-Security-Policy both hosts send with the renderer. Scripts only
 * from our own origin (no inline, no eval), nothing framed, no plugins. React's
 * `style={...}` props are applied through the CSSOM, which CSP does not govern,
 * so style-src needs no 'unsafe-inline' either.
 */
export function contentSecurityPolicy(connectSrc: readonly string[] = []): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    ["connect-src 'self'", ...connectSrc].join(' '),
    "object-src 'none'",
    "frame-ancestors 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}
