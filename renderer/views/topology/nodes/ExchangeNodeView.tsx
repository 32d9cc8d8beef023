import { memo } from 'react';
import type { NodeProps } from '@xyflow/react';
import { Flags } from './Flags.js';
import { Handles } from './Handles.js';
import type { ExchangeFlowNode } from './node-data.js';
import { PinMark } from './PinMark.js';

export const ExchangeNodeView = memo(function ExchangeNodeView({ data }: NodeProps<ExchangeFlowNode>) {
  const { node, pinned } = data;
  const name = node.name === '' ? '(AMQP default)' : node.name;
  return (
    <div className={`tnode tnode--exchange${node.missing ? ' is-missing' : ''}`} data-testid="topology-exchange" title={node.missing ? `${name} does not exist: messages sent there are dropped` : name}>
      <Handles />
      <div className="tnode__head">
        <span className={`tnode__type tnode__type--${node.missing ? 'missing' : node.type.replace(/[^a-z-]/gi, '')}`}>{node.missing ? 'missing' : node.type}</span>
        <span className="tnode__name">{name}</span>
        {pinned ? <PinMark /> : null}
      </div>
      <div className="tnode__details">
        <Flags flags={[['D', 'Durable', node.durable], ['AD', 'Auto-delete', node.autoDelete], ['I', 'Internal: clients cannot publish to it', node.internal]]} />
        {node.policy ? <span className="tnode__policy" title={`Policy ${node.policy}`}>{node.policy}</span> : null}
      </div>
    </div>
  );
});
