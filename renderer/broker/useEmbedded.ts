import { useEffect, useState } from 'react';
import type { EmbeddedLogLine, EmbeddedState } from '../../shared/model/embedded.js';
import { errorMessage } from '../state/consoleStore.js';
import { useClient } from '../state/StoreProvider.js';

/** The embedded broker's state: read once, then kept current by 'embedded.state' events. */
export function useEmbeddedState(): { state: EmbeddedState | null; error: string | null; apply: (state: EmbeddedState) => void } {
  const client = useClient();
  const [state, setState] = useState<EmbeddedState | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    const off = client.on('embedded.state', (next) => {
      setState(next);
      setError(null);
    });
    client.call('embedded.status', {}).then(
      (first) => {
        // An event may have come first; it is newer than the answer only if it arrived after the call.
        if (live) setState((current) => current ?? first);
      },
      (err: unknown) => {
        if (live) setError(errorMessage(err));
      },
    );
    return () => {
      live = false;
      off();
    };
  }, [client]);
  return { state, error, apply: setState };
}

/** At most this many lines are kept on the page, as in the backend's tail. */
export const TAIL_LINES = 500;

/**
 * The broker's log tail: the backend's last lines, then each new one as it is
 * logged. A gap in the sequence (lines dropped while the page was busy) is
 * filled by asking for what came after the last line seen.
 */
export function useLogTail(): EmbeddedLogLine[] {
  const client = useClient();
  const [lines, setLines] = useState<EmbeddedLogLine[]>([]);
  useEffect(() => {
    let live = true;
    let lastSeq = 0;
    let filling = false;
    /** Lines pushed while a fill is on its way: appended after it, without duplicates. */
    let pending: EmbeddedLogLine[] = [];
    const append = (more: EmbeddedLogLine[]) => {
      const fresh = more.filter((l) => l.seq > lastSeq);
      if (fresh.length === 0) return;
      lastSeq = fresh[fresh.length - 1]?.seq ?? lastSeq;
      setLines((current) => [...current, ...fresh].slice(-TAIL_LINES));
    };
    const fill = () => {
      if (filling) return;
      filling = true;
      client.call('embedded.logs', { afterSeq: lastSeq }).then(
        ({ lines: more }) => {
          filling = false;
          if (!live) return;
          append(more);
          append(pending);
          pending = [];
        },
        (err: unknown) => {
          filling = false;
          pending = [];
          console.warn('embedded.logs failed:', errorMessage(err));
        },
      );
    };
    const off = client.on('embedded.log', (line) => {
      if (filling) pending.push(line);
      else if (line.seq === lastSeq + 1) append([line]);
      else if (line.seq > lastSeq) fill();
    });
    fill();
    return () => {
      live = false;
      off();
    };
  }, [client]);
  return lines;
}
