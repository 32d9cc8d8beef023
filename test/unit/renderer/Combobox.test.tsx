import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { Combobox, type ComboCommit } from '../../../renderer/components/Combobox.js';

afterEach(cleanup);

const OPTIONS = [{ value: '', label: '(default)' }, { value: 'orders', detail: 'topic' }, { value: 'orders.dlx', detail: 'direct' }, { value: 'reports' }];

/** The field with its value shown beside it, as a form holds it; Escape reaching the holder is counted. */
function Field({ commit, escapes }: { commit: ComboCommit; escapes: { count: number } }) {
  const [value, setValue] = useState('orders');
  return (
    <div onKeyDown={(event) => void (event.key === 'Escape' && escapes.count++)}>
      <Combobox id="x" label="Exchange" commit={commit} value={value} onChange={setValue} options={OPTIONS} displayValue={(v) => (v === '' ? '(default)' : v)} emptyText="No match" />
      <output>{`[${value}]`}</output>
    </div>
  );
}

const input = () => screen.getByRole('combobox') as HTMLInputElement;
const setup = (commit: ComboCommit) => {
  const escapes = { count: 0 };
  render(<Field commit={commit} escapes={escapes} />);
  return escapes;
};
const held = () => document.querySelector('output')?.textContent;

describe('Combobox', () => {
  it("'typing': every keystroke is the value, and Enter on a field just focused keeps it", () => {
    setup('typing');
    fireEvent.focus(input());
    expect(screen.getAllByRole('option')).toHaveLength(4);
    fireEvent.keyDown(input(), { key: 'Enter' });
    expect(held()).toBe('[orders]');
    fireEvent.change(input(), { target: { value: 'order.key' } });
    expect(held()).toBe('[order.key]');
    expect(screen.queryByRole('listbox')).toBeNull();
  });

  it("'pick': typing searches, the arrow keys and Enter pick, the value changes only then", () => {
    setup('pick');
    fireEvent.focus(input());
    expect(screen.queryByRole('listbox')).toBeNull();
    fireEvent.change(input(), { target: { value: 'ord' } });
    expect(held()).toBe('[orders]');
    expect(screen.getAllByRole('option').map((o) => o.textContent)).toEqual(['orderstopic', 'orders.dlxdirect']);
    fireEvent.keyDown(input(), { key: 'ArrowDown' });
    expect(input().getAttribute('aria-activedescendant')).toBe(screen.getAllByRole('option')[1]?.id);
    fireEvent.keyDown(input(), { key: 'Enter' });
    expect(held()).toBe('[orders.dlx]');
    expect(input().value).toBe('orders.dlx');
  });

  it("'pick': a name matching nothing is taken as typed on Enter or on leaving the field", () => {
    setup('pick');
    fireEvent.change(input(), { target: { value: 'nope' } });
    expect(screen.getByText('No match')).toBeTruthy();
    fireEvent.keyDown(input(), { key: 'Enter' });
    expect(held()).toBe('[nope]');
    fireEvent.change(input(), { target: { value: 'gone' } });
    fireEvent.blur(input());
    expect(held()).toBe('[gone]');
  });

  it("'pick': a click opens the whole list on an empty field; Escape closes only the list and restores the value", () => {
    const escapes = setup('pick');
    fireEvent.click(input());
    expect(input().value).toBe('');
    expect(screen.getAllByRole('option')).toHaveLength(4);
    fireEvent.keyDown(input(), { key: 'Escape' });
    expect(screen.queryByRole('listbox')).toBeNull();
    expect(input().value).toBe('orders');
    expect(escapes.count).toBe(0);
    fireEvent.keyDown(input(), { key: 'Escape' });
    expect(escapes.count).toBe(1);
  });

  it('a click on an option picks it, the default one by its label', () => {
    setup('pick');
    fireEvent.click(input());
    fireEvent.mouseDown(screen.getByRole('option', { name: '(default)' }));
    expect(held()).toBe('[]');
    expect(input().value).toBe('(default)');
  });
});
