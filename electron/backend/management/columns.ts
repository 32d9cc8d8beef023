/**
 * The fields the sampler asks for (`columns=`). On a large broker most of a
 * queue's JSON is garbage-collection, backing-queue and per-node detail that
 * no view shows; trimming it cuts the transfer and the parse several-fold.
 */
export const QUEUE_COLUMNS = [
  'name',
  'vhost',
  'type',
  'state',
  'durable',
  'auto_delete',
  'exclusive',
  'messages',
  'messages_ready',
  'messages_unacknowledged',
  'consumers',
  'policy',
  'arguments',
  'effective_policy_definition',
  'message_stats.publish_details.rate',
  'message_stats.deliver_get_details.rate',
  // For Warren's own history: bytes, and the counter totals its rates are derived from.
  'message_bytes',
  'message_stats.publish',
  'message_stats.deliver_get',
  'message_stats.ack',
  'message_stats.redeliver',
].join(',');

export const EXCHANGE_COLUMNS = [
  'name',
  'vhost',
  'type',
  'durable',
  'auto_delete',
  'internal',
  'arguments',
  'message_stats.publish_in_details.rate',
  'message_stats.publish_out_details.rate',
].join(',');

export const BINDING_COLUMNS = ['source', 'vhost', 'destination', 'destination_type', 'routing_key'].join(',');

export const CONNECTION_COLUMNS = [
  'name',
  'vhost',
  'user',
  'state',
  'protocol',
  'peer_host',
  'peer_port',
  'channels',
  'connected_at',
  'client_properties',
  'recv_oct_details.rate',
  'send_oct_details.rate',
].join(',');

export const CHANNEL_COLUMNS = [
  'name',
  'number',
  'vhost',
  'user',
  'state',
  'consumer_count',
  'prefetch_count',
  'global_prefetch_count',
  'messages_unacknowledged',
  'messages_unconfirmed',
  'confirm',
  'transactional',
  'connection_details',
  'message_stats.publish_details.rate',
  'message_stats.deliver_get_details.rate',
  'message_stats.ack_details.rate',
].join(',');

export const VHOST_COLUMNS = ['name', 'messages', 'messages_ready', 'messages_unacknowledged'].join(',');
