import { describe, expect, it } from 'vitest';
import { EVENT_NAMES, events, isMethodName, METHOD_NAMES, methods } from '../../../shared/api/contract.js';
import { ApiError, invalidArgs } from '../../../shared/api/errors.js';

describe('contract', () => {
  it('declares an argument and a result schema for every method', () => {
    expect(METHOD_NAMES.length).toBeGreaterThan(5);
    for (const name of METHOD_NAMES) {
      expect(typeof methods[name].args.safeParse).toBe('function');
      expect(typeof methods[name].result.safeParse).toBe('function');
    }
    for (const name of EVENT_NAMES) expect(typeof events[name].safeParse).toBe('function');
  });

  it('does not take inherited object keys for method names', () => {
    expect(isMethodName('toString')).toBe(false);
    expect(isMethodName('__proto__')).toBe(false);
    expect(isMethodName('profiles.list')).toBe(true);
  });

  it('rejects unknown fields in argument objects', () => {
    expect(methods['app.info'].args.safeParse({ extra: 1 }).success).toBe(false);
    expect(methods['session.connect'].args.safeParse({ id: '' }).success).toBe(false);
  });

  it('turns schema failures into one error with every issue and its path', () => {
    const parsed = methods['profiles.save'].args.safeParse({ name: '', amqpUri: 'nope' });
    expect(parsed.success).toBe(false);
    if (parsed.success) return;
    const error = invalidArgs('profiles.save', parsed.error);
    expect(error.code).toBe('invalid_args');
    expect(error.message).toMatch(/^Invalid arguments for profiles.save: /);
    expect(error.issues?.map((i) => i.path).sort()).toEqual(['amqpUri', 'name']);
    expect(ApiError.fromBody(error.toBody())).toMatchObject({ code: 'invalid_args', issues: error.issues });
  });
});
