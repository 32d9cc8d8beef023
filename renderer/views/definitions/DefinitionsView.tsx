import { useRef, useState, type KeyboardEvent } from 'react';
import { ComparePanel } from './ComparePanel.js';
import { ExportPanel } from './ExportPanel.js';
import { ImportPanel } from './ImportPanel.js';

const TABS = [
  { id: 'import', label: 'Import', panel: ImportPanel },
  { id: 'export', label: 'Export', panel: ExportPanel },
  { id: 'compare', label: 'Compare', panel: ComparePanel },
] as const;
type TabId = (typeof TABS)[number]['id'];

/**
 * RabbitMQ definitions files: import into the connected broker with a plan
 * first, export it, compare any two. Tabs follow the ARIA pattern: arrows
 * move between them, Tab goes into the panel. Panels stay mounted, so a
 * chosen file or a finished import is still there after a look at another tab.
 */
export function DefinitionsView() {
  const [tab, setTab] = useState<TabId>('import');
  const refs = useRef<Record<string, HTMLButtonElement | null>>({});
  const onKeyDown = (event: KeyboardEvent) => {
    const at = TABS.findIndex((t) => t.id === tab);
    const next = event.key === 'ArrowRight' ? at + 1 : event.key === 'ArrowLeft' ? at - 1 : event.key === 'Home' ? 0 : event.key === 'End' ? TABS.length - 1 : null;
    if (next === null) return;
    event.preventDefault();
    const target = TABS[(next + TABS.length) % TABS.length]!;
    setTab(target.id);
    refs.current[target.id]?.focus();
  };
  return (
    <div className="defs">
      <div className="defs-tabs" role="tablist" aria-label="Definitions" onKeyDown={onKeyDown}>
        {TABS.map((t) => (
          <button
            key={t.id}
            ref={(el) => {
              refs.current[t.id] = el;
            }}
            type="button"
            role="tab"
            id={`defs-tab-${t.id}`}
            aria-selected={tab === t.id}
            aria-controls={`defs-panel-${t.id}`}
            tabIndex={tab === t.id ? 0 : -1}
            className="defs-tab"
            onClick={() => setTab(t.id)}
          >
            {t.label}
          </button>
        ))}
      </div>
      {TABS.map(({ id, panel: Panel }) => (
        <div key={id} role="tabpanel" id={`defs-panel-${id}`} aria-labelledby={`defs-tab-${id}`} hidden={tab !== id} className="defs-tabpanel">
          <Panel />
        </div>
      ))}
    </div>
  );
}
