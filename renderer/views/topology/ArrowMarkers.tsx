/** Arrowheads for the edges, coloured by the stylesheet so they follow the theme (React Flow's own take a fixed colour). */
export function ArrowMarkers() {
  return (
    <svg className="topo-markers" aria-hidden="true" width="0" height="0">
      <defs>
        {['topology-arrow', 'topology-arrow-dlx', 'topology-arrow-ae'].map((id) => (
          <marker key={id} id={id} viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
            <path d="M0 0 10 5 0 10z" className={`topo-marker topo-marker--${id}`} />
          </marker>
        ))}
      </defs>
    </svg>
  );
}
