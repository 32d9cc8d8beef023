import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { runDesktopCommand } from '../../../../renderer/desktop/useDesktopCommands.js';
import { CommandPalette } from '../../../../renderer/shell/CommandPalette.js';
import { matchCommands, paletteCommands } from '../../../../renderer/shell/palette-commands.js';

afterEach(cleanup);

const commands = paletteCommands('Ctrl');
const labels = (query: string) => matchCommands(commands, query).map((c) => c.label);

describe('command palette commands', () => {
  it('offer every sidebar view with its keys, profiles, the broker, the filter and definitions', () => {
    expect(commands.find((c) => c.id === 'view-queues')).toMatchObject({ label: 'Go to Queues', keys: ['Ctrl+2', 'g q'], command: { kind: 'navigate', route: 'queues' } });
    expect(commands.map((c) => c.id)).toEqual(expect.arrayContaining(['view-profiles', 'view-broker', 'focus-filter', 'import-definitions', 'export-definitions']));
  });

  it('match words at the start of the label\'s words first, then anywhere; every word must match', () => {
    expect(labels('que')[0]).toBe('Go to Queues');
    expect(labels('go con')).toEqual(['Go to Connections', 'Go to Consumers', 'Go to Consume'].filter((l) => commands.some((c) => c.label === l)));
    expect(labels('defin')).toEqual(['Go to Definitions', 'Import definitions…', 'Export definitions…']);
    expect(labels('xyz')).toEqual([]);
    expect(labels('  ')).toHaveLength(commands.length);
  });
});

describe('CommandPalette', () => {
  it('opens on Ctrl+K (and on the desktop menu\'s command), narrows as you type, runs the chosen command with Enter', async () => {
    const navigate = vi.fn();
    render(<CommandPalette navigate={navigate} />);
    const dialog = screen.getByRole('dialog', { hidden: true }) as HTMLDialogElement;
    expect(dialog.open).toBe(false);

    fireEvent.keyDown(window, { key: 'k', ctrlKey: true });
    expect(dialog.open).toBe(true);
    const input = screen.getByRole('combobox', { name: 'Command' });
    fireEvent.change(input, { target: { value: 'topo' } });
    expect(screen.getAllByRole('option').map((o) => o.textContent)).toEqual(['Go to TopologyCtrl+4g t']);
    fireEvent.keyDown(input, { key: 'Enter' });
    expect(navigate).toHaveBeenCalledWith('topology');
    expect(dialog.open).toBe(false);

    await act(() => runDesktopCommand({ kind: 'command-palette' }, navigate));
    expect(dialog.open).toBe(true);
    expect((screen.getByRole('combobox', { name: 'Command' }) as HTMLInputElement).value).toBe('');
  });

  it('moves with the arrows (wrapping), says when nothing matches, and closes on Escape', () => {
    const navigate = vi.fn();
    render(<CommandPalette navigate={navigate} />);
    fireEvent.keyDown(window, { key: 'K', metaKey: true });
    const input = screen.getByRole('combobox', { name: 'Command' });
    fireEvent.change(input, { target: { value: 'go to' } });
    const selected = () => screen.getAllByRole('option').findIndex((o) => o.getAttribute('aria-selected') === 'true');
    expect(selected()).toBe(0);
    fireEvent.keyDown(input, { key: 'ArrowUp' });
    expect(selected()).toBe(screen.getAllByRole('option').length - 1);
    fireEvent.keyDown(input, { key: 'ArrowDown' });
    expect(selected()).toBe(0);
    expect(input.getAttribute('aria-activedescendant')).toBe(screen.getAllByRole('option')[0]!.id);

    fireEvent.change(input, { target: { value: 'nothing like this' } });
    expect(screen.getByRole('status').textContent).toBe('No command matches “nothing like this”.');
    fireEvent.keyDown(input, { key: 'Enter' });
    expect(navigate).not.toHaveBeenCalled();

    const dialog = screen.getByRole('dialog', { hidden: true }) as HTMLDialogElement;
    fireEvent(dialog, new Event('cancel', { cancelable: true }));
    expect(dialog.open).toBe(false);
  });
});
