/** Marks a node the user placed by hand; the layout leaves it where it is. */
export function PinMark() {
  return (
    <svg className="tnode__pin" width="12" height="12" viewBox="0 0 16 16" aria-label="Pinned" role="img">
      <path d="M6 2.5h4l-.5 4 2.5 2.5H4L6.5 6.5zM8 9v4.5" fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinejoin="round" strokeLinecap="round" />
    </svg>
  );
}
