/**
 * Browser-side exports: downloads, the canvas as PNG or SVG (html-to-image, loaded on first use,
 * following React Flow's "download image" recipe), the topology as JSON and the recorded series
 * as CSV. Browser only.
 */
import { getViewportForBounds, type ReactFlowInstance } from '@xyflow/react';
import { encodeTopologyJson } from '../../core/codec';
import type { Topology } from '../../core/model';
import { getSimHistory } from '../../state/simStore';
import { csvFileName, historyColumns, toCsv } from '../metrics/csv';
import { downloadText } from '../metrics/download';
import { fileBaseName } from './fileName';
import { sanitizeSvg } from './sanitizeSvg';

export type ImageFormat = 'png' | 'svg';

/** Space around the nodes in an exported picture, in canvas pixels. */
const IMAGE_MARGIN = 40;
/** Largest side of an exported picture; browsers refuse canvases much past 16k pixels. */
const MAX_IMAGE_SIDE = 4096;
/** PNGs are drawn at twice the size for projectors and printouts, within the cap. */
const PNG_PIXEL_RATIO = 2;

/** Saves a blob as a file through a temporary `a[download]` link. */
export function downloadBlob(fileName: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.style.display = 'none';
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/** The topology as a pretty JSON file named after it. */
export function exportTopologyJson(topology: Topology): void {
  downloadText(
    `${fileBaseName(topology.name)}.json`,
    encodeTopologyJson(topology),
    'application/json',
  );
}

/** Every recorded series of the run as CSV (the same file the metrics panel exports). */
export function exportMetricsCsv(topology: Topology): boolean {
  const h = getSimHistory();
  const time = h.timeAxis();
  if (time.length === 0) return false;
  downloadText(csvFileName(new Date()), toCsv(time, historyColumns(h, topology.nodes)), 'text/csv');
  return true;
}

/**
 * Draws the whole topology (not just what is on screen) to a PNG or an inert SVG and downloads
 * it. Returns false when the canvas has no nodes.
 */
export async function exportCanvasImage(
  flow: ReactFlowInstance,
  format: ImageFormat,
  topology: Topology,
): Promise<boolean> {
  const viewportEl = document.querySelector<HTMLElement>('.react-flow__viewport');
  const nodes = flow.getNodes();
  if (!viewportEl || nodes.length === 0) return false;
  const bounds = flow.getNodesBounds(nodes);
  const width = Math.min(MAX_IMAGE_SIDE, Math.ceil(bounds.width + 2 * IMAGE_MARGIN));
  const height = Math.min(MAX_IMAGE_SIDE, Math.ceil(bounds.height + 2 * IMAGE_MARGIN));
  // Natural size (zoom 1) unless the topology is larger than the cap, then scaled down to fit.
  const vp = getViewportForBounds(bounds, width, height, 0.05, 1, `${IMAGE_MARGIN}px`);
  const canvas = viewportEl.closest('.react-flow');
  const background = canvas ? getComputedStyle(canvas).backgroundColor : '#ffffff';
  const options = {
    backgroundColor: background,
    width,
    height,
    // System fonts only: nothing to fetch and embed.
    skipFonts: true,
    style: {
      width: `${width}px`,
      height: `${height}px`,
      transform: `translate(${vp.x}px, ${vp.y}px) scale(${vp.zoom})`,
    },
  };
  const { toBlob, toSvg } = await import('html-to-image');
  const base = fileBaseName(topology.name);
  if (format === 'png') {
    const ratio = Math.min(PNG_PIXEL_RATIO, (2 * MAX_IMAGE_SIDE) / Math.max(width, height));
    const blob = await toBlob(viewportEl, { ...options, pixelRatio: ratio });
    if (!blob) throw new Error('the browser could not draw the canvas');
    downloadBlob(`${base}.png`, blob);
    return true;
  }
  const dataUrl = await toSvg(viewportEl, options);
  const text = decodeURIComponent(dataUrl.slice(dataUrl.indexOf(',') + 1));
  const { svg } = sanitizeSvg(text);
  downloadBlob(`${base}.svg`, new Blob([svg], { type: 'image/svg+xml' }));
  return true;
}
