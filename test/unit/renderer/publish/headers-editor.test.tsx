import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import type { FieldTable } from '../../../../shared/model/workbench/field-value.js';
import { HeadersEditor } from '../../../../renderer/workbench/headers-editor.js';
import { nodesFromTable, parseTable, type ValueNode } from '../../../../renderer/workbench/typed-value.js';

afterEach(cleanup);

let latest: FieldTable = {};

function Harness({ initial = [] }: { initial?: ValueNode[] }) {
  const [nodes, setNodes] = useState<ValueNode[]>(initial);
  const { table, problems } = parseTable(nodes);
  latest = table;
  return <HeadersEditor nodes={nodes} problems={problems} onChange={setNodes} />;
}

const type = (label: string, value: string) => fireEvent.change(screen.getByLabelText(label), { target: { value } });

describe('HeadersEditor', () => {
  it('builds a typed FieldTable with a nested table and an array, from the keyboard-reachable controls', () => {
    render(<Harness />);
    fireEvent.click(screen.getByRole('button', { name: 'Add header' }));
    type('Header 1 name', 'retry');
    type('Header 1 type', 'boolean');
    type('Header 1 value', 'false');
    fireEvent.click(screen.getByRole('button', { name: 'Add header' }));
    type('Header 2 name', 'route');
    type('Header 2 type', 'table');
    fireEvent.click(screen.getByRole('button', { name: 'Add entry to header 2' }));
    type('Header 2.1 name', 'hops');
    type('Header 2.1 type', 'array');
    fireEvent.click(screen.getByRole('button', { name: 'Add entry to header 2.1' }));
    type('Header 2.1.1 type', 'float');
    type('Header 2.1.1 value', '0.25');
    expect(screen.getByText('[0]')).toBeTruthy();
    expect(latest).toEqual({
      retry: { type: 'boolean', value: false },
      route: { type: 'table', value: { hops: { type: 'array', value: [{ type: 'float', value: 0.25 }] } } },
    });
  });

  it('shows a row’s problem under it as it is typed, and removing the row clears it', () => {
    render(<Harness />);
    fireEvent.click(screen.getByRole('button', { name: 'Add header' }));
    type('Header 1 name', 'count');
    type('Header 1 type', 'int');
    type('Header 1 value', '12a');
    expect(screen.getByText('a whole number, e.g. 42')).toBeTruthy();
    expect(screen.getByLabelText('Header 1 value').getAttribute('aria-invalid')).toBe('true');
    expect(latest).toEqual({});
    type('Header 1 value', '12');
    expect(screen.queryByText('a whole number, e.g. 42')).toBeNull();
    expect(latest).toEqual({ count: { type: 'int', value: 12 } });
    fireEvent.click(screen.getByRole('button', { name: 'Remove header 1' }));
    expect(screen.getByText('No headers.')).toBeTruthy();
  });

  it('opens a consumed message’s headers as rows and gives them back unchanged', () => {
    const headers: FieldTable = { 'x-first-death-queue': { type: 'string', value: 'orders' }, raw: { type: 'bytes', value: 'AAE=' }, gone: { type: 'void' } };
    render(<Harness initial={nodesFromTable(headers)} />);
    expect((screen.getByLabelText('Header 2 value') as HTMLInputElement).value).toBe('AAE=');
    expect(screen.getByText('no value')).toBeTruthy();
    expect(latest).toEqual(headers);
  });
});
