import { useId, useRef, useState, type DragEvent } from 'react';

export type PickedFile = { name: string; text: string };

/**
 * A definitions file from disk: the native file chooser, or dropped on the
 * zone. The zone itself is a button, so the keyboard reaches it like any other.
 */
export function FilePicker({ label, file, onPick }: { label: string; file: PickedFile | null; onPick: (file: PickedFile) => void }) {
  const input = useRef<HTMLInputElement>(null);
  const hint = useId();
  const [over, setOver] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const read = async (picked: File | undefined) => {
    if (!picked) return;
    setError(null);
    try {
      onPick({ name: picked.name, text: await picked.text() });
    } catch (err) {
      setError(`Could not read ${picked.name}: ${err instanceof Error ? err.message : String(err)}`);
    }
  };
  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setOver(false);
    void read(event.dataTransfer.files[0]);
  };

  return (
    <div className="file-picker">
      <button
        type="button"
        className={`file-picker__zone${over ? ' is-over' : ''}`}
        onClick={() => input.current?.click()}
        onDragOver={(event) => {
          event.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={onDrop}
        aria-describedby={hint}
      >
        <span className="file-picker__title">{file ? file.name : label}</span>
        <span className="file-picker__hint" id={hint}>
          {file ? `${(file.text.length / 1024).toFixed(1)} KB · click or drop another file to replace it` : 'Drop a .json file here, or click to choose one'}
        </span>
      </button>
      <input
        ref={input}
        type="file"
        accept=".json,application/json"
        className="visually-hidden"
        aria-label={label}
        tabIndex={-1}
        onChange={(event) => {
          void read(event.target.files?.[0]);
          event.target.value = '';
        }}
      />
      {error ? (
        <p className="form-error" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}
