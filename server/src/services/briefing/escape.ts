// Escaping for the briefing's two output languages: HTML/XML (text and attributes) and Markdown.

/** Characters XML 1.0 forbids anywhere (C0 controls other than tab, LF, CR; lone surrogates; U+FFFE/FFFF). */
const XML_INVALID =
  // eslint-disable-next-line no-control-regex -- control characters are what this finds
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Escapes a string for HTML or XML text and for double- or single-quoted attribute values. */
export function escapeXml(value: string): string {
  return value
    .replace(XML_INVALID, '\uFFFD')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/**
 * Escapes inline Markdown: backslash, emphasis (`*`, `_`, `~`), code spans, link brackets, raw HTML
 * (`<`, `>`), entity references (`&`) and the table separator `|`. Newlines become spaces so a value
 * cannot start a heading, list or table row of its own. Every escape is a CommonMark backslash escape,
 * so a renderer shows the original text.
 */
export function escapeMarkdown(value: string): string {
  return value.replace(/\r\n|\r|\n/g, ' ').replace(/[\\`*_~[\]<>|&]/g, (c) => `\\${c}`);
}

/** Undoes escapeMarkdown (for tests and round trips). */
export function unescapeMarkdown(value: string): string {
  return value.replace(/\\([\\`*_~[\]<>|&])/g, '$1');
}
