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
  close(): void;
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
  const [draft, setDraft] = useState<RouteDraft>(() => emptyDraft(firstExchange(snapshot)));
  const exchangeRef = useRef<HTMLInputElement>(null);
  const result = useRoutePrediction(snapshot, draft);

  const open = useCallback(
    (message?: RouteMessage) => {
      if (message) setDraft(draftFromMessage(message));
      setOpen(true);
    },
    [],
  );
  const close = useCallback(() => setOpen(false), []);
  const toggle = useCallback(() => setOpen((o) => !o), []);
  useRouteShortcut(toggle);

  // Focus goes to the form when it opens, so the keyboard user can type at once.
  useEffect(() => {
    if (isOpen) exchangeRef.current?.focus();
  }, [isOpen]);

  // Another vhost is another topology: a name picked for the old one would only say "does not exist".
  const vhost = snapshot.vhost;
  const previousVhost = useRef(vhost);
  useEffect(() => {
    if (previousVhost.current === vhost) return;
    previousVhost.current = vhost;
    setDraft(emptyDraft(firstExchange(snapshot)));
  }, [vhost, snapshot]);

  return {
    open,
    close,
    extensions: {
      toolbar: <RouteExplainerButton pressed={isOpen} onClick={toggle} />,
      panel: isOpen ? <RouteExplainerPanel snapshot={snapshot} draft={draft} onDraftChange={setDraft} result={result} onClose={close} exchangeRef={exchangeRef} /> : null,
      highlight: isOpen ? result.highlight : null,
    },
  };
}
