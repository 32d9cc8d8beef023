import type { QueueRow } from '../../../shared/model/inventory.js';
import type { TopologyGraph } from '../../../shared/topology/graph-model.js';
import { formatCount } from '../../format/numbers.js';
import { download, fileSafe, svgToPng } from './download.js';
import { type ExportNode, type ExportPalette, exportSvg } from './export-svg.js';
import { queueKey } from './live-index.js';
import type { Point } from './placement.js';

function palette(from: Element): ExportPalette {
  const style = getComputedStyle(from);
  const v = (name: string, fallback: string): string => style.getPropertyValue(name).trim() || fallback;
  return {
    background: v('--bg', '#ffffff'),
    surface: v('--surface', '#ffffff'),
    border: v('--border', '#e3e3e6'),
    text: v('--text', '#1b1b1f'),
    muted: v('--muted', '#74757e'),
    accent: v('--accent', '#4c5fd5'),
    edge: v('--topo-edge', '#9a9ba5'),
    deadLetter: v('--bad', '#d0383e'),
    alternate: v('--warn', '#b76e00'),
    queue: v('--ok', '#1f9d55'),
  };
}

export type ExportInput = {
  graph: TopologyGraph;
  positionOf: (id: string) => Point | undefined;
  hidden: ReadonlySet<string>;
  queues: ReadonlyMap<string, QueueRow>;
  vhost: string;
  title: string;
  themeFrom: Element;
};

/** The graph as shown (filters applied, current positions) as an SVG document and its size. */
export function graphSvg(input: ExportInput): { svg: string; width: number; height: number } {
  const nodes: ExportNode[] = [];
  for (const node of input.graph.nodes) {
    const position = input.positionOf(node.id);
    if (!position || input.hidden.has(node.id)) continue;
    const row = node.kind === 'queue' ? input.queues.get(queueKey(input.vhost, node.name)) : undefined;
    nodes.push(row ? { node, position, detail: `ready ${formatCount(row.ready)} · unacked ${formatCount(row.unacked)} · ${formatCount(row.consumers)} consumers` } : { node, position });
  }
  const shown = new Set(nodes.map((n) => n.node.id));
  const svg = exportSvg(nodes, input.graph.edges.filter((e) => shown.has(e.source) && shown.has(e.target)), palette(input.themeFrom), input.title);
  const size = /width="(\d+)" height="(\d+)"/.exec(svg);
  return { svg, width: Number(size?.[1] ?? 200), height: Number(size?.[2] ?? 60) };
}

export function exportGraph(input: ExportInput, format: 'svg' | 'png'): Promise<void> {
  const { svg, width, height } = graphSvg(input);
  const name = `topology-${fileSafe(input.vhost)}`;
  if (format === 'svg') {
    download(new Blob([svg], { type: 'image/svg+xml' }), `${name}.svg`);
    return Promise.resolve();
  }
  return svgToPng(svg, width, height).then((png) => download(png, `${name}.png`));
}
