import { RawClient, PROTOCOL_HEADER } from './raw-amqp.js';
const port = Number(process.argv[2] ?? 5672);
async function run(name: string, f: (c: RawClient) => Promise<void>) {
  const c = await RawClient.open(port);
  try { await f(c); } catch (e) { console.log(name, 'ERR', (e as Error).message); }
  await c.until(() => c.closed, 4000);
  const ms = c.methods().filter(m => !['connection.start','connection.tune','connection.open-ok','channel.open-ok'].includes(m.name)).map(m => m.name + JSON.stringify(m.args));
  console.log(name, '=>', ms.join(' | '), 'closed', c.closed, Buffer.concat(c.received).subarray(0, 8).toString('latin1') === 'AMQP\x00\x00\x09\x01' ? 'gotHeader' : '');
  c.close();
}
await run('unknown-method', async (c) => { await c.handshake(); await c.openChannel(1); c.send(Buffer.from([1,0,1,0,0,0,4, 0,50,0,99, 0xCE])); });
await run('channel-too-high', async (c) => { await c.handshake(); c.sendMethod(2048,'channel.open',{outOfBand:''}); });
await run('bad-vhost', async (c) => { c.send(PROTOCOL_HEADER); await c.waitMethod('connection.start'); c.sendMethod(0,'connection.start-ok',{clientProperties:{},mechanism:'PLAIN',response:Buffer.from('\0guest\0guest'),locale:'en_US'}); await c.waitMethod('connection.tune'); c.sendMethod(0,'connection.tune-ok',{channelMax:2047,frameMax:131072,heartbeat:0}); c.sendMethod(0,'connection.open',{virtualHost:'nope',capabilities:'',insist:false}); });
await run('bad-mech', async (c) => { c.send(PROTOCOL_HEADER); await c.waitMethod('connection.start'); c.sendMethod(0,'connection.start-ok',{clientProperties:{},mechanism:'FOO',response:Buffer.from('\0guest\0bad'),locale:'en_US'}); });
await run('frame-max-too-small', async (c) => { c.send(PROTOCOL_HEADER); await c.waitMethod('connection.start'); c.sendMethod(0,'connection.start-ok',{clientProperties:{},mechanism:'PLAIN',response:Buffer.from('\0guest\0guest'),locale:'en_US'}); await c.waitMethod('connection.tune'); c.sendMethod(0,'connection.tune-ok',{channelMax:2047,frameMax:100,heartbeat:0}); });
await run('frame-max-too-big', async (c) => { c.send(PROTOCOL_HEADER); await c.waitMethod('connection.start'); c.sendMethod(0,'connection.start-ok',{clientProperties:{},mechanism:'PLAIN',response:Buffer.from('\0guest\0guest'),locale:'en_US'}); await c.waitMethod('connection.tune'); c.sendMethod(0,'connection.tune-ok',{channelMax:2047,frameMax:200000,heartbeat:0}); });

await run('tune-ok-chmax0', async (c) => { c.send(PROTOCOL_HEADER); await c.waitMethod('connection.start'); c.sendMethod(0,'connection.start-ok',{clientProperties:{},mechanism:'PLAIN',response:Buffer.from('\0guest\0guest'),locale:'en_US'}); await c.waitMethod('connection.tune'); c.sendMethod(0,'connection.tune-ok',{channelMax:0,frameMax:131072,heartbeat:0}); c.sendMethod(0,'connection.open',{virtualHost:'/',capabilities:'',insist:false}); });
await run('method-before-open', async (c) => { c.send(PROTOCOL_HEADER); await c.waitMethod('connection.start'); c.sendMethod(0,'connection.start-ok',{clientProperties:{},mechanism:'PLAIN',response:Buffer.from('\0guest\0guest'),locale:'en_US'}); await c.waitMethod('connection.tune'); c.sendMethod(0,'connection.tune-ok',{channelMax:2047,frameMax:131072,heartbeat:0}); c.sendMethod(1,'channel.open',{outOfBand:''}); });
await run('amqplain', async (c) => { c.send(PROTOCOL_HEADER); await c.waitMethod('connection.start'); const {encodeFieldTable} = await import('../../../../electron/broker/protocol/field-table.js'); const t = encodeFieldTable({LOGIN:{type:'S',value:'guest'},PASSWORD:{type:'S',value:'guest'}}); c.sendMethod(0,'connection.start-ok',{clientProperties:{},mechanism:'AMQPLAIN',response:t.subarray(4),locale:'en_US'}); await c.waitMethod('connection.tune'); c.sendMethod(0,'connection.tune-ok',{channelMax:2047,frameMax:131072,heartbeat:0}); c.sendMethod(0,'connection.open',{virtualHost:'/',capabilities:'',insist:false}); await c.waitMethod('connection.open-ok'); c.sendMethod(0,'connection.close',{replyCode:200,replyText:'',classId:0,methodId:0}); });
await run('channel-method-on-0', async (c) => { await c.handshake(); c.sendMethod(0,'queue.declare', {ticket:0, queue:'x', passive:false, durable:false, exclusive:false, autoDelete:false, nowait:false, arguments:{}}); });
process.exit(0);
