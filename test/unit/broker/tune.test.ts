import { describe, expect, it } from 'vitest';
import { negotiateTune } from '../../../electron/broker/tune.js';

const server = { frameMax: 131072, channelMax: 2047 };

describe('negotiateTune', () => {
  it('honours lower client values and the client heartbeat', () => {
    expect(negotiateTune(server, { frameMax: 8192, channelMax: 10, heartbeat: 5 })).toEqual({ frameMax: 8192, channelMax: 10, heartbeat: 5 });
  });

  it('refuses 0 ("no limit") where the server has a limit, as RabbitMQ 3.10 does', () => {
    expect(negotiateTune(server, { frameMax: 0, channelMax: 10, heartbeat: 0 })).toEqual({
      refused: 'negotiated frame_max = 0 is higher than the maximum allowed value (131072)',
    });
    expect(negotiateTune(server, { frameMax: 4096, channelMax: 0, heartbeat: 0 })).toEqual({
      refused: 'negotiated channel_max = 0 is higher than the maximum allowed value (2047)',
    });
  });

  it('refuses frame_max below 4096 or above the server, and channel_max above the server', () => {
    expect(negotiateTune(server, { frameMax: 100, channelMax: 1, heartbeat: 0 })).toEqual({
      refused: 'negotiated frame_max = 100 is lower than the minimum allowed value (4096)',
    });
    expect(negotiateTune(server, { frameMax: 200000, channelMax: 1, heartbeat: 0 })).toHaveProperty('refused');
    expect(negotiateTune(server, { frameMax: 4096, channelMax: 3000, heartbeat: 0 })).toHaveProperty('refused');
  });
});
