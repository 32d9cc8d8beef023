import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { DiffTable } from '../../../../renderer/views/definitions/DiffTable.js';
import { diffModels } from '../../../../shared/definitions/diff.js';
import { readDefinitions } from '../../../../shared/definitions/read.js';
import text from '../../../fixtures/rabbitmq-3.10/definitions.json?raw';

afterEach(cleanup);

const changed = JSON.parse(text);
changed.queues[0].durable = false;
changed.exchanges.splice(0, 1);
const entries = diffModels(readDefinitions(text).model!, readDefinitions(JSON.stringify(changed)).model!);

describe('DiffTable', () => {
  it('shows differences only at first, highlights what changed, and filters by status and entity type', () => {
    render(<DiffTable entries={entries} labels={['before.json', 'after.json']} />);
    const table = screen.getByRole('table');
    // The removed exchange's bindings stay: a comparison does not cascade.
    expect(within(table).getAllByRole('row')).toHaveLength(3);
    expect(table.querySelector('.is-different dt')?.textContent).toBe('durable');
    expect(screen.getByRole('button', { name: /^Only left 1$/ })).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Queues' }));
    expect(within(screen.getByRole('table')).getAllByRole('row')).toHaveLength(2);
    fireEvent.click(screen.getByRole('button', { name: /^Only left/ }));
    expect(screen.getByRole('status').textContent).toBe('Nothing matches the filters.');
    fireEvent.click(screen.getByRole('button', { name: /^Same/ }));
    expect(within(screen.getByRole('table')).getAllByRole('row').length).toBeGreaterThan(20);
  });

  it('says so when both sides are the same', () => {
    render(<DiffTable entries={diffModels(readDefinitions(text).model!, readDefinitions(text).model!)} labels={['a', 'b']} />);
    expect(screen.getByRole('status').textContent).toContain('No differences');
  });
});
