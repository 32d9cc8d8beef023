import { cleanup, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { findDesktopShell, onDesktopCommand } from '../../../../renderer/desktop/desktop-shell.js';
import { runDesktopCommand } from '../../../../renderer/desktop/useDesktopCommands.js';
import { DefinitionsView } from '../../../../renderer/views/definitions/DefinitionsView.js';
import { FakeClient, session } from '../support/fakeClient.js';
import { renderWithStore } from '../support/render.js';

afterEach(cleanup);

describe('desktop shell commands in the page', () => {
  it('are taken only from a preload that exposes onCommand and setTheme, and only when they match the schema', () => {
    expect(findDesktopShell({})).toBeNull();
    expect(findDesktopShell({ warrenDesktop: { onCommand: 'x', setTheme: () => undefined } })).toBeNull();
    expect(findDesktopShell({ warrenDesktop: { onCommand: () => () => undefined } })).toBeNull();
    let deliver: (payload: unknown) => void = () => undefined;
    const shell = findDesktopShell({ warrenDesktop: { onCommand: (listener: (payload: unknown) => void) => ((deliver = listener), () => undefined), setTheme: () => undefined } })!;
    const commands: unknown[] = [];
    const invalid: string[] = [];
    onDesktopCommand(shell, (c) => commands.push(c), (reason) => invalid.push(reason));
    deliver({ kind: 'navigate', route: 'queues' });
    deliver({ kind: 'navigate', route: '../../etc' });
    deliver({ kind: 'run', script: 'rm -rf /' });
    deliver({ kind: 'focus-filter', extra: 1 });
    deliver({ kind: 'theme', theme: 'dark' });
    deliver({ kind: 'theme', theme: 'sepia' });
    expect(commands).toEqual([
      { kind: 'navigate', route: 'queues' },
      { kind: 'theme', theme: 'dark' },
    ]);
    expect(invalid).toHaveLength(4);
    expect(invalid[0]).toContain('route');
  });

  it('navigate only to views the page has, and focus the filter as "/" does', async () => {
    const navigate = vi.fn();
    await runDesktopCommand({ kind: 'navigate', route: 'topology' }, navigate);
    await runDesktopCommand({ kind: 'navigate', route: 'nowhere' }, navigate);
    expect(navigate.mock.calls).toEqual([['topology']]);
    document.body.innerHTML = '<input data-filter-input value="orders">';
    await runDesktopCommand({ kind: 'focus-filter' }, navigate);
    expect(document.activeElement).toBe(document.querySelector('[data-filter-input]'));
  });

  it('open the Definitions view on Export, or on Import with the opened file planned as if chosen there, or its chooser open', async () => {
    const client = new FakeClient();
    client.handle('definitions.plan', () => ({ problems: [], summary: null, changes: [], steps: [], diff: [], deletions: [] }));
    renderWithStore(<DefinitionsView />, { session: session() }, client);
    const navigate = vi.fn();

    await runDesktopCommand({ kind: 'export-definitions' }, navigate);
    expect(navigate).toHaveBeenCalledWith('definitions');
    expect(screen.getByRole('tab', { name: 'Export' }).getAttribute('aria-selected')).toBe('true');

    const chooser = vi.spyOn(HTMLInputElement.prototype, 'click');
    await runDesktopCommand({ kind: 'import-definitions', file: { name: 'shop.json', text: '{"queues":[]}' } }, navigate);
    expect(screen.getByRole('tab', { name: 'Import' }).getAttribute('aria-selected')).toBe('true');
    await waitFor(() => expect(client.callsOf('definitions.plan')[0]).toMatchObject({ text: '{"queues":[]}' }));
    expect(chooser).not.toHaveBeenCalled();

    // From the palette there is no file yet: the import's chooser opens.
    await runDesktopCommand({ kind: 'export-definitions' }, navigate);
    await runDesktopCommand({ kind: 'import-definitions', file: null }, navigate);
    expect(screen.getByRole('tab', { name: 'Import' }).getAttribute('aria-selected')).toBe('true');
    expect(chooser).toHaveBeenCalledTimes(1);
    expect(chooser.mock.contexts[0]).toBe(document.querySelector('#defs-panel-import input[type="file"]'));
    chooser.mockRestore();
  });
});
