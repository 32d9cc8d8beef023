import { describe, expect, it } from 'vitest';
import {
  amqpUriProblem,
  deriveManagementUrl,
  httpUrlProblem,
  ProfileInput,
  vhostOfAmqpUri,
} from '../../../shared/model/profile.js';

describe('AMQP URI validation', () => {
  it.each([
    ['amqp://localhost', null],
    ['amqps://user:pw@broker.example:5671/shop', null],
    ['amqp://localhost/%2F', null],
  ])('accepts %s', (uri, problem) => expect(amqpUriProblem(uri)).toBe(problem));

  it.each([
    ['localhost:5672', /Scheme must be amqp/],
    ['not a uri', /Not a URI/],
    ['http://localhost:15672', /Scheme must be amqp:\/\/ or amqps:\/\/, not http:\/\//],
    ['amqp://localhost/a/b', /percent-encoded/],
  ])('rejects %s with a specific message', (uri, message) => expect(amqpUriProblem(uri)).toMatch(message));
});

describe('management URL', () => {
  it('derives the port RabbitMQ uses by convention', () => {
    expect(deriveManagementUrl('amqp://localhost')).toBe('http://localhost:15672');
    expect(deriveManagementUrl('amqp://h:5673/x')).toBe('http://h:15673');
    expect(deriveManagementUrl('amqps://h')).toBe('https://h:15671');
  });

  it('rejects a URL that is not http(s)', () => {
    expect(httpUrlProblem('amqp://h:15672')).toMatch(/http:\/\/ or https:\/\//);
    expect(httpUrlProblem('http://h:15672')).toBeNull();
  });
});

describe('vhost of a URI', () => {
  it('reads an empty path as "/" and decodes the rest', () => {
    expect(vhostOfAmqpUri('amqp://h')).toBe('/');
    expect(vhostOfAmqpUri('amqp://h/')).toBe('/');
    expect(vhostOfAmqpUri('amqp://h/%2F')).toBe('/');
    expect(vhostOfAmqpUri('amqp://h/shop')).toBe('shop');
  });
});

describe('ProfileInput schema', () => {
  it('fills defaults', () => {
    const parsed = ProfileInput.parse({ name: ' Local ', amqpUri: 'amqp://localhost' });
    expect(parsed).toMatchObject({ name: 'Local', username: 'guest', managementUrl: '', tls: { skipVerify: false } });
    expect(parsed.password).toBeUndefined();
  });

  it('reports every problem with its path', () => {
    const result = ProfileInput.safeParse({ name: '', amqpUri: 'http://x', managementUrl: 'ftp://x' });
    expect(result.success).toBe(false);
    const paths = result.error?.issues.map((i) => i.path.join('.')).sort();
    expect(paths).toEqual(['amqpUri', 'managementUrl', 'name']);
  });
});
