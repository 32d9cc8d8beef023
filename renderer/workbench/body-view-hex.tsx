import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef } from 'react';
import { hexLine } from './message-bytes.js';

const LINE_HEIGHT = 18;

/** A hex dump, 16 bytes a line, virtualized: a 10 MiB body is 655,360 lines and scrolls like 20. */
export function HexDump({ bytes }: { bytes: Uint8Array }) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const lines = Math.ceil(bytes.length / 16);
  const virtualizer = useVirtualizer({
    count: lines,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => LINE_HEIGHT,
    overscan: 20,
    initialRect: { width: 600, height: 320 },
  });
  return (
    <div ref={scrollRef} className="body-view__hex" tabIndex={0} aria-label="Body in hexadecimal">
      <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
        {virtualizer.getVirtualItems().map((item) => (
          <div key={item.key} className="body-view__hex-line" style={{ transform: `translateY(${item.start}px)`, height: LINE_HEIGHT }}>
            {hexLine(bytes, item.index * 16)}
          </div>
        ))}
      </div>
    </div>
  );
}
