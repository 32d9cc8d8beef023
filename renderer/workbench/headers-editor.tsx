import { Icon } from '../components/Icon.js';
import { isContainer, retype, updateNode, valueNode, VALUE_TYPE_LABEL, VALUE_TYPES, type ValueNode, type ValueType } from './typed-value.js';

const PLACEHOLDER: Partial<Record<ValueType, string>> = {
  string: 'text',
  int: '42',
  float: '1.5',
  timestamp: 'seconds since 1970',
  bytes: 'base64',
  decimal: '12.50',
};

/** Width of the name column at the top level; nested rows give up their indent from it, so types and values line up. */
const NAME_WIDTH = 180;
const INDENT = 18;

interface RowProps {
  node: ValueNode;
  /** "2" for the second header, "2.1" for the first entry inside it: names each control for screen readers and tests. */
  path: string;
  depth: number;
  /** Array elements have no name: their position is shown. */
  index: number | null;
  problems: ReadonlyMap<number, string>;
  change: (id: number, next: (node: ValueNode) => ValueNode | null) => void;
}

function ValueRow({ node, path, depth, index, problems, change }: RowProps) {
  const problem = problems.get(node.id);
  const set = (patch: Partial<ValueNode>) => change(node.id, (n) => ({ ...n, ...patch }));
  const problemId = `header-${node.id}-problem`;
  let value;
  if (isContainer(node.type)) {
    value = (
      <span className="headers-editor__count">
        {node.children.length} {node.children.length === 1 ? 'entry' : 'entries'}
        <button
          type="button"
          className="button button--ghost button--small"
          aria-label={`Add entry to header ${path}`}
          onClick={() => change(node.id, (n) => ({ ...n, children: [...n.children, valueNode()] }))}
        >
          <Icon name="plus" size={12} /> Entry
        </button>
      </span>
    );
  } else if (node.type === 'boolean') {
    value = (
      <select className="select headers-editor__value" aria-label={`Header ${path} value`} value={node.text === 'false' ? 'false' : 'true'} onChange={(e) => set({ text: e.target.value })}>
        <option value="true">true</option>
        <option value="false">false</option>
      </select>
    );
  } else if (node.type === 'void') {
    value = <span className="headers-editor__void">no value</span>;
  } else {
    value = (
      <input
        className={`input input--mono headers-editor__value${problem ? ' is-invalid' : ''}`}
        aria-label={`Header ${path} value`}
        aria-invalid={problem ? true : undefined}
        aria-describedby={problem ? problemId : undefined}
        placeholder={PLACEHOLDER[node.type]}
        spellCheck={false}
        value={node.text}
        onChange={(e) => set({ text: e.target.value })}
      />
    );
  }
  return (
    <>
      <div className="headers-editor__row" role="group" aria-label={`Header ${path}`} style={{ paddingLeft: depth * INDENT }}>
        {index === null ? (
          <input
            style={{ flexBasis: NAME_WIDTH - depth * INDENT }}
            className={`input input--mono headers-editor__name${problem && !isContainer(node.type) && node.name.trim() === '' ? ' is-invalid' : ''}`}
            aria-label={`Header ${path} name`}
            placeholder="name"
            spellCheck={false}
            value={node.name}
            onChange={(e) => set({ name: e.target.value })}
          />
        ) : (
          <span className="headers-editor__index" style={{ flexBasis: NAME_WIDTH - depth * INDENT }}>
            [{index}]
          </span>
        )}
        <select className="select headers-editor__type" aria-label={`Header ${path} type`} value={node.type} onChange={(e) => change(node.id, (n) => retype(n, e.target.value as ValueType))}>
          {VALUE_TYPES.map((t) => (
            <option key={t} value={t}>
              {VALUE_TYPE_LABEL[t]}
            </option>
          ))}
        </select>
        {value}
        <button type="button" className="button button--ghost button--small headers-editor__remove" aria-label={`Remove header ${path}`} title="Remove" onClick={() => change(node.id, () => null)}>
          <Icon name="cross" size={12} />
        </button>
      </div>
      {problem ? (
        <p className="headers-editor__problem" id={problemId} style={{ paddingLeft: NAME_WIDTH + 6 }}>
          {problem}
        </p>
      ) : null}
      {node.children.map((child, i) => (
        <ValueRow key={child.id} node={child} path={`${path}.${i + 1}`} depth={depth + 1} index={node.type === 'array' ? i : null} problems={problems} change={change} />
      ))}
    </>
  );
}

/**
 * Typed headers as a compact tree: a row per header with name, AMQP type and
 * value; tables and arrays open into indented child rows. Each row's problem
 * shows under it as it is typed.
 */
export function HeadersEditor({
  nodes,
  problems,
  onChange,
}: {
  nodes: readonly ValueNode[];
  problems: ReadonlyMap<number, string>;
  onChange: (nodes: ValueNode[]) => void;
}) {
  const change = (id: number, next: (node: ValueNode) => ValueNode | null) => onChange(updateNode(nodes, id, next));
  return (
    <div className="headers-editor">
      {nodes.length === 0 ? <p className="headers-editor__empty">No headers.</p> : null}
      {nodes.map((node, i) => (
        <ValueRow key={node.id} node={node} path={String(i + 1)} depth={0} index={null} problems={problems} change={change} />
      ))}
      <button type="button" className="button button--small headers-editor__add" onClick={() => onChange([...nodes, valueNode()])}>
        <Icon name="plus" size={12} /> Add header
      </button>
    </div>
  );
}
