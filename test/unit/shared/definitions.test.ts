import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { diffModels } from '../../../shared/definitions/diff.js';
import { keyOf } from '../../../shared/definitions/model.js';
import { normalizeDefinitions } from '../../../shared/definitions/normalize.js';
import { planImport } from '../../../shared/definitions/plan.js';
import { hasErrors, readDefinitions } from '../../../shared/definitions/read.js';

const whole = readFileSync('test/fixtures/rabbitmq-3.10/definitions.json', 'utf8');
const shop = readFileSync('test/fixtures/rabbitmq-3.10/definitions-vhost-shop.json', 'utf8');
const edit = (text: string, change: (doc: any) => void): string => {
  const doc = JSON.parse(text);
  change(doc);
  return JSON.stringify(doc);
};
const empty = readDefinitions('{"rabbit_version":"3.13.0","vhosts":[{"name":"/"}],"users":[]}').model!;

describe('reading definitions', () => {
  it('reads both fixture forms without errors', () => {
    const w = readDefinitions(whole);
    expect(w.problems).toEqual([]);
    expect(w.summary).toMatchObject({ form: 'broker', version: '3.10.8' });
    expect(w.summary!.counts).toMatchObject({ vhost: 2, user: 3, queue: 13, exchange: 11, binding: 13, policy: 1 });
    const s = readDefinitions(shop, { vhost: 'shop' });
    expect(s.problems).toEqual([]);
    expect(s.summary!.form).toBe('vhost');
    expect(s.model!.items.every((i) => i.vhost === 'shop')).toBe(true);
  });

  it('says what is wrong with a file that is not JSON, not definitions, or from an unknown version', () => {
    expect(readDefinitions('{"queues": [').problems[0]).toMatchObject({ path: '$', severity: 'error', message: expect.stringContaining('is not JSON') });
    expect(readDefinitions('[1,2]').problems[0]!.message).toContain('expected an object, got array');
    expect(readDefinitions('{"name":"x"}').problems[0]!.message).toContain('is not a RabbitMQ definitions file');
    const v5 = readDefinitions(edit(whole, (d) => (d.rabbit_version = '5.0.1')));
    expect(v5.problems).toContainEqual({ path: '$.rabbit_version', severity: 'error', message: expect.stringContaining("unknown version '5.0.1'") });
    expect(readDefinitions(edit(whole, (d) => { d.rabbit_version = '4.1.0'; d.rabbitmq_version = '4.1.0'; })).problems).toEqual([]);
  });

  it('lists every type problem with its JSON path', () => {
    const bad = edit(whole, (d) => {
      d.queues[2].durable = 'yes';
      delete d.exchanges[0].type;
      d.bindings[1].destination_type = 'stream';
      d.users = 'nobody';
    });
    const { problems } = readDefinitions(bad);
    expect(problems.map((p) => [p.path, p.message])).toEqual(expect.arrayContaining([
      ['$.queues[2].durable', 'must be a boolean, got string'],
      ['$.exchanges[0].type', 'is missing'],
      ['$.bindings[1].destination_type', 'must be one of "queue", "exchange", got "stream"'],
      ['$.users', 'must be a list, got string'],
    ]));
    expect(hasErrors(problems)).toBe(true);
  });

  it('finds references to missing vhosts, users, exchanges and queues', () => {
    const bad = edit(whole, (d) => {
      d.vhosts = d.vhosts.filter((v: any) => v.name !== 'shop');
      d.permissions.push({ user: 'ghost', vhost: '/', configure: '.*', write: '.*', read: '(' });
      d.bindings.push({ source: 'nowhere', vhost: '/', destination: 'missing.q', destination_type: 'queue', routing_key: '', arguments: {} });
      d.exchanges.push({ name: 'odd', vhost: '/', type: 'weird', durable: true, auto_delete: false, internal: false, arguments: {} });
      d.exchanges.push({ name: 'later', vhost: '/', type: 'x-delayed-message', durable: true, auto_delete: false, internal: false, arguments: {} });
    });
    const { problems } = readDefinitions(bad);
    const at = (path: string) => problems.filter((p) => p.path === path).map((p) => p.message);
    expect(at('$.queues[0].vhost')).toEqual(["vhost 'shop' is not in the file"]);
    expect(at('$.permissions[4].user')).toEqual(["user 'ghost' is not in the file"]);
    expect(at('$.permissions[4].read')[0]).toContain('not a valid regular expression');
    expect(at('$.bindings[13].source')).toEqual(["exchange 'nowhere' in vhost '/' is not in the file"]);
    expect(at('$.bindings[13].destination')).toEqual(["queue 'missing.q' in vhost '/' is not in the file"]);
    expect(at('$.exchanges[11].type')[0]).toContain("unknown exchange type 'weird'");
    expect(problems.find((p) => p.path === '$.exchanges[12].type')?.severity).toBe('warning');
  });

  it('accepts references the target broker satisfies', () => {
    const target = readDefinitions(whole).model!;
    const file = '{"rabbit_version":"3.12.0","users":[],"bindings":[{"vhost":"shop","source":"orders","destination":"orders.paid","destination_type":"queue","routing_key":"x","arguments":{}}]}';
    expect(hasErrors(readDefinitions(file).problems)).toBe(true);
    expect(readDefinitions(file, { target }).problems).toEqual([]);
  });

  it('flags duplicates', () => {
    const { problems } = readDefinitions(edit(whole, (d) => d.queues.push({ ...d.queues[0] })));
    expect(problems).toContainEqual({ path: '$.queues[13]', severity: 'error', message: "duplicate queue 'orders.dead' in vhost 'shop'" });
  });
});

