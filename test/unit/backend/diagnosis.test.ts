import { describe, expect, it } from 'vitest';
import { diagnoseAmqpError } from '../../../electron/backend/diagnosis/amqp-diagnosis.js';
import { diagnoseHttpError } from '../../../electron/backend/diagnosis/http-diagnosis.js';
import { scrubSecret, secretOf } from '../../../electron/backend/scrub-secret.js';
import { lossReason } from '../../../electron/backend/diagnosis/loss-reason.js';
import { diagnoseSocketError } from '../../../electron/backend/diagnosis/socket-diagnosis.js';
import { HttpRequestError } from '../../../electron/backend/management/http-request.js';
import { TlsFileError } from '../../../electron/backend/tls/tls-material.js';

const errno = (code: string, message = code) => Object.assign(new Error(message), { code });
const amqpCtx = { where: 'rabbit.example:5672', vhost: 'shop', username: 'alice' };
const httpCtx = { baseUrl: 'http://rabbit.example:15672', username: 'alice' };

describe('AMQP failure diagnosis (amqplib messages as they really read)', () => {
  it('wrong credentials', () => {
    const err = new Error('Handshake terminated by server: 403 (ACCESS-REFUSED) with message "ACCESS_REFUSED - Login was refused using authentication mechanism PLAIN."');
    expect(diagnoseAmqpError(err, amqpCtx)).toMatchObject({ code: 'auth', message: expect.stringContaining('"alice"') });
  });

  it('vhost missing or not permitted (amqplib drops the 530 text)', () => {
    const d = diagnoseAmqpError(new Error('Expected ConnectionOpenOk; got <ConnectionClose channel:0>'), amqpCtx);
    expect(d.code).toBe('vhost');
    expect(d.hint).toContain('rabbitmqctl add_vhost shop');
  });

  it('refused, DNS, timeout (with a port hint), TLS', () => {
    expect(diagnoseAmqpError(errno('ECONNREFUSED', 'connect ECONNREFUSED 10.0.0.1:5672'), amqpCtx)).toMatchObject({ code: 'refused', message: expect.stringContaining('rabbit.example:5672') });
    expect(diagnoseAmqpError(errno('ENOTFOUND'), amqpCtx).code).toBe('dns');
    expect(diagnoseAmqpError(new Error('connect ETIMEDOUT'), amqpCtx)).toMatchObject({ code: 'timeout', hint: expect.stringContaining('5672') });
    expect(diagnoseAmqpError(errno('ERR_SSL_WRONG_VERSION_NUMBER', 'ssl3_get_record:wrong version number'), amqpCtx)).toMatchObject({ code: 'tls', hint: expect.stringContaining('5671') });
  });

  it('something that is not AMQP', () => {
    expect(diagnoseAmqpError(new Error('Socket closed abruptly during opening handshake'), amqpCtx).code).toBe('protocol');
  });

  it('anything else keeps the original text under "unknown"', () => {
    expect(diagnoseAmqpError(new Error('weird'), amqpCtx)).toMatchObject({ code: 'unknown', message: expect.stringContaining('weird') });
  });
});

describe('TLS failure diagnosis', () => {
  it.each([
    ['DEPTH_ZERO_SELF_SIGNED_CERT', /not trusted/],
    ['SELF_SIGNED_CERT_IN_CHAIN', /not trusted/],
    ['UNABLE_TO_VERIFY_LEAF_SIGNATURE', /not trusted/],
    ['CERT_HAS_EXPIRED', /expired/],
    ['ERR_TLS_CERT_ALTNAME_INVALID', /does not name rabbit\.example/],
  ])('%s', (code, message) => {
    expect(diagnoseSocketError(errno(code), 'rabbit.example:5671', 5671)).toMatchObject({ code: 'tls', message: expect.stringMatching(message) });
  });

  it('an unreadable TLS file names the file', () => {
    const err = new TlsFileError('CA certificate', '/etc/ca.pem', errno('ENOENT'));
    expect(diagnoseSocketError(err, 'x:1', 5671)).toMatchObject({ code: 'tls', message: 'The CA certificate file /etc/ca.pem does not exist' });
  });

  it('a handshake alert suggests a client certificate', () => {
    const err = errno('ERR_SSL_SSLV3_ALERT_HANDSHAKE_FAILURE', 'SSL routines:ssl3_read_bytes:sslv3 alert handshake failure');
    expect(diagnoseSocketError(err, 'x:5671', 5671)?.hint).toMatch(/client certificate/);
  });
});

describe('management API failure diagnosis', () => {
  const status = (s: number, body = '') => new HttpRequestError({ message: `HTTP ${s}`, url: 'http://rabbit.example:15672/api/overview', status: s, body });

  it('401 is wrong credentials, or a user without the management tag', () => {
    expect(diagnoseHttpError(status(401, '{"error":"not_authorized","reason":"Login failed"}'), httpCtx).code).toBe('auth');
    expect(diagnoseHttpError(status(401, '{"error":"not_authorised","reason":"Not management user"}'), httpCtx).hint).toContain('set_user_tags alice monitoring');
  });

  it('404 means no management API there, with the command that enables it', () => {
    expect(diagnoseHttpError(status(404), httpCtx)).toMatchObject({ code: 'management_disabled', hint: expect.stringContaining('rabbitmq-plugins enable rabbitmq_management') });
  });

  it('socket failures carry the host and port of the management URL', () => {
    const refused = new HttpRequestError({ message: 'x', url: 'http://rabbit.example:15672/api/overview', code: 'ECONNREFUSED' });
    expect(diagnoseHttpError(refused, httpCtx)).toMatchObject({ code: 'refused', message: expect.stringContaining('rabbit.example:15672') });
    const late = new HttpRequestError({ message: 'x', url: 'http://rabbit.example:15672/api/overview', timedOut: true });
    expect(diagnoseHttpError(late, httpCtx).code).toBe('timeout');
  });
});

describe('secret scrubbing', () => {
  it('removes the password, plain and percent-encoded, and URI credentials', () => {
    const password = 'p@ss/w:rd';
    const text = `connect amqp://bob:${encodeURIComponent(password)}@host failed; password ${password}; amqp://u:other@h`;
    const out = scrubSecret(text, password);
    expect(out).not.toContain(password);
    expect(out).not.toContain(encodeURIComponent(password));
    expect(out).not.toContain('other');
  });

  it('leaves text alone when there is no password', () => {
    expect(scrubSecret('all fine', '')).toBe('all fine');
  });
});

describe('what counts as the secret', () => {
  it('is the password, except when it is the user name (guest/guest): "user guest" stays readable', () => {
    expect(secretOf({ username: 'alice', password: 'pw' })).toBe('pw');
    expect(scrubSecret('user guest refused', secretOf({ username: 'guest', password: 'guest' }))).toBe('user guest refused');
  });
});

describe('why an open AMQP connection ended', () => {
  it('says it in words, without the password', () => {
    expect(lossReason(new Error('Unexpected close'), 's3cret')).toMatch(/dropped/);
    expect(lossReason(new Error('Connection closed: 320 (CONNECTION-FORCED) with message "CONNECTION_FORCED - Closed via management plugin"'), 's3cret')).toMatch(/^the broker closed it: .*management plugin/);
    expect(lossReason(new Error('Heartbeat timeout'), 's3cret')).toMatch(/stopped answering/);
    expect(lossReason(new Error('odd s3cret'), 's3cret')).toBe('odd ***');
    expect(lossReason(undefined, '')).toBe('it was closed.');
  });
});
