import { memo } from 'react';
import type { NodeProps } from '@xyflow/react';
import { formatCount, formatRate } from '../../../format/numbers.js';
import { Flags } from './Flags.js';
import { Handles } from './Handles.js';
import type { QueueFlowNode } from './node-data.js';
import { PinMark } from './PinMark.js';
import { useQueueLive } from './useQueueLive.js';

export const QueueNodeView = memo(function QueueNodeView({ data }: NodeProps<QueueFlowNode>) {
  const { node, pinned } = data;
  const { row, growing } = useQueueLive(node.name);
  const idle = row !== undefined && row.consumers === 0;
  const cues = `${growing ? ' is-growing' : ''}${idle ? ' is-idle' : ''}`;
  return (
    <div className={`tnode tnode--queue${cues}`} data-testid="topology-queue" title={node.name}>
      <Handles />
      <div className="tnode__head">
        <span className="tnode__type tnode__type--queue">{node.queueType === 'classic' ? 'queue' : node.queueType}</span>
        <span className="tnode__name">{node.name}</span>
        {pinned ? <PinMark /> : null}
        {growing ? (
          <span className="tnode__cue tnode__cue--growing" title="Ready messages rose over the last samples">
            ▲
          </span>
        ) : null}
      </div>
      <div className="tnode__counts">
        <span className="tnode__count" title="Ready">
          <span className="tnode__count-label">ready</span> {formatCount(row?.ready)}
        </span>
        <span className="tnode__count" title="Unacknowledged">
          <span className="tnode__count-label">unacked</span> {formatCount(row?.unacked)}
        </span>
        {row && (row.publishRate !== null || row.deliverRate !== null) ? (
          <span className="tnode__rates" title="Messages per second published into the queue, and delivered from it">
            in {formatRate(row.publishRate)} · out {formatRate(row.deliverRate)}
          </span>
        ) : null}
      </div>
      <div className="tnode__details">
        <Flags flags={[['D', 'Durable', node.durable], ['AD', 'Auto-delete', node.autoDelete], ['X', 'Exclusive', node.exclusive]]} />
        {idle ? (
          <span className="tnode__cue tnode__cue--idle" title="No consumer reads this queue">
            no consumers
          </span>
        ) : row ? (
          <span className="tnode__consumers">{row.consumers === 1 ? '1 consumer' : `${formatCount(row.consumers)} consumers`}</span>
        ) : null}
        {node.policy ? <span className="tnode__policy" title={`Policy ${node.policy}`}>{node.policy}</span> : null}
      </div>
    </div>
  );
});
