import amqp, { type ChannelModel } from 'amqplib';
import { expect, it } from 'vitest';
import { forEachTarget } from '../support/targets.js';
import { api } from './http-support.js';

/** Deleting a user or a vhost over HTTP closes the connections that depend on it, with RabbitMQ's reasons. */
forEachTarget((ctx) => {
  const closed = (c: ChannelModel) => new Promise<string>((resolve) => {
    c.on('error', () => undefined);
    c.on('close', (err: Error | undefined) => resolve(String(err?.message)));
  });

  it('deleting a user closes its connections; deleting a vhost closes the connections to it', async () => {
    const http = ctx.target.managementUrl;
    const s = ctx.session();
    const vhost = s.name('delvh');
    const user = s.name('deluser');
    const V = encodeURIComponent(vhost);
    expect((await api(http, 'PUT', `/api/vhosts/${V}`)).status).toBe(201);
    try {
      await api(http, 'PUT', `/api/users/${encodeURIComponent(user)}`, { body: { password: 'p', tags: '' } });
      await api(http, 'PUT', `/api/permissions/${V}/${encodeURIComponent(user)}`, { body: { configure: '.*', write: '.*', read: '.*' } });
      const byUser = await amqp.connect(ctx.target.url({ user, password: 'p', vhost }));
      const byGuest = await amqp.connect(ctx.target.url({ vhost }));
      const userClosed = closed(byUser);
      const guestClosed = closed(byGuest);
      expect((await api(http, 'DELETE', `/api/users/${encodeURIComponent(user)}`)).status).toBe(204);
      expect(await userClosed).toContain(`CONNECTION_FORCED - user '${user}' is deleted`);
      expect((await api(http, 'DELETE', `/api/vhosts/${V}`)).status).toBe(204);
      // RabbitMQ races its vhost supervisor here: either reason may come first.
      expect(await guestClosed).toMatch(new RegExp(`CONNECTION_FORCED - vhost '${vhost}' is (deleted|down)`));
      expect((await api(http, 'GET', `/api/vhosts/${V}`)).status).toBe(404);
    } finally {
      await api(http, 'DELETE', `/api/vhosts/${V}`);
      await api(http, 'DELETE', `/api/users/${encodeURIComponent(user)}`);
    }
  });
});
