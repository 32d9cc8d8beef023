import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useCallback, useEffect, useLayoutEffect, useRef, type KeyboardEvent, type MouseEvent } from 'react';
import type { ReceivedMessage } from '../../shared/model/workbench/message.js';
import { formatBytes, hexLine, wireText, wireToBytes } from './message-bytes.js';
import type { MessageLog } from './message-log.js';
import { clickSelect, focusIndex, indexOfSeq, moveFocus, selectAll, toggleFocused, type Selection } from './message-selection.js';
import { useFramed } from './use-framed.js';
import './message-list.css';

const ROW_HEIGHT = 28;
const PREVIEW_CHARS = 240;

const clock = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', second: '2-digit', fractionalSecondDigits: 3 });

/** The first characters of a body on one line; binary bodies as their first bytes in hex. */
export function bodyPreview(message: ReceivedMessage): string {
  if (message.size === 0) return '(empty)';
  const text = wireText(message.preview, message.truncated);
  if (text !== null) return text.slice(0, PREVIEW_CHARS).replace(/\s+/g, ' ');
  return `binary ${hexLine(wireToBytes(message.preview), 0).slice(10, 58).trim()}`;
}

type RowProps = {
  message: ReceivedMessage;
  start: number;
  selected: boolean;
  focused: boolean;
  onClick: (seq: number, event: MouseEvent) => void;
};

/** Re-renders only when its own message, position or selection changes. */
const Row = memo(function Row({ message, start, selected, focused, onClick }: RowProps) {
  return (
    <div
      role="option"
      aria-selected={selected}
      id={`message-row-${message.seq}`}
      className={`message-list__row${selected ? ' is-selected' : ''}${focused ? ' is-focused' : ''}${message.pending ? ' is-pending' : ''}`}
      style={{ transform: `translateY(${start}px)` }}
      onClick={(event) => onClick(message.seq, event)}
    >
      <span className="message-list__seq num">{message.seq.toLocaleString('en-US')}</span>
      <span className="message-list__time num">{clock.format(message.receivedAt)}</span>
      <span className="message-list__exchange" title={message.exchange}>
        {message.exchange === '' ? <span className="muted">(default)</span> : message.exchange}
      </span>
      <span className="message-list__key" title={message.routingKey}>
        {message.routingKey}
      </span>
      <span className="message-list__flags">
        {message.redelivered ? (
          <span className="badge badge--warn" title="Redelivered: the broker delivered it before">
            redelivered
          </span>
        ) : null}
        {message.pending ? (
          <span className="badge badge--arg" title="Delivered with manual ack, not yet acked, nacked or rejected">
            pending
          </span>
        ) : null}
      </span>
      <span className="message-list__size num">{formatBytes(message.size)}</span>
      <span className="message-list__body">{bodyPreview(message)}</span>
    </div>
  );
});

export type MessageListProps = {
  log: MessageLog;
  selection: Selection;
  onSelection: (selection: Selection) => void;
  /** Sticks to the newest message; scrolling up turns it off, scrolling back to the end turns it on. */
  follow: boolean;
  onFollow: (follow: boolean) => void;
  label: string;
};

/**
 * A live, virtualized message list. Batches append without touching rows
 * already drawn; when the user has scrolled up, the rows they are reading
 * stay where they are even as the oldest messages are dropped.
 */
