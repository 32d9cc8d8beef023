"""RabbitMQ's five tutorials (work queues, publish/subscribe, routing,
topics, RPC) written with pika, a client not written in Node, run by
test/conformance/clients.test.ts against each target.

Usage: pika_tutorials.py HOST PORT PREFIX SCENARIO
Prints one JSON document with what the client observed; deletes every
queue and exchange it declared.
"""
import json
import sys
import uuid

import pika

HOST, PORT, PREFIX, SCENARIO = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]


def connect():
    return pika.BlockingConnection(
        pika.ConnectionParameters(HOST, PORT, '/', pika.PlainCredentials('guest', 'guest'))
    )


def drain(ch, queue):
    out = []
    while True:
        method, _props, body = ch.basic_get(queue, auto_ack=True)
        if method is None:
            return out
        out.append(body.decode())


def work_queue():
    conn = connect()
    ch = conn.channel()
    q = PREFIX + '-task_queue'
    ch.queue_declare(q, durable=True)
    for i in range(6):
        ch.basic_publish('', q, 'task %d' % i, pika.BasicProperties(delivery_mode=2))
    workers = [conn.channel(), conn.channel()]
    done = {0: [], 1: []}
    for n, w in enumerate(workers):
        w.basic_qos(prefetch_count=1)

        def on_message(chan, method, _props, body, n=n):
            done[n].append(body.decode())
            chan.basic_ack(method.delivery_tag)

        w.basic_consume(q, on_message)
    while len(done[0]) + len(done[1]) < 6:
        conn.process_data_events(time_limit=1)
    ch.queue_delete(q)
    conn.close()
    return {'all': sorted(done[0] + done[1]), 'each_worker_got_some': bool(done[0]) and bool(done[1])}


def pubsub():
    conn = connect()
    ch = conn.channel()
    x = PREFIX + '-logs'
    ch.exchange_declare(x, exchange_type='fanout')
    queues = [ch.queue_declare('', exclusive=True).method.queue for _ in range(2)]
    for q in queues:
        ch.queue_bind(q, x)
    ch.confirm_delivery()
    for i in range(3):
        ch.basic_publish(x, '', 'log %d' % i)
    got = [drain(ch, q) for q in queues]
    ch.exchange_delete(x)
    conn.close()
    return {'subscribers': got}


def routing():
    conn = connect()
    ch = conn.channel()
    x = PREFIX + '-direct_logs'
    ch.exchange_declare(x, exchange_type='direct')
    errors = ch.queue_declare('', exclusive=True).method.queue
    everything = ch.queue_declare('', exclusive=True).method.queue
    ch.queue_bind(errors, x, 'error')
    for severity in ('info', 'warning', 'error'):
        ch.queue_bind(everything, x, severity)
    ch.confirm_delivery()
    for severity in ('info', 'warning', 'error', 'debug'):
        ch.basic_publish(x, severity, severity)
    result = {'errors': drain(ch, errors), 'everything': drain(ch, everything)}
    ch.exchange_delete(x)
    conn.close()
    return result


def topics():
    conn = connect()
    ch = conn.channel()
    x = PREFIX + '-topic_logs'
    ch.exchange_declare(x, exchange_type='topic')
    q1 = ch.queue_declare('', exclusive=True).method.queue
    q2 = ch.queue_declare('', exclusive=True).method.queue
    ch.queue_bind(q1, x, '*.orange.*')
    ch.queue_bind(q2, x, '*.*.rabbit')
    ch.queue_bind(q2, x, 'lazy.#')
    ch.confirm_delivery()
    keys = ['quick.orange.rabbit', 'lazy.orange.elephant', 'quick.orange.fox', 'lazy.brown.fox',
            'lazy.pink.rabbit', 'quick.brown.fox', 'orange', 'quick.orange.new.rabbit', 'lazy.orange.new.rabbit']
    for k in keys:
        ch.basic_publish(x, k, k)
    result = {'q1': drain(ch, q1), 'q2': drain(ch, q2)}
    ch.exchange_delete(x)
    conn.close()
    return result


def rpc(direct_reply_to):
    server_conn = connect()
    server = server_conn.channel()
    rpc_queue = PREFIX + '-rpc_queue'
    server.queue_declare(rpc_queue)

    def fib(n):
        return n if n < 2 else fib(n - 1) + fib(n - 2)

    def on_request(chan, method, props, body):
        chan.basic_publish('', props.reply_to, str(fib(int(body))),
                           pika.BasicProperties(correlation_id=props.correlation_id))
        chan.basic_ack(method.delivery_tag)

    server.basic_qos(prefetch_count=1)
    server.basic_consume(rpc_queue, on_request)

    client_conn = connect()
    client = client_conn.channel()
    if direct_reply_to:
        reply_to = 'amq.rabbitmq.reply-to'
    else:
        reply_to = client.queue_declare('', exclusive=True).method.queue
    answers = {}

    def on_response(_chan, _method, props, body):
        answers[props.correlation_id] = body.decode()

    client.basic_consume(reply_to, on_response, auto_ack=True)
    asked = {}
    for n in (1, 10, 20):
        cid = str(uuid.uuid4())
        asked[cid] = n
        client.basic_publish('', rpc_queue, str(n), pika.BasicProperties(reply_to=reply_to, correlation_id=cid))
    while len(answers) < len(asked):
        server_conn.process_data_events(time_limit=0.05)
        client_conn.process_data_events(time_limit=0.05)
    server.queue_delete(rpc_queue)
    server_conn.close()
    client_conn.close()
    return {'answers': sorted([[asked[c], answers[c]] for c in asked])}


SCENARIOS = {
    'work_queue': work_queue,
    'pubsub': pubsub,
    'routing': routing,
    'topics': topics,
    'rpc': lambda: rpc(False),
    'rpc_direct_reply_to': lambda: rpc(True),
}

print(json.dumps(SCENARIOS[SCENARIO]()))
