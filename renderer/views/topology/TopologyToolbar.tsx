import type { ReactNode } from 'react';
import { Icon } from '../../components/Icon.js';
import { Switch } from '../../components/Switch.js';
import { SearchBox } from './SearchBox.js';
import { TypeFilter } from './TypeFilter.js';

export type ToolbarProps = {
  search: { value: string; onChange: (v: string) => void; position: number; count: number; onStep: (backwards: boolean) => void };
  nameFilter: string;
  onNameFilter: (value: string) => void;
  kinds: readonly string[];
  hiddenKinds: ReadonlySet<string>;
  onToggleKind: (kind: string) => void;
  showDefault: boolean;
  onShowDefault: (show: boolean) => void;
  onZoomIn: () => void;
  onZoomOut: () => void;
  onFit: () => void;
  onRelayout: () => void;
  onResetLayout: () => void;
  /** The selected node is pinned: offer to release it. */
  onUnpin: (() => void) | null;
  onExportSvg: () => void;
  onExportPng: () => void;
  onRefresh: () => void;
  busy: boolean;
  extra?: ReactNode;
};

export function TopologyToolbar(p: ToolbarProps) {
  return (
    <div className="topo-toolbar" role="toolbar" aria-label="Graph">
      <SearchBox {...p.search} />
      <input
        type="text"
        className="input topo-toolbar__filter"
        placeholder="Filter by name"
        aria-label="Filter by name"
        value={p.nameFilter}
        spellCheck={false}
        onChange={(event) => p.onNameFilter(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Escape') p.onNameFilter('');
        }}
      />
      <TypeFilter kinds={p.kinds} hidden={p.hiddenKinds} onToggle={p.onToggleKind} />
      <Switch checked={p.showDefault} onChange={p.onShowDefault} label="Default exchange" />
      <span className="topo-toolbar__sep" />
      <div className="topo-toolbar__group" role="group" aria-label="View">
        <button type="button" className="button button--small button--ghost" onClick={p.onZoomOut} aria-label="Zoom out" title="Zoom out">
          −
        </button>
        <button type="button" className="button button--small button--ghost" onClick={p.onZoomIn} aria-label="Zoom in" title="Zoom in">
          +
        </button>
        <button type="button" className="button button--small" onClick={p.onFit} title="Fit the graph in the window">
          Fit
        </button>
      </div>
      <div className="topo-toolbar__group" role="group" aria-label="Layout">
        <button type="button" className="button button--small" onClick={p.onRelayout} disabled={p.busy} title="Lay out every unpinned node again">
          Re-layout
        </button>
        {p.onUnpin ? (
          <button type="button" className="button button--small" onClick={p.onUnpin} title="Let the layout place the selected node again">
            Unpin
          </button>
        ) : null}
        <button type="button" className="button button--small button--ghost" onClick={p.onResetLayout} title="Forget all pinned positions in this vhost">
          Reset layout
        </button>
      </div>
      <span className="topo-toolbar__spacer" />
      {p.extra}
      <div className="topo-toolbar__group" role="group" aria-label="Export">
        <button type="button" className="button button--small" onClick={p.onExportSvg}>
          SVG
        </button>
        <button type="button" className="button button--small" onClick={p.onExportPng}>
          PNG
        </button>
      </div>
      <button type="button" className="button button--small button--ghost" onClick={p.onRefresh} aria-label="Reload the topology" title="Reload the topology from the broker">
        <Icon name="refresh" size={14} />
      </button>
    </div>
  );
}
