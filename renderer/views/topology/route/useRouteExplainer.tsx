import { useCallback, useEffect, useRef, useState } from 'react';
import type { TopologySnapshot } from '../../../../shared/model/topology.js';
import type { GraphExtensions } from '../graph-extensions.js';
import { RouteExplainerButton } from './RouteExplainerButton.js';
import { RouteExplainerPanel } from './RouteExplainerPanel.js';
import { type RouteDraft, type RouteMessage, draftFromMessage, emptyDraft } from './route-form.js';
import { useRouteShortcut } from './useRouteShortcut.js';
import { useRoutePrediction } from './useRoutePrediction.js';

export interface RouteExplainer {
  /** What the topology graph shows for the explainer: the toolbar button, the side panel and the path highlight. */
  extensions: Pick<GraphExtensions, 'toolbar' | 'panel' | 'highlight'>;
  /** Opens the explainer, prefilled with a message when given (the workbench's "explain route"). */
  open(message?: RouteMessage): void;
}

/** A start the user can change at once: the first exchange a message is usually published to. */
function firstExchange(snapshot: TopologySnapshot): string {
  const own = snapshot.exchanges.find((x) => x.name !== '' && !x.name.startsWith('amq.') && !x.internal);
  return own?.name ?? '';
}

/**
 * The route explainer as a feature of the topology graph: the graph passes
 * the vhost's snapshot and renders what `extensions` holds. "r" opens it
 * (see useRouteShortcut); Escape or the close button closes it, which clears
 * the highlight.
 */
export function useRouteExplainer(snapshot: TopologySnapshot): RouteExplainer {
  const [isOpen, setOpen] = useState(false);
  // Null until the user types or a message is handed over: until then the form follows the snapshot as it loads.
  const [edited, setDraft] = useState<{ vhost: string; draft: RouteDraft } | null>(null);
  const exchangeRef = useRef<HTMLInputElement>(null);
  const vhost = snapshot.vhost;
  // Another vhost is another topology: a name picked for the old one would only say "does not exist".
  const draft = edited !== null && edited.vhost === vhost ? edited.draft : emptyDraft(firstExchange(snapshot));
  const edit = useCallback((next: RouteDraft) => setDraft({ vhost, draft: next }), [vhost]);
  const result = useRoutePrediction(snapshot, draft);

  const open = useCallback(
    (message?: RouteMessage) => {
      if (message) edit(draftFromMessage(message));
      setOpen(true);
    },
    [edit],
  );
  const toggleRef = useRef<HTMLButtonElement>(null);
  const close = useCallback(() => {
    setOpen(false);
    // Focus would otherwise fall to the page body with the panel gone.
    toggleRef.current?.focus();
  }, []);
  const toggle = useCallback(() => setOpen((o) => !o), []);
  useRouteShortcut(toggle);

  // Focus goes to the form when it opens, so the keyboard user can type at once.
  useEffect(() => {
    if (isOpen) exchangeRef.current?.focus();
  }, [isOpen]);

  return {
    open,
    extensions: {
      toolbar: <RouteExplainerButton ref={toggleRef} pressed={isOpen} onClick={toggle} />,
      panel: isOpen ? <RouteExplainerPanel snapshot={snapshot} draft={draft} onDraftChange={edit} result={result} onClose={close} exchangeRef={exchangeRef} /> : null,
      highlight: isOpen ? result.highlight : null,
    },
  };
}
