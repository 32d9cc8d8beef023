import { useRef } from 'react';
import { MAX_BODY_BYTES } from '../../shared/model/workbench/message.js';
import { formatJson, type JsonProblem } from './body-editor-json.js';
import { formatBytes } from './message-bytes.js';
import type { BodyDraft, BodyMode } from './publish-form.js';
import { chunkPlan, needsUpload, UPLOAD_CHUNK_BYTES } from './publish-upload.js';

const MODES: readonly { mode: BodyMode; label: string }[] = [
  { mode: 'json', label: 'JSON' },
  { mode: 'text', label: 'Text' },
  { mode: 'file', label: 'File' },
];

function fileNote(size: number): string {
  if (size > MAX_BODY_BYTES) return `${formatBytes(size)}: larger than ${formatBytes(MAX_BODY_BYTES)}, RabbitMQ's default max_message_size`;
  if (!needsUpload(size)) return `${formatBytes(size)}, sent as is`;
  return `${formatBytes(size)}, sent as is: uploaded first in ${chunkPlan(size).length} chunks of up to ${formatBytes(UPLOAD_CHUNK_BYTES)}`;
}

/**
 * The message body: JSON (checked as it is typed, with the line and column
 * of the first problem, and a Format button), plain text, or any file's bytes.
 */
export function BodyEditor({
  body,
  json,
  size,
  onChange,
}: {
  body: BodyDraft;
  json: JsonProblem | null;
  /** Bytes the body will have on the wire. */
  size: number;
  onChange: (body: BodyDraft) => void;
}) {
  const textRef = useRef<HTMLTextAreaElement>(null);
  const fileRef = useRef<HTMLInputElement>(null);
  const showProblem = () => {
    const area = textRef.current;
    if (!area || !json) return;
    area.focus();
    area.setSelectionRange(json.offset, json.offset + 1);
  };
  const readFile = async (file: File) => onChange({ ...body, mode: 'file', file: { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) } });

  return (
    <div className="body-editor">
      <div className="body-editor__bar">
        <div className="segmented" role="radiogroup" aria-label="Body kind">
          {MODES.map(({ mode, label }) => (
            <label key={mode} className={`segmented__item${body.mode === mode ? ' is-on' : ''}`}>
              <input type="radio" name="body-mode" value={mode} checked={body.mode === mode} onChange={() => onChange({ ...body, mode })} />
              {label}
            </label>
          ))}
        </div>
        {body.mode === 'json' ? (
          <button type="button" className="button button--small" disabled={json !== null} onClick={() => onChange({ ...body, text: formatJson(body.text) })}>
            Format
          </button>
        ) : null}
        <span className="body-editor__size">{formatBytes(size)}</span>
      </div>
      {body.mode === 'file' ? (
        <div className="body-editor__file">
          <input
            ref={fileRef}
            type="file"
            className="body-editor__file-input"
            aria-label="Body file"
            onChange={(event) => {
              const file = event.target.files?.[0];
              if (file) void readFile(file);
            }}
          />
          <button type="button" className="button" onClick={() => fileRef.current?.click()}>
            Choose file…
          </button>
          {body.file ? (
            <span className="body-editor__file-name">
              <strong>{body.file.name}</strong> <span className="muted">{fileNote(body.file.bytes.length)}</span>
            </span>
          ) : (
            <span className="muted">Any bytes, up to {formatBytes(MAX_BODY_BYTES)}; binary is sent unchanged.</span>
          )}
        </div>
      ) : (
        <textarea
          ref={textRef}
          className={`input input--mono body-editor__text${json ? ' is-invalid' : ''}`}
          aria-label="Message body"
          aria-invalid={json ? true : undefined}
          aria-describedby={json ? 'body-editor-problem' : undefined}
          spellCheck={false}
          rows={8}
          value={body.text}
          onChange={(event) => onChange({ ...body, text: event.target.value })}
        />
      )}
      {body.mode === 'json' && json ? (
        <p className="body-editor__problem" id="body-editor-problem" role="alert">
          <button type="button" className="link-button" onClick={showProblem}>
            Line {json.line}, column {json.column}
          </button>
          : {json.message}
        </p>
      ) : null}
    </div>
  );
}
