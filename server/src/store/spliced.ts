// Template queries with the model's labels or relationship types spliced into the text.
// Why: Neo4j answers `COUNT { (:Forum) }` from its count store and `COUNT { (n)-[:LEADS]->() }` from the node's
// degree store only when the label or type is written in the query; given as a parameter (`(:$($label))`), the
// same query scans every node or expands every relationship.
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
 * The template with each line that holds `{{placeholder}}` repeated once per name (the placeholder replaced by the
 * name), the copies joined by commas: a template writes one list item per line, as in
 * `RETURN [\n  {label: '{{label}}', count: COUNT { (:{{label}}) }}\n] AS labels`. Every name is checked against the
 * model's allow-list first; every placeholder of the template must be given.
 */
export function splice(template: string, names: Partial<Record<Placeholder, readonly string[]>>): string {
  const key = `${JSON.stringify(names)}\u0000${template}`;
  const cached = built.get(key);
  if (cached) return cached;
  let text = template;
  for (const [placeholder, list] of Object.entries(names) as [Placeholder, readonly string[]][]) {
    const marker = `{{${placeholder}}}`;
    if (!text.includes(marker)) throw new SpliceError(`The template does not use ${marker}.`);
    if (!list.length) throw new SpliceError(`No ${placeholder} to splice into the template.`);
    for (const name of list)
      if (!IDENTIFIER.test(name) || !ALLOWED[placeholder](name))
        throw new SpliceError(`"${name}" is not a ${placeholder} of the model.`);
    text = text
      .split('\n')
      .map((line) =>
        line.includes(marker) ? list.map((name) => line.replaceAll(marker, name)).join(',\n') : line,
      )
      .join('\n');
  }
  const left = text.match(/\{\{\w+\}\}/g);
  if (left) throw new SpliceError(`The template has placeholders left: ${left.join(', ')}.`);
  built.set(key, text);
  return text;
}
