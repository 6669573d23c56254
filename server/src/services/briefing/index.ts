// The briefing export format: pure renderers from a Graph (with evidence) to Markdown, HTML and SVG.
export {
  buildBriefing,
  type BriefingMeta,
  type BriefingModel,
  type Citation,
  type Statement,
} from './briefing-model.js';
export { renderBriefingMarkdown } from './render-markdown.js';
export { renderBriefingHtml } from './render-html.js';
export { renderFigureSvg, layoutGraph } from './figure-svg.js';
export { escapeMarkdown, escapeXml, unescapeMarkdown } from './escape.js';

import type { Graph } from '../../../../contract/index.js';
import type { BriefingMeta as Meta } from './briefing-model.js';
import { renderBriefingHtml as html } from './render-html.js';
import { renderBriefingMarkdown as markdown } from './render-markdown.js';

/** One rendered briefing file, ready for a download response (for the export format registry). */
export interface BriefingFile {
  body: string;
  contentType: string;
  extension: 'md' | 'html';
}

/** The briefing as a Markdown or HTML file with its media type; pure, like the renderers. */
export function renderBriefingFile(graph: Graph, meta: Meta, flavour: 'markdown' | 'html'): BriefingFile {
  return flavour === 'html'
    ? { body: html(graph, meta), contentType: 'text/html; charset=utf-8', extension: 'html' }
    : { body: markdown(graph, meta), contentType: 'text/markdown; charset=utf-8', extension: 'md' };
}
