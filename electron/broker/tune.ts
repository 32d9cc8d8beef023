// connection.tune-ok validation and the negotiated values, as rabbit_reader's
// validate_negotiated_integer_value decides them: the client may lower
// frame_max and channel_max but not raise them, and 0 ("no limit") counts as
// raising them; frame_max may not go below 4096. The heartbeat is whatever
// the client chose (0 disables it).
import { FRAME_MIN_SIZE } from './protocol/generated.js';

export interface TuneLimits {
  frameMax: number;
  channelMax: number;
}

export interface TuneOk {
  frameMax: number;
  channelMax: number;
  heartbeat: number;
}

export type Negotiated = { frameMax: number; channelMax: number; heartbeat: number } | { refused: string };

export function negotiateTune(server: TuneLimits, client: TuneOk): Negotiated {
  const { frameMax, channelMax, heartbeat } = client;
  if (frameMax !== 0 && frameMax < FRAME_MIN_SIZE) {
    return { refused: `negotiated frame_max = ${frameMax} is lower than the minimum allowed value (${FRAME_MIN_SIZE})` };
  }
  if (frameMax === 0 || frameMax > server.frameMax) {
    return { refused: `negotiated frame_max = ${frameMax} is higher than the maximum allowed value (${server.frameMax})` };
  }
  if (channelMax === 0 || channelMax > server.channelMax) {
    return { refused: `negotiated channel_max = ${channelMax} is higher than the maximum allowed value (${server.channelMax})` };
  }
  return { frameMax, channelMax, heartbeat };
}
