import { useMemo, type ReactNode } from 'react';
import { type GraphExtensions, GraphExtensionsContext, useGraphExtensions } from '../graph-extensions.js';
import { useSharedTopologySnapshot } from '../useTopologySnapshot.js';
import { useTopologyEditor } from './useTopologyEditor.js';

/**
 * Puts the graph editor into the graph below it, keeping what an outer
 * provider (the route explainer) already gives: its highlight, and its
 * toolbar and panel next to the editor's.
 */
export function TopologyEditor({ vhost, children }: { vhost: string; children: ReactNode }) {
  const outer = useGraphExtensions();
  const { snapshot, refresh } = useSharedTopologySnapshot();
  const editor = useTopologyEditor(vhost, snapshot, refresh);
  const merged = useMemo(() => mergeExtensions(outer, editor), [outer, editor]);
  return <GraphExtensionsContext.Provider value={merged}>{children}</GraphExtensionsContext.Provider>;
}

function mergeExtensions(outer: GraphExtensions, editor: GraphExtensions): GraphExtensions {
  return {
    ...outer,
    ...editor,
    onSelectionChange: (selection) => {
      outer.onSelectionChange?.(selection);
      editor.onSelectionChange?.(selection);
    },
    toolbar: (
      <>
        {outer.toolbar}
        {editor.toolbar}
      </>
    ),
    panel:
      outer.panel != null ? (
        <div className="editor-panels">
          {outer.panel}
          {editor.panel}
        </div>
      ) : (
        editor.panel
      ),
  };
}
