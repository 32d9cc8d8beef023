import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { runDesktopCommand } from '../desktop/useDesktopCommands.js';
import type { Route } from '../navigation/routes.js';
import { matchCommands, OPEN_PALETTE_EVENT, paletteCommands, type PaletteCommand } from './palette-commands.js';
import './command-palette.css';

const isMac = (): boolean => /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent);

/**
 * Ctrl/⌘+K: every view and command by name, typed to narrow, arrows and
 * Enter to run, Escape to close. A combobox over a listbox on the native
 * <dialog>, so focus stays inside while it is open.
 */
export function CommandPalette({ navigate }: { navigate: (route: Route) => void }) {
  const [open, setOpen] = useState(false);
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const dialog = useRef<HTMLDialogElement>(null);
  const listId = useId();
  const commands = useMemo(() => paletteCommands(isMac() ? '⌘' : 'Ctrl'), []);
  const shown = matchCommands(commands, query);
  const current = shown[Math.min(active, shown.length - 1)];

  useEffect(() => {
    const onKeyDown = (event: globalThis.KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && !event.altKey && !event.shiftKey && event.key.toLowerCase() === 'k') {
        event.preventDefault();
        setOpen((was) => !was);
      }
    };
    const onOpen = () => setOpen(true);
    window.addEventListener('keydown', onKeyDown);
    window.addEventListener(OPEN_PALETTE_EVENT, onOpen);
    return () => {
      window.removeEventListener('keydown', onKeyDown);
      window.removeEventListener(OPEN_PALETTE_EVENT, onOpen);
    };
  }, []);

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) {
      setQuery('');
      setActive(0);
      element.showModal();
    }
    if (!open && element.open) element.close();
  }, [open]);

  const run = (command: PaletteCommand) => {
    setOpen(false);
    void runDesktopCommand(command.command, navigate);
  };
  const onKeyDown = (event: KeyboardEvent) => {
    const move = event.key === 'ArrowDown' ? 1 : event.key === 'ArrowUp' ? -1 : 0;
    if (move !== 0 && shown.length > 0) {
      event.preventDefault();
      setActive((at) => (Math.min(at, shown.length - 1) + move + shown.length) % shown.length);
    } else if (event.key === 'Enter' && current) {
      event.preventDefault();
      run(current);
    }
  };

  return (
    <dialog
      ref={dialog}
      className="dialog palette"
      aria-label="Command palette"
      onCancel={(event) => {
        event.preventDefault();
        setOpen(false);
      }}
      onClick={(event) => {
        if (event.target === dialog.current) setOpen(false);
      }}
    >
      <input
        className="input palette__input"
        role="combobox"
        aria-label="Command"
        aria-expanded="true"
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={current ? `${listId}-${current.id}` : undefined}
        placeholder="Type a view or a command"
        autoFocus
        value={query}
        onChange={(event) => {
          setQuery(event.target.value);
          setActive(0);
        }}
        onKeyDown={onKeyDown}
      />
      <ul className="palette__list" role="listbox" id={listId} aria-label="Commands">
        {shown.map((command) => (
          <li
            key={command.id}
            id={`${listId}-${command.id}`}
            role="option"
            aria-selected={command === current}
            className={`palette__item${command === current ? ' is-active' : ''}`}
            onMouseMove={() => setActive(shown.indexOf(command))}
            onClick={() => run(command)}
          >
            <span>{command.label}</span>
            <span className="palette__keys">
              {command.keys.map((key) => (
                <kbd key={key} className="kbd">
                  {key}
                </kbd>
              ))}
            </span>
          </li>
        ))}
      </ul>
      {shown.length === 0 ? (
        <p className="palette__empty" role="status">
          No command matches “{query}”.
        </p>
      ) : null}
    </dialog>
  );
}
