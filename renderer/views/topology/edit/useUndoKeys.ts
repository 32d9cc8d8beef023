import { useEffect, useRef } from 'react';

/** A field keeps its own text undo: the pending set's undo is for the rest of the page. */
function inTextField(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || target.tagName === 'INPUT' || target.tagName === 'TEXTAREA' || target.tagName === 'SELECT';
}

/** Ctrl/⌘+Z undoes, Shift+Ctrl/⌘+Z and Ctrl+Y redo. */
export function useUndoKeys({ enabled, onUndo, onRedo }: { enabled: boolean; onUndo: () => void; onRedo: () => void }): void {
  const handlers = useRef({ onUndo, onRedo });
  handlers.current = { onUndo, onRedo };
  useEffect(() => {
    if (!enabled) return;
    const onKey = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || event.altKey || inTextField(event.target)) return;
      const key = event.key.toLowerCase();
      if (key === 'z' && !event.shiftKey) handlers.current.onUndo();
      else if ((key === 'z' && event.shiftKey) || (key === 'y' && !event.shiftKey)) handlers.current.onRedo();
      else return;
      event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [enabled]);
}
