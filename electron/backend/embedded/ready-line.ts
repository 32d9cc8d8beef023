/**
 * What the broker process says on stdout and stderr, read by the supervisor.
 * The broker prints one ready line on stdout ("Warren broker ready on
 * amqp://127.0.0.1:5672 ...", with the management URL once it serves one) and
 * exits 1 with a one-line reason on stderr when it cannot listen.
 */

export interface ReadyLine {
  amqpUrl: string;
  amqpPort: number;
  /** Null when the broker serves no management HTTP API. */
  httpUrl: string | null;
  httpPort: number | null;
}

const URL_PATTERN = /\b(amqps?|https?):\/\/[^\s,;)]+/g;

function portOf(url: string): number | null {
  try {
    const parsed = new URL(url);
    if (parsed.port) return Number(parsed.port);
    return { 'amqp:': 5672, 'amqps:': 5671, 'http:': 80, 'https:': 443 }[parsed.protocol] ?? null;
  } catch {
    return null;
  }
}

/** The URLs of a "... broker ready ..." line; null for any other line. */
export function parseReadyLine(line: string): ReadyLine | null {
  if (!/\bready\b/i.test(line)) return null;
  let amqpUrl: string | null = null;
  let httpUrl: string | null = null;
  for (const match of line.matchAll(URL_PATTERN)) {
    const url = match[0].replace(/[.]+$/, '').replace(/\/$/, '');
    if (match[1]?.startsWith('amqp')) amqpUrl ??= url;
    else httpUrl ??= url;
  }
  if (amqpUrl === null) return null;
  const amqpPort = portOf(amqpUrl);
  if (amqpPort === null) return null;
  return { amqpUrl, amqpPort, httpUrl, httpPort: httpUrl === null ? null : portOf(httpUrl) };
}

export interface PortInUse {
  /** Which listener failed, when the message says; 'unknown' otherwise. */
  listener: 'amqp' | 'http' | 'unknown';
  port: number | null;
}

/**
 * Recognises "port is taken" in the broker's last words: its own message
 * ("AMQP port 5672 on 127.0.0.1 is already in use"), or a raw EADDRINUSE
 * error ("listen EADDRINUSE: address already in use 127.0.0.1:15672").
 */
export function parsePortInUse(text: string): PortInUse | null {
  if (!/EADDRINUSE|already in use/i.test(text)) return null;
  const named = /\b(AMQP|HTTP|management)\b[^\n]*?\bport\s+(\d+)/i.exec(text);
  if (named?.[1] && named[2]) {
    return { listener: named[1].toUpperCase() === 'AMQP' ? 'amqp' : 'http', port: Number(named[2]) };
  }
  const address = /EADDRINUSE[^\n]*?:(\d+)\b/.exec(text);
  return { listener: 'unknown', port: address?.[1] ? Number(address[1]) : null };
}
