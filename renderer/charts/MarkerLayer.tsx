import { usePlotArea } from 'recharts';

/**
 * The dashed event lines, drawn inside the chart's SVG as one group of plain
 * lines placed on the plot area: as recharts ReferenceLines, each line was a
 * chart element registered in the chart's store, and every registration
 * re-ran the store's selectors for every other; 24 of them in each of three
 * charts took two thirds of the time a day's chart took to draw.
 */
export function MarkerLayer({ times, from, to, stroke }: { times: readonly number[]; from: number; to: number; stroke: string }) {
  const plot = usePlotArea();
  if (!plot || to <= from || times.length === 0) return null;
  const xOf = (t: number) => plot.x + ((t - from) / (to - from)) * plot.width;
  return (
    <g className="chart-markers" aria-hidden="true">
      {times.map((t) => (
        <line key={t} x1={xOf(t)} x2={xOf(t)} y1={plot.y} y2={plot.y + plot.height} stroke={stroke} strokeDasharray="2 3" />
      ))}
    </g>
  );
}
