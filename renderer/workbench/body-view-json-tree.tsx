import { useState } from 'react';

/** Children shown at once under one node; more come on request, so a 50,000-item array opens instantly. */
const PAGE = 200;
/** Levels open at first. */
const OPEN_DEPTH = 2;

function preview(value: unknown): string {
  if (Array.isArray(value)) return `[ ${value.length.toLocaleString('en-US')} ${value.length === 1 ? 'item' : 'items'} ]`;
  const keys = Object.keys(value as object).length;
  return `{ ${keys.toLocaleString('en-US')} ${keys === 1 ? 'key' : 'keys'} }`;
}

function Scalar({ value }: { value: unknown }) {
  if (typeof value === 'string') return <span className="json-tree__string">{JSON.stringify(value)}</span>;
  if (typeof value === 'number') return <span className="json-tree__number">{String(value)}</span>;
  if (typeof value === 'boolean') return <span className="json-tree__boolean">{String(value)}</span>;
  return <span className="json-tree__null">null</span>;
}

function Node({ name, value, depth }: { name: string | null; value: unknown; depth: number }) {
  const nested = value !== null && typeof value === 'object';
  const [open, setOpen] = useState(depth < OPEN_DEPTH);
  const [shown, setShown] = useState(PAGE);
  const label = name === null ? null : <span className="json-tree__key">{name}: </span>;
  if (!nested) {
    return (
      <li className="json-tree__leaf">
        {label}
        <Scalar value={value} />
      </li>
    );
  }
  const entries: [string, unknown][] = Array.isArray(value) ? value.map((v, i) => [String(i), v]) : Object.entries(value);
  return (
    <li>
      <button type="button" className="json-tree__toggle" aria-expanded={open} onClick={() => setOpen(!open)}>
        <span className="json-tree__caret" aria-hidden="true">
          {open ? '▾' : '▸'}
        </span>
        {label}
        <span className="json-tree__summary">{preview(value)}</span>
      </button>
      {open ? (
        <ul className="json-tree__children">
          {entries.slice(0, shown).map(([key, child]) => (
            <Node key={key} name={key} value={child} depth={depth + 1} />
          ))}
          {entries.length > shown ? (
            <li>
              <button type="button" className="button button--small" onClick={() => setShown(shown + PAGE * 5)}>
                Show {Math.min(PAGE * 5, entries.length - shown).toLocaleString('en-US')} more of {(entries.length - shown).toLocaleString('en-US')}
              </button>
            </li>
          ) : null}
        </ul>
      ) : null}
    </li>
  );
}

/** A parsed JSON document as a tree: two levels open, the rest on click, long lists paged. */
export function JsonTree({ value }: { value: unknown }) {
  return (
    <ul className="json-tree" aria-label="Body as a JSON tree">
      <Node name={null} value={value} depth={0} />
    </ul>
  );
}