export function MessageList({ log, selection, onSelection, follow, onFollow, label }: MessageListProps) {
  const version = useFramed(log.subscribe, log.getVersion);
  const messages = log.visible;
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: messages.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
    initialRect: { width: 800, height: 400 },
    // A scroll re-renders in the next frame, not synchronously inside the scroll event.
    useFlushSync: false,
  });

  // The top row the user reads, to keep in place while older rows are dropped above it.
  const anchor = useRef<{ seq: number; offset: number } | null>(null);
  const programmatic = useRef(false);

  useLayoutEffect(() => {
    const element = scrollRef.current;
    if (!element) return;
    if (follow) {
      programmatic.current = true;
      // The rows' total height, not scrollHeight: reading that would force a layout every frame. The browser clamps it.
      element.scrollTop = virtualizer.getTotalSize();
      return;
    }
    const kept = anchor.current;
    if (kept === null) return;
    const index = indexOfSeq(messages, kept.seq);
    if (index < 0) return;
    const top = index * ROW_HEIGHT + kept.offset;
    if (Math.abs(element.scrollTop - top) >= 1) {
      programmatic.current = true;
      element.scrollTop = top;
    }
  }, [version, follow, messages, virtualizer]);

  const onScroll = (): void => {
    const element = scrollRef.current;
    if (!element) return;
    const first = messages[Math.floor(element.scrollTop / ROW_HEIGHT)];
    anchor.current = first ? { seq: first.seq, offset: element.scrollTop % ROW_HEIGHT } : null;
    if (programmatic.current) {
      programmatic.current = false;
      return;
    }
    const atEnd = element.scrollHeight - element.scrollTop - element.clientHeight < ROW_HEIGHT * 1.5;
    if (atEnd !== follow) onFollow(atEnd);
  };

  const selectionRef = useRef(selection);
  selectionRef.current = selection;
  const messagesRef = useRef(messages);
  messagesRef.current = messages;
  const onRowClick = useCallback(
    (seq: number, event: MouseEvent) => {
      onSelection(clickSelect(selectionRef.current, messagesRef.current, seq, { shift: event.shiftKey, toggle: event.ctrlKey || event.metaKey }));
      scrollRef.current?.focus({ preventScroll: true });
    },
    [onSelection],
  );

  useEffect(() => {
    if (selection.focus === null) return;
    const index = indexOfSeq(messages, selection.focus);
    if (index >= 0) virtualizer.scrollToIndex(index, { align: 'auto' });
    // Only when the focus moves: new messages must not pull the view back to it.
  }, [selection.focus]);

  const onKeyDown = (event: KeyboardEvent): void => {
    const page = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? ROW_HEIGHT * 10) / ROW_HEIGHT) - 1);
    const moves: Record<string, number> = { ArrowDown: 1, ArrowUp: -1, PageDown: page, PageUp: -page };
    const delta = moves[event.key];
    if (delta !== undefined || event.key === 'Home' || event.key === 'End') {
      event.preventDefault();
      if (event.key === 'Home') onSelection(focusIndex(selection, messages, 0, event.shiftKey));
      else if (event.key === 'End') onSelection(focusIndex(selection, messages, messages.length - 1, event.shiftKey));
      else onSelection(moveFocus(selection, messages, delta as number, event.shiftKey));
      // Going back through the list means reading it: new messages must not pull the view away.
      if ((event.key === 'Home' || (delta ?? 0) < 0) && follow) onFollow(false);
    } else if (event.key === ' ') {
      event.preventDefault();
      onSelection(toggleFocused(selection));
    } else if (event.key.toLowerCase() === 'a' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      onSelection(selectAll(messages));
    }
  };

  return (
    <div className="message-list">
      <div className="message-list__header" aria-hidden="true">
        <span>#</span>
        <span>Time</span>
        <span>Exchange</span>
        <span>Routing key</span>
        <span />
        <span className="num">Size</span>
        <span>Body</span>
      </div>
      <div
        ref={scrollRef}
        className="message-list__scroll"
        role="listbox"
        aria-label={label}
        aria-multiselectable="true"
        aria-activedescendant={selection.focus !== null && indexOfSeq(messages, selection.focus) >= 0 ? `message-row-${selection.focus}` : undefined}
        tabIndex={0}
        onScroll={onScroll}
        onKeyDown={onKeyDown}
      >
        <div className="message-list__inner" style={{ height: virtualizer.getTotalSize() }}>
          {virtualizer.getVirtualItems().map((item) => {
            const message = messages[item.index] as ReceivedMessage;
            return (
              <Row
                key={message.seq}
                message={message}
                start={item.start}
                selected={selection.selected.has(message.seq)}
                focused={selection.focus === message.seq}
                onClick={onRowClick}
              />
            );
          })}
        </div>
      </div>
    </div>
  );
}
