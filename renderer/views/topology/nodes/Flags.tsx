/** The flags a node carries, as short tags: D durable, AD auto-delete, I internal, X exclusive. */
export function Flags({ flags }: { flags: [label: string, title: string, on: boolean][] }) {
  const on = flags.filter(([, , set]) => set);
  if (on.length === 0) return null;
  return (
    <span className="tnode__flags">
      {on.map(([label, title]) => (
        <abbr key={label} className="tnode__flag" title={title}>
          {label}
        </abbr>
      ))}
    </span>
  );
}
