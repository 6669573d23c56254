// Which relationship types may join two nodes, from the schema's allowed endpoint labels.
import type { SchemaResponse } from '../../../contract';

/** A type the chooser offers; `reversed` when it only fits from the second node to the first. */
export interface FittingType {
  type: string;
  reversed: boolean;
}

const fits = (allowed: readonly string[], labels: readonly string[]): boolean =>
  labels.some((l) => allowed.includes(l));

/**
 * The relationship types whose endpoint labels fit `from` -> `to` (in schema order), then the
 * types that fit only the other way round (flagged `reversed`, so the chooser can offer them
 * with the direction the schema allows). Empty when no type fits.
 */
export function fittingTypes(
  types: SchemaResponse['relationshipTypes'],
  from: readonly string[],
  to: readonly string[],
): FittingType[] {
  const forward = types
    .filter((t) => fits(t.from, from) && fits(t.to, to))
    .map((t) => ({ type: t.type, reversed: false }));
  const backward = types
    .filter((t) => !forward.some((f) => f.type === t.type) && fits(t.from, to) && fits(t.to, from))
    .map((t) => ({ type: t.type, reversed: true }));
  return [...forward, ...backward];
}
