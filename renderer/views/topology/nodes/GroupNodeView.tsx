import { memo } from 'react';
import type { NodeProps } from '@xyflow/react';
import { formatCount } from '../../../format/numbers.js';
import { useConsole } from '../../../state/StoreProvider.js';
import { queueIndex, queueKey } from '../live-index.js';
import { useTopologyContext } from '../topology-context.js';
import { Handles } from './Handles.js';
import type { GroupFlowNode } from './node-data.js';

/** A collapsed fan-out: how many queues, how many messages wait in them, and a click to open it. */
export const GroupNodeView = memo(function GroupNodeView({ data }: NodeProps<GroupFlowNode>) {
  const { node } = data;
  const { vhost, toggleFanout } = useTopologyContext();
  const ready = useConsole((s) => {
    const index = queueIndex(s.inventory.queues);
    let sum = 0;
    for (const name of node.memberNames) sum += index.get(queueKey(vhost, name))?.ready ?? 0;
    return sum;
  });
  return (
    <button type="button" className="tnode tnode--group nodrag" data-testid="topology-group" onClick={() => toggleFanout(node.exchange)} title={`Show the ${node.members.length} queues bound to ${node.exchange}`}>
      <Handles />
      <span className="tnode__head">
        <span className="tnode__type tnode__type--group">+{formatCount(node.members.length)}</span>
        <span className="tnode__name">queues</span>
      </span>
      <span className="tnode__counts">
        <span className="tnode__count">
          <span className="tnode__count-label">ready</span> {formatCount(ready)}
        </span>
        <span className="tnode__expand">Expand</span>
      </span>
    </button>
  );
});
