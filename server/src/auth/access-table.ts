// The README's role table, rendered from the access matrix (a test checks the README holds exactly this).
import { ACCESS_MATRIX, CALLERS, type Access, type AccessRule, type Grant } from './access-matrix.js';

/** The README lines between these markers are this file's output. */
export const TABLE_START =
  '<!-- access-matrix:start (generated: npx tsx scripts/access-table.ts --write) -->';
export const TABLE_END = '<!-- access-matrix:end -->';

const GRANT_TEXT: Record<Grant, string> = { yes: 'yes', no: 'no', shared: 'shared ones' };
const GATE_TEXT: Record<Access['anonymousWhen'], string> = {
  always: '',
  'unless-auth-required': ', unless `AUTH_REQUIRED`',
  'if-anonymous-workspaces': ', if `ANONYMOUS_WORKSPACES`',
};

const cells = (a: Access): string[] => [
  a.anonymous === 'no' ? 'no' : `${GRANT_TEXT[a.anonymous]}${GATE_TEXT[a.anonymousWhen]}`,
  ...CALLERS.slice(1).map((c) => GRANT_TEXT[a[c]]),
  a.owner ? GRANT_TEXT[a.owner] : '–',
];

/** The Markdown table: one line per distinct set of permissions, listing its routes in matrix order. */
export function accessTableMarkdown(rules: readonly AccessRule[] = ACCESS_MATRIX): string {
  const groups = new Map<string, { cells: string[]; routes: string[] }>();
  for (const r of rules) {
    const c = cells(r);
    const key = c.join('|');
    const g = groups.get(key) ?? { cells: c, routes: [] };
    g.routes.push(`\`${r.method} /api${r.path}\``);
    groups.set(key, g);
  }
  return [
    '| Routes | anonymous | viewer | curator | admin | owner |',
    '|---|---|---|---|---|---|',
    ...[...groups.values()].map((g) => `| ${g.routes.join(' · ')} | ${g.cells.join(' | ')} |`),
  ].join('\n');
}

/** `readme` with the text between the markers replaced by the current table (markers must be present). */
export function withAccessTable(readme: string, rules: readonly AccessRule[] = ACCESS_MATRIX): string {
  const start = readme.indexOf(TABLE_START);
  const end = readme.indexOf(TABLE_END);
  if (start < 0 || end < start) throw new Error(`README: expected the markers ${TABLE_START} … ${TABLE_END}`);
  return `${readme.slice(0, start + TABLE_START.length)}\n${accessTableMarkdown(rules)}\n${readme.slice(end)}`;
}
