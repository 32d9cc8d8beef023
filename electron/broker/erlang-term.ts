// Formats values the way Erlang's io_lib `~p` prints them, because RabbitMQ
// puts such terms into some reply texts (frame errors, x-match errors) and
// clients may compare texts byte for byte.

function printableLatin1(byte: number): boolean {
  return (byte >= 32 && byte <= 126) || byte >= 160 || (byte >= 8 && byte <= 13) || byte === 27;
}

const ESCAPES: Record<number, string> = { 8: '\\b', 9: '\\t', 10: '\\n', 11: '\\v', 12: '\\f', 13: '\\r', 27: '\\e', 34: '\\"', 92: '\\\\' };

/** `<<"text">>` when every byte is printable, else `<<1,2,3>>`. */
export function formatErlangBinary(bytes: Uint8Array): string {
  if (bytes.length > 0 && bytes.every(printableLatin1)) {
    let s = '';
    for (const b of bytes) s += ESCAPES[b] ?? String.fromCharCode(b);
    return `<<"${s}">>`;
  }
  return `<<${Array.from(bytes).join(',')}>>`;
}

/** RabbitMQ's payload snippet for frame errors: all octets up to 16, else the first 16. */
export function payloadSnippet(payload: Uint8Array): string {
  return payload.length <= 16
    ? `all octets = ${formatErlangBinary(payload)}`
    : `first 16 octets = ${formatErlangBinary(payload.subarray(0, 16))}`;
}