describe('export normalization', () => {
  it('sorts sections and items for stable diffs, and can leave users out', () => {
    const doc = JSON.parse(whole);
    const text = normalizeDefinitions(doc, { includeUsers: true });
    const shuffled = edit(whole, (d) => { d.queues.reverse(); d.bindings.reverse(); d.users.reverse(); });
    expect(normalizeDefinitions(JSON.parse(shuffled), { includeUsers: true })).toBe(text);
    const sorted = JSON.parse(text);
    expect(sorted.queues.map((q: any) => `${q.vhost}/${q.name}`)).toEqual([...sorted.queues.map((q: any) => `${q.vhost}/${q.name}`)].sort());
    const noUsers = JSON.parse(normalizeDefinitions(doc, { includeUsers: false }));
    expect(noUsers.users).toBeUndefined();
    expect(noUsers.permissions).toBeUndefined();
    expect(noUsers.topic_permissions).toBeUndefined();
    expect(Object.keys(noUsers).slice(0, 2)).toEqual(['rabbit_version', 'rabbitmq_version']);
  });
});

describe('diff and plan', () => {
  it('diffs by identity with the fields that changed', () => {
    const a = readDefinitions(whole).model!;
    const b = readDefinitions(edit(whole, (d) => {
      d.queues[0].arguments = { 'x-max-length': 5 };
      d.queues.splice(1, 1);
      d.policies[0].priority = 7;
      d.users[0].tags = 'monitoring';
    })).model!;
    const changed = diffModels(a, b).filter((e) => e.status !== 'same');
    expect(changed.map((e) => [e.entity, e.name, e.status, e.fields])).toEqual([
      ['user', 'orders-svc', 'changed', ['tags']],
      ['policy', 'orders-ha', 'changed', ['priority']],
      ['queue', 'orders.dead', 'changed', ['arguments']],
      ['queue', 'orders.unrouted', 'removed', []],
    ]);
  });

  it('orders creates by dependency on an empty broker', () => {
    const { changes, steps, notes } = planImport(readDefinitions(whole).model!, empty, { sync: false });
    const kinds = changes.map((c) => c.kind);
    const first = (k: string) => kinds.indexOf(k as never);
    const last = (k: string) => kinds.lastIndexOf(k as never);
    expect(last('putVhost')).toBeLessThan(first('putUser'));
    expect(last('putUser')).toBeLessThan(first('putPermission'));
    expect(last('putPolicy')).toBeLessThan(first('declareExchange'));
    expect(last('declareExchange')).toBeLessThan(first('declareQueue'));
    expect(last('declareQueue')).toBeLessThan(first('bind'));
    expect(kinds.filter((k) => k === 'bind')).toHaveLength(13);
    expect(steps.every((s) => s.action === 'create')).toBe(true);
    expect(changes.find((c) => c.kind === 'declareQueue' && c.name === 'orders.audit')).toMatchObject({ arguments: { 'x-queue-type': 'quorum' } });
    expect(notes).toEqual([]);
    expect(last('putUser')).toBeLessThan(first('putTopicPermission'));
    expect(last('putVhost')).toBeLessThan(first('putParameter'));
    expect(changes.filter((c) => c.kind === 'putTopicPermission' || c.kind === 'putParameter' || c.kind === 'putGlobalParameter')).toEqual([
      { kind: 'putTopicPermission', user: 'orders-svc', vhost: 'shop', exchange: 'events.topic', write: '^orders\\.', read: '.*' },
      { kind: 'putParameter', component: 'vhost-limits', vhost: 'shop', name: 'limits', value: { 'max-queues': 500 } },
    ]);
  });

  it('updates and (in a sync) deletes topic permissions and parameters, and never plans the cluster name', () => {
    const broker = readDefinitions(edit(whole, (d) => {
      d.topic_permissions.push({ user: 'ops', vhost: 'shop', exchange: 'amq.topic', write: '', read: '.*' });
      d.parameters.push({ vhost: 'shop', component: 'federation-upstream', name: 'up', value: { uri: 'amqp://a' } });
      d.global_parameters.push({ name: 'old-g', value: 1 }, { name: 'cluster_name', value: 'rabbit@here' });
    })).model!;
    const file = readDefinitions(edit(whole, (d) => {
      d.topic_permissions[0].read = '^orders\\.';
      d.parameters[0].value = { 'max-queues': 10 };
      d.global_parameters.push({ name: 'g', value: { a: 1 } }, { name: 'cluster_name', value: 'rabbit@elsewhere' });
    })).model!;
    const plain = planImport(file, broker, { sync: false });
    expect(plain.changes).toEqual([
      { kind: 'putGlobalParameter', name: 'g', value: { a: 1 } },
      { kind: 'putTopicPermission', user: 'orders-svc', vhost: 'shop', exchange: 'events.topic', write: '^orders\\.', read: '^orders\\.' },
      { kind: 'putParameter', component: 'vhost-limits', vhost: 'shop', name: 'limits', value: { 'max-queues': 10 } },
    ]);
    expect(plain.steps.map((s) => `${s.action}:${s.entity}`)).toEqual(['create:globalParameter', 'update:topicPermission', 'update:parameter']);
    expect(plain.notes).toEqual([expect.objectContaining({ path: '$.global_parameters', message: expect.stringContaining("'cluster_name' is not applied") })]);
    const sync = planImport(file, broker, { sync: true });
    expect(sync.changes.slice(3)).toEqual([
      { kind: 'deleteParameter', component: 'federation-upstream', vhost: 'shop', name: 'up' },
      { kind: 'deleteTopicPermission', user: 'ops', vhost: 'shop', exchange: 'amq.topic' },
      { kind: 'deleteGlobalParameter', name: 'old-g' },
    ]);
    expect(sync.deletions.map((d) => `${d.entity}:${d.name}`)).toEqual(['parameter:federation-upstream/up', 'topicPermission:ops @ shop on amq.topic', 'globalParameter:old-g']);
  });

  it('recreates a changed queue (destroying its messages) and its bindings, and syncs deletions in reverse order', () => {
    const broker = readDefinitions(whole).model!;
    const file = readDefinitions(edit(whole, (d) => {
      d.queues.find((q: any) => q.name === 'orders.paid').arguments['x-max-length'] = 20;
      d.queues = d.queues.filter((q: any) => q.name !== 'hello');
      d.bindings = d.bindings.filter((b: any) => b.destination !== 'hello');
    })).model!;
    const messages = new Map([[keyOf('shop', 'orders.paid'), 4], [keyOf('/', 'hello'), 9]]);
    const plain = planImport(file, broker, { sync: false, messages });
    expect(plain.steps.map((s) => [s.action, s.entity, s.name, s.messages])).toEqual([
      ['recreate-delete', 'queue', 'orders.paid', 4],
      ['recreate-create', 'queue', 'orders.paid', null],
      ['create', 'binding', 'orders → orders.paid (order.paid.#)', null],
    ]);
    const sync = planImport(file, broker, { sync: true, messages, protectedUsers: ['guest'] });
    expect(sync.deletions).toEqual([{ entity: 'queue', vhost: '/', name: 'hello', messages: 9 }]);
    expect(sync.changes.at(-1)).toEqual({ kind: 'deleteQueue', vhost: '/', name: 'hello', messages: 9 });
  });

  it('never deletes the connected user in a sync', () => {
    const broker = readDefinitions(whole).model!;
    const file = readDefinitions(edit(whole, (d) => { d.users = []; d.permissions = []; d.topic_permissions = []; })).model!;
    const { deletions, notes } = planImport(file, broker, { sync: true, protectedUsers: ['guest'] });
    expect(deletions.map((d) => `${d.entity}:${d.name}`)).toEqual([
      'topicPermission:orders-svc @ shop on events.topic', 'permission:ops @ shop', 'permission:orders-svc @ shop', 'user:ops', 'user:orders-svc',
    ]);
    expect(notes.filter((n) => n.message.includes("connected as 'guest'"))).toHaveLength(3);
  });

  it('warns when the import changes the user Warren is connected as', () => {
    const broker = readDefinitions(edit(whole, (d) => (d.users[2].password_hash = 'b3RoZXI='))).model!;
    const { notes } = planImport(readDefinitions(whole).model!, broker, { sync: false, protectedUsers: ['guest'] });
    expect(notes).toContainEqual(expect.objectContaining({ path: '$.users', message: expect.stringContaining("connected as ('guest')") }));
  });
});
