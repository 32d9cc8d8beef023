/** What the line styles and cues mean; one glance, always in the corner. */
export function Legend() {
  return (
    <div className="topo-legend" aria-label="Legend">
      <span className="topo-legend__item">
        <svg width="28" height="8" aria-hidden="true"><path d="M0 4h28" className="topo-legend__line" /></svg>
        binding
      </span>
      <span className="topo-legend__item">
        <svg width="28" height="8" aria-hidden="true"><path d="M0 4h28" className="topo-legend__line topo-legend__line--dlx" /></svg>
        dead letter
      </span>
      <span className="topo-legend__item">
        <svg width="28" height="8" aria-hidden="true"><path d="M0 4h28" className="topo-legend__line topo-legend__line--ae" /></svg>
        alternate exchange
      </span>
      <span className="topo-legend__item">
        <span className="topo-legend__cue topo-legend__cue--growing">▲</span> growing
      </span>
      <span className="topo-legend__item">
        <span className="topo-legend__cue topo-legend__cue--idle" /> no consumers
      </span>
    </div>
  );
}
