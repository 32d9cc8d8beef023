import { useEffect, useMemo, useRef, useState } from 'react';
import type { WireBytes } from '../../shared/model/workbench/message.js';
import { download } from '../views/topology/download.js';
import { Choice } from './body-view-choice.js';
import { HexDump } from './body-view-hex.js';
import { JsonTree } from './body-view-json-tree.js';
import { type BodySlice, fetchWhole } from './message-body.js';
import { bytesToWire, formatBytes, wireText, wireToBytes } from './message-bytes.js';
import './body-view.css';

export type { BodySlice } from './message-body.js';

/** Above this a body is not rendered as text or a tree (the page would stall): it can be saved instead. */
export const RENDER_LIMIT_BYTES = 10 * 1024 * 1024;

export type BodyViewProps = {
  body: WireBytes;
  /** The whole body's size; more than `body` holds when `truncated`. */
  size: number;
  truncated: boolean;
  contentType?: string;
  /** How to fetch the rest of a truncated body; without it only the preview is shown. */
  fetchSlice?: BodySlice;
  /** The file name a saved body gets. */
  fileName?: string;
};

type Mode = 'json' | 'text' | 'hex';
const MODE_LABELS: Record<Mode, string> = { json: 'JSON', text: 'Text', hex: 'Hex' };

function parseJson(text: string | null): { ok: true; value: unknown } | { ok: false } {
  if (text === null || text.trim() === '') return { ok: false };
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false };
  }
}

/**
 * A message body as a JSON tree, text or hex. A truncated preview says so and
 * can load the whole body in slices; one above 10 MiB is offered as a file
 * instead of being rendered, so the page never freezes. Binary bodies are
 * shown in hex, never decoded into replacement characters.
 */
export function BodyView({ body, size, truncated, contentType, fetchSlice, fileName = 'message-body.bin' }: BodyViewProps) {
  const [whole, setWhole] = useState<Uint8Array | null>(null);
  const [loaded, setLoaded] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const alive = useRef(true);
  useEffect(() => {
    alive.current = true;
    return () => {
      alive.current = false;
    };
  }, []);

  const bytes = useMemo(() => whole ?? wireToBytes(body), [whole, body]);
  const cut = truncated && whole === null;
  const text = useMemo(() => (whole !== null ? wireText(bytesToWire(whole)) : wireText(body, cut)), [whole, body, cut]);
  const isText = text !== null;
  const json = useMemo(() => (cut || !isText ? ({ ok: false } as const) : parseJson(text)), [cut, isText, text]);
  const preferred: Mode = json.ok ? 'json' : isText ? 'text' : 'hex';
  const [chosen, setChosen] = useState<Mode | null>(null);
  const mode = chosen === 'json' && !json.ok ? preferred : (chosen ?? preferred);
  const tooBig = size > RENDER_LIMIT_BYTES;

  const load = async (save: boolean): Promise<void> => {
    if (!fetchSlice) return;
    setError(null);
    setLoaded(0);
    try {
      const all = await fetchWhole(fetchSlice, size, (done) => alive.current && setLoaded(done));
      if (!alive.current) return;
      if (save) download(new Blob([all as Uint8Array<ArrayBuffer>], { type: 'application/octet-stream' }), fileName);
      else setWhole(all);
    } catch (err) {
      if (alive.current) setError(`Could not load the whole body: ${err instanceof Error ? err.message : String(err)}`);
    } finally {
      if (alive.current) setLoaded(null);
    }
  };

  return (
    <div className="body-view">
      <div className="body-view__bar">
        <Choice
          label="Show body as"
          value={mode}
          onChange={setChosen}
          options={[
            { value: 'json', label: MODE_LABELS.json, unavailable: json.ok ? null : cut ? 'The preview is cut short: load the whole body to read it as JSON' : 'Not JSON' },
            { value: 'text', label: MODE_LABELS.text, unavailable: isText ? null : 'Not UTF-8 text' },
            { value: 'hex', label: MODE_LABELS.hex },
          ]}
        />
        <span className="body-view__size">
          {formatBytes(size)}
          {contentType ? ` · ${contentType}` : ''}
          {!isText ? ' · binary' : ''}
        </span>
      </div>
      {cut ? (
        <div className="body-view__truncated" role="note">
          <span>
            Truncated at {formatBytes(bytes.length)} of {formatBytes(size)}.
          </span>
          {fetchSlice ? (
            loaded !== null ? (
              <span role="status">
                Loading… {formatBytes(loaded)} of {formatBytes(size)}
              </span>
            ) : tooBig ? (
              <>
                <span>Bodies above {formatBytes(RENDER_LIMIT_BYTES)} are not shown whole.</span>
                <button type="button" className="button button--small" onClick={() => void load(true)}>
                  Save whole body to a file
                </button>
              </>
            ) : (
              <button type="button" className="button button--small" onClick={() => void load(false)}>
                Load whole body
              </button>
            )
          ) : null}
        </div>
      ) : null}
      {error ? (
        <p className="body-view__error" role="alert">
          {error}
        </p>
      ) : null}
      <div className="body-view__content">
        {size === 0 ? (
          <p className="body-view__empty">Empty body</p>
        ) : mode === 'json' && json.ok ? (
          <JsonTree value={json.value} />
        ) : mode === 'text' && text !== null ? (
          <pre className="body-view__text" tabIndex={0} aria-label="Body as text">
            {text}
          </pre>
        ) : (
          <HexDump bytes={bytes} />
        )}
      </div>
    </div>
  );
}
