// SASL responses of the two mechanisms RabbitMQ offers by default.
import { decodeFieldTable, stringValue } from './protocol/field-table.js';

export const MECHANISMS = 'AMQPLAIN PLAIN';

export interface Credentials {
  username: string;
  password: string;
}

/** PLAIN: [authzid] NUL authcid NUL passwd. */
function parsePlain(response: Buffer): Credentials | undefined {
  const parts = response.toString('utf8').split('\0');
  if (parts.length !== 3) return undefined;
  return { username: parts[1]!, password: parts[2]! };
}

/** AMQPLAIN: a field table without its length prefix, with LOGIN and PASSWORD. */
function parseAmqplain(response: Buffer): Credentials | undefined {
  const withLength = Buffer.allocUnsafe(4 + response.length);
  withLength.writeUInt32BE(response.length, 0);
  response.copy(withLength, 4);
  try {
    const [table] = decodeFieldTable(withLength, 0);
    const username = stringValue(table.LOGIN);
    const password = stringValue(table.PASSWORD);
    return username === undefined || password === undefined ? undefined : { username, password };
  } catch {
    return undefined;
  }
}

/** Undefined mechanism → 'unknown'; malformed response → 'invalid'. */
export function parseCredentials(mechanism: string, response: Buffer): Credentials | 'unknown' | 'invalid' {
  const parse = mechanism === 'PLAIN' ? parsePlain : mechanism === 'AMQPLAIN' ? parseAmqplain : undefined;
  if (!parse) return 'unknown';
  return parse(response) ?? 'invalid';
}
