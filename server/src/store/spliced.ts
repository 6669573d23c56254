// Template queries with a model label or relationship type spliced into the text, one copy per name.
// Why: Neo4j answers `MATCH (n:Forum) RETURN count(n)` from its count store and `COUNT { (n)-[:LEADS]->() }` from
// the node's degree store only when the label or type is written in the query; given as a parameter
// (`MATCH (n:$($label))`), the same query scans every node or expands every relationship.
import { isNodeLabel, isRelationshipType } from '../schema.js';

/** What a template's `{{placeholder}}` stands for: a model label or a model relationship type. */
export type Placeholder = 'label' | 'type';

/** A template or a name that must never reach Neo4j: a programming error, not bad input. */
export class SpliceError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SpliceError';
  }
}

const ALLOWED: Record<Placeholder, (name: string) => boolean> = {
  label: isNodeLabel,
  type: isRelationshipType,
};
/** Identifiers only: nothing a name could smuggle in survives this and the allow-list. */
const IDENTIFIER = /^[A-Za-z][A-Za-z0-9_]*$/;

const built = new Map<string, string>();

/**
 * One copy of `template` per name, `{{placeholder}}` replaced by the name, joined with UNION ALL. Every name is
 * checked against the model's allow-list first; the template must use its placeholder and no other.
 */
export function spliceUnion(template: string, placeholder: Placeholder, names: readonly string[]): string {
  const key = `${placeholder}\u0000${names.join(',')}\u0000${template}`;
  const cached = built.get(key);
  if (cached) return cached;
  const marker = `{{${placeholder}}}`;
  if (!template.includes(marker)) throw new SpliceError(`The template does not use ${marker}.`);
  const others = template.replaceAll(marker, '').match(/\{\{\w+\}\}/g);
  if (others) throw new SpliceError(`The template has other placeholders: ${others.join(', ')}.`);
  if (!names.length) throw new SpliceError(`No ${placeholder} to splice into the template.`);
  for (const name of names)
    if (!IDENTIFIER.test(name) || !ALLOWED[placeholder](name))
      throw new SpliceError(`"${name}" is not a ${placeholder} of the model.`);
  const text = names.map((name) => template.replaceAll(marker, name)).join('\nUNION ALL\n');
  built.set(key, text);
  return text;
}
