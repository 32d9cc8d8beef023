import type { ConnectionCheck, ConnectionTestResult } from '../../../shared/model/profile.js';
import { vhostOfAmqpUri } from '../../../shared/model/profile.js';
import type { ProfileCredentials } from '../profiles/profile-store.js';
import { type TlsMaterial, loadTlsMaterial } from '../tls/tls-material.js';
import { checkAmqp } from './check-amqp.js';
import { checkHttp } from './check-http.js';
import { failed } from './check-result.js';
import { managementProbablyDisabled } from '../diagnosis/http-diagnosis.js';
import { diagnoseSocketError } from '../diagnosis/socket-diagnosis.js';
import { scrubSecret, secretOf } from '../scrub-secret.js';

export const CONNECTION_TEST_TIMEOUT_MS = 8000;

/** Checks AMQP and the management API separately and in parallel; never throws. */
export async function testConnection(creds: ProfileCredentials, timeoutMs = CONNECTION_TEST_TIMEOUT_MS): Promise<ConnectionTestResult> {
  let tls: TlsMaterial;
  try {
    tls = await loadTlsMaterial(creds.tls);
  } catch (err) {
    const d = diagnoseSocketError(err, '', 5671);
    const check = failed(d ?? { code: 'tls', message: String(err) }, 0);
    return { amqp: check, http: check };
  }
  const [amqp, http] = await Promise.all([
    checkAmqp({ amqpUri: creds.amqpUri, username: creds.username, password: creds.password, tls }, timeoutMs),
    checkHttp({ baseUrl: creds.managementUrl, username: creds.username, password: creds.password, tls, timeoutMs }, vhostOfAmqpUri(creds.amqpUri)),
  ]);
  // AMQP answering while the management port refuses almost always means the plugin is off.
  const httpExplained = amqp.ok && http.code === 'refused' ? failed(managementProbablyDisabled(creds.managementUrl), http.elapsedMs) : http;
  return { amqp: scrubCheck(amqp, secretOf(creds)), http: scrubCheck(httpExplained, secretOf(creds)) };
}

function scrubCheck(check: ConnectionCheck, password: string): ConnectionCheck {
  const out: ConnectionCheck = { ...check, message: scrubSecret(check.message, password) };
  if (check.hint !== undefined) out.hint = scrubSecret(check.hint, password);
  if (check.detail !== undefined) out.detail = scrubSecret(check.detail, password);
  return out;
}
