// The briefing export format: pure renderers from a Graph (with evidence) to Markdown, HTML and SVG.
export { buildBriefing, type BriefingMeta, type BriefingModel, type Citation, type Statement } from './briefing-model.js';
export { renderBriefingMarkdown } from './render-markdown.js';
export { renderBriefingHtml } from './render-html.js';
export { renderFigureSvg, layoutGraph } from './figure-svg.js';
export { escapeMarkdown, escapeXml, unescapeMarkdown } from './escape.js';
