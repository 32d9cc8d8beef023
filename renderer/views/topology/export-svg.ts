import { getBezierPath, Position } from '@xyflow/react';
import type { GraphEdge, GraphNode } from '../../../shared/topology/graph-model.js';
import { sizeOf } from './node-size.js';
import type { Point } from './placement.js';

/** Colours of the export, read from the theme at export time so a dark-mode export looks like the screen. */
export type ExportPalette = {
  background: string;
  surface: string;
  border: string;
  text: string;
  muted: string;
  accent: string;
  edge: string;
  deadLetter: string;
  alternate: string;
  queue: string;
};

export type ExportNode = { node: GraphNode; position: Point; /** Live figures shown under a queue's name. */ detail?: string };

const MARGIN = 32;
const FONT = 'system-ui, -apple-system, Segoe UI, Roboto, Helvetica, Arial, sans-serif';

export const escapeXml = (text: string): string =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c] as string);

const clip = (text: string, max: number): string => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

function titleOf(node: GraphNode): { badge: string; name: string } {
  if (node.kind === 'group') return { badge: `+${node.members.length}`, name: 'queues' };
  if (node.kind === 'exchange') return { badge: node.missing ? 'missing' : node.type, name: node.name === '' ? '(AMQP default)' : node.name };
  return { badge: node.queueType === 'classic' ? 'queue' : node.queueType, name: node.name };
}

/**
 * The graph as a standalone SVG document: the nodes that are shown, where
 * they are on screen, and the same bezier edges React Flow draws, with their
 * labels. Built from data, not the DOM, so it is complete even for nodes
 * scrolled out of view, and independent of the page's stylesheets.
 */
export function exportSvg(nodes: readonly ExportNode[], edges: readonly GraphEdge[], palette: ExportPalette, title: string): string {
  if (nodes.length === 0) return `<svg xmlns="http://www.w3.org/2000/svg" width="200" height="60"><text x="16" y="34" font-family="${FONT}" font-size="13">${escapeXml(title)}: empty</text></svg>`;
  const byId = new Map(nodes.map((n) => [n.node.id, n]));
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const { node, position } of nodes) {
    const { width, height } = sizeOf(node);
    minX = Math.min(minX, position.x);
    minY = Math.min(minY, position.y);
    maxX = Math.max(maxX, position.x + width);
    maxY = Math.max(maxY, position.y + height);
  }
  const headerHeight = 28;
  const width = Math.ceil(maxX - minX + 2 * MARGIN);
  const height = Math.ceil(maxY - minY + 2 * MARGIN + headerHeight);
  const dx = MARGIN - minX;
  const dy = MARGIN + headerHeight - minY;
  const colour = { binding: palette.edge, fanout: palette.edge, 'dead-letter': palette.deadLetter, alternate: palette.alternate } as const;

  const parts: string[] = [];
  parts.push(`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${FONT}">`);
  parts.push('<defs>');
  for (const [kind, fill] of Object.entries(colour)) parts.push(`<marker id="arrow-${kind}" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0 0 10 5 0 10z" fill="${fill}"/></marker>`);
  parts.push('</defs>');
  parts.push(`<rect width="100%" height="100%" fill="${palette.background}"/>`);
  parts.push(`<text x="${MARGIN}" y="${MARGIN + 4}" font-size="13" font-weight="600" fill="${palette.text}">${escapeXml(title)}</text>`);

  const labels: string[] = [];
  for (const edge of edges) {
    const from = byId.get(edge.source);
    const to = byId.get(edge.target);
    if (!from || !to) continue;
    const fs = sizeOf(from.node);
    const ts = sizeOf(to.node);
    const [path, labelX, labelY] = getBezierPath({
      sourceX: from.position.x + fs.width + dx,
      sourceY: from.position.y + fs.height / 2 + dy,
      sourcePosition: Position.Right,
      targetX: to.position.x + dx,
      targetY: to.position.y + ts.height / 2 + dy,
      targetPosition: Position.Left,
    });
    const dash = edge.kind === 'dead-letter' || edge.kind === 'alternate' ? ' stroke-dasharray="6 4"' : '';
    parts.push(`<path d="${path}" fill="none" stroke="${colour[edge.kind]}" stroke-width="1.4"${dash} marker-end="url(#arrow-${edge.kind})"/>`);
    if (edge.label) {
      const text = clip(edge.label, 40);
      const w = text.length * 6.2 + 10;
      labels.push(`<rect x="${(labelX - w / 2).toFixed(1)}" y="${(labelY - 9).toFixed(1)}" width="${w.toFixed(1)}" height="17" rx="3" fill="${palette.background}" stroke="${palette.border}"/>`);
      labels.push(`<text x="${labelX.toFixed(1)}" y="${(labelY + 3.5).toFixed(1)}" font-size="10.5" text-anchor="middle" fill="${palette.muted}">${escapeXml(text)}</text>`);
    }
  }
  parts.push(...labels);

  for (const { node, position, detail } of nodes) {
    const { width: w, height: h } = sizeOf(node);
    const x = position.x + dx;
    const y = position.y + dy;
    const { badge, name } = titleOf(node);
    const stroke = node.kind === 'exchange' && node.missing ? palette.deadLetter : palette.border;
    const dash = node.kind === 'group' || (node.kind === 'exchange' && node.missing) ? ' stroke-dasharray="5 3"' : '';
    const accent = node.kind === 'exchange' ? palette.accent : node.kind === 'queue' ? palette.queue : palette.muted;
    parts.push(`<g data-id="${escapeXml(node.id)}">`);
    parts.push(`<rect x="${x}" y="${y}" width="${w}" height="${h}" rx="6" fill="${palette.surface}" stroke="${stroke}"${dash}/>`);
    parts.push(`<rect x="${x}" y="${y}" width="3" height="${h}" rx="1.5" fill="${accent}"/>`);
    parts.push(`<text x="${x + 12}" y="${y + 20}" font-size="10" font-weight="600" fill="${accent}" letter-spacing="0.4">${escapeXml(badge.toUpperCase())}</text>`);
    const badgeWidth = badge.length * 7 + 16;
    parts.push(`<text x="${x + 12 + badgeWidth}" y="${y + 20}" font-size="12.5" font-weight="600" fill="${palette.text}">${escapeXml(clip(name, Math.floor((w - badgeWidth - 20) / 7)))}</text>`);
    if (detail) parts.push(`<text x="${x + 12}" y="${y + 40}" font-size="11" fill="${palette.muted}">${escapeXml(clip(detail, 34))}</text>`);
    parts.push('</g>');
  }
  parts.push('</svg>');
  return parts.join('\n');
}
