// CSV injection defence for the spreadsheet CSV (OWASP): a cell a spreadsheet would run as a formula becomes text.

/** First characters that make Excel, LibreOffice or Google Sheets read a cell as a formula (OWASP CSV Injection). */
export const FORMULA_TRIGGERS = ['=', '+', '-', '@', '\t', '\r'] as const;

/** A plain decimal number: safe to leave as is in a numeric column (a value, never a formula). */
const PLAIN_NUMBER = /^-?\d+(\.\d+)?([eE][+-]?\d+)?$/;

/** True when a spreadsheet could read `text` as a formula. */
export function looksLikeFormula(text: string): boolean {
  return text.length > 0 && (FORMULA_TRIGGERS as readonly string[]).includes(text[0]!);
}

/**
 * The cell as a spreadsheet should get it: text that starts with a trigger is prefixed with a single quote, which
 * spreadsheets show as text and never evaluate, and is always quoted. Numbers of a numeric column stay numbers
 * (`-2.5` is a value: quoting it would turn the column into text). Returns the field ready for the row and whether
 * it was changed.
 */
export function spreadsheetField(
  text: string | null,
  numericColumn: boolean,
  csvField: (text: string | null) => string,
): { field: string; neutralised: boolean } {
  if (text === null || !looksLikeFormula(text) || (numericColumn && PLAIN_NUMBER.test(text)))
    return { field: csvField(text), neutralised: false };
  return { field: `"'${text.replace(/"/g, '""')}"`, neutralised: true };
}

/** The README.txt of a spreadsheet CSV zip: what was changed, and why the files are not for neo4j-admin. */
export function spreadsheetReadme(counts: {
  nodes: number;
  relationships: number;
  neutralised: number;
}): string {
  return [
    'Spreadsheet-safe CSV export of the security-cooperation graph',
    '',
    `nodes.csv holds ${counts.nodes} nodes and relationships.csv ${counts.relationships} relationships: UTF-8 with a`,
    'byte-order mark (so Excel reads the accents right), comma-separated, CRLF line ends, RFC 4180 quoting.',
    '',
    'Formula injection defence (OWASP "CSV Injection"): every cell, header included, that starts with',
    "=  +  -  @  a tab or a carriage return has had a single quote (') put in front of it and is quoted,",
    'so Excel, LibreOffice Calc and Google Sheets show it as text and never run it as a formula.',
    'Numbers in numeric columns (headers ending in :long or :double), such as -2.5, are left as numbers.',
    `${counts.neutralised} cell${counts.neutralised === 1 ? ' was' : 's were'} neutralised in this export. To get a value back exactly, drop that one leading quote.`,
    '',
    'Headers are those of the neo4j-admin CSV (id:ID, :LABEL, name:type, evidence); lists are joined with ";"',
    '(a list whose items contain ";" is JSON text), and evidence is the stored JSON list.',
    'Do not load these files with neo4j-admin: the added quotes would become part of the data.',
    'Export again with the "neo4j-admin" variant (the default) for an exact import.',
    '',
  ].join('\r\n');
}
