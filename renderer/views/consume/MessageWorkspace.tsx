import { memo, useEffect, useMemo, useState } from 'react';
import { formatCount } from '../../format/numbers.js';
import { useClient } from '../../state/StoreProvider.js';
import { Choice } from '../../workbench/body-view-choice.js';
import { holderSlices } from '../../workbench/message-body.js';
import { MessageDetail } from '../../workbench/message-detail.js';
import { compileMessageFilter, FILTER_MODE_LABELS, type MessageFilterMode } from '../../workbench/message-filter.js';
import { MessageList } from '../../workbench/message-list.js';
import { useFramed } from '../../workbench/use-framed.js';
import type { MessageLog } from '../../workbench/message-log.js';
import { EMPTY_SELECTION, pruneSelection, selectAll, selectedInOrder, type Selection } from '../../workbench/message-selection.js';
import type { ConsumeStore } from './consume-store.js';
import { MessageActions } from './MessageActions.js';
import type { DeadLetterInfo } from './SendBackDialog.js';
import { TaskStrip } from './TaskStrip.js';
import { useTransferTask } from './useTransferTask.js';

const PLACEHOLDERS: Record<MessageFilterMode, string> = {
  text: 'Filter by text in the body, routing key or ids',
  regex: 'Filter by regular expression',
  jsonpath: 'Filter by JSON path, e.g. $.order.id == 42',
};

export type MessageWorkspaceProps = {
  holderId: string;
  vhost: string;
  log: MessageLog;
  store: ConsumeStore;
  settleable: boolean;
  deadLetter: DeadLetterInfo | null;
  /** Names the list for assistive technology: "Messages of orders". */
  label: string;
  /** Shown when the list is empty. */
  empty: string;
};

/** A holder's messages: filter, live list, selection actions and the selected message's detail. Memoized: a consumer's counts changing does not re-render its list. */
export const MessageWorkspace = memo(function MessageWorkspace({ holderId, vhost, log, store, settleable, deadLetter, label, empty }: MessageWorkspaceProps) {
  const client = useClient();
  useFramed(log.subscribe, log.getVersion);
  const [query, setQuery] = useState('');
  const [mode, setMode] = useState<MessageFilterMode>('text');
  const [selection, setSelection] = useState<Selection>(EMPTY_SELECTION);
  const [follow, setFollow] = useState(true);
  const task = useTransferTask();
  const filter = useMemo(() => compileMessageFilter(query, mode), [query, mode]);

  useEffect(() => {
    log.setFilter(filter.ok && filter.active ? filter.test : null);
  }, [log, filter]);
  // Filters live on the shared log: leaving the tab must not leave its filter behind.
  useEffect(() => () => log.setFilter(null), [log]);

  const current = pruneSelection(selection, log.has);
  if (current !== selection) setSelection(current);
  const focused = current.focus !== null ? log.get(current.focus) : undefined;
  const selected = selectedInOrder(current);
  const fetchSlice = useMemo(() => (focused ? holderSlices(client, holderId, focused.seq) : undefined), [client, holderId, focused?.seq]);

  const visible = log.visible;
  return (
    <div className="consume-workspace">
      <div className="consume-workspace__bar">
        <Choice label="Filter by" value={mode} onChange={setMode} options={(['text', 'regex', 'jsonpath'] as const).map((m) => ({ value: m, label: FILTER_MODE_LABELS[m] }))} />
        <div className={`filter consume-workspace__filter${filter.ok ? '' : ' has-error'}`}>
          <div className="filter__box">
            <input
              type="search"
              className="filter__input"
              data-filter-input=""
              value={query}
              placeholder={PLACEHOLDERS[mode]}
              aria-label="Filter messages"
              aria-invalid={filter.ok ? undefined : true}
              spellCheck={false}
              autoComplete="off"
              onChange={(e) => setQuery(e.target.value)}
              onKeyDown={(e) => {
                if (e.key === 'Escape') setQuery('');
              }}
            />
          </div>
          {!filter.ok ? (
            <div className="filter__error" role="alert">
              {filter.error}
            </div>
          ) : null}
        </div>
        <button type="button" className="button button--small" disabled={visible.length === 0} onClick={() => setSelection(selectAll(visible))}>
          Select all{filter.ok && filter.active ? ' filtered' : ''}
        </button>
        <label className="consume-workspace__follow">
          <input type="checkbox" checked={follow} onChange={(e) => setFollow(e.target.checked)} /> Follow newest
        </label>
        <span className="toolbar__count">
          {filter.ok && filter.active ? `${formatCount(visible.length)} of ${formatCount(log.messages.length)} shown` : `${formatCount(log.messages.length)} kept`}
        </span>
      </div>
      <MessageActions holderId={holderId} vhost={vhost} log={log} selected={selected} store={store} settleable={settleable} deadLetter={deadLetter} task={task} />
      <TaskStrip task={task} />
      <div className="consume-workspace__split">
        <div className="consume-workspace__list">
          {log.messages.length === 0 ? <p className="consume-workspace__empty">{empty}</p> : null}
          <MessageList log={log} selection={current} onSelection={setSelection} follow={follow} onFollow={setFollow} label={label} />
        </div>
        <div className="consume-workspace__detail">
          {focused ? (
            <MessageDetail message={focused} fetchSlice={fetchSlice} />
          ) : (
            <p className="consume-workspace__empty">Select a message to see its properties, headers and body. Shift and Ctrl/⌘ select several; arrows and Space work too.</p>
          )}
        </div>
      </div>
    </div>
  );
});
