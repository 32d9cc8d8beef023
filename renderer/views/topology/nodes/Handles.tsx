import { Handle, Position } from '@xyflow/react';
import { useTopologyContext } from '../topology-context.js';

/** In on the left, out on the right: the layout runs left to right. */
export function Handles({ source = true }: { source?: boolean }) {
  const { connectable } = useTopologyContext();
  return (
    <>
      <Handle type="target" position={Position.Left} className="tnode__handle" isConnectable={connectable} />
      {source ? <Handle type="source" position={Position.Right} className="tnode__handle" isConnectable={connectable} /> : null}
    </>
  );
}
