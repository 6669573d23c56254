// A small coloured chip naming a node kind, used in suggestions, details and the path finder.
import { displayKindOf, displayName, KIND_STYLES, type NodeLabel } from '../../../model';
import { el } from './dom';

/** A chip with the kind's colour swatch and name, for a node with `labels`. */
export function kindChip(labels: readonly NodeLabel[]): HTMLElement {
  const kind = displayKindOf(labels);
  const swatch = el('span', { className: 'swatch', attrs: { 'aria-hidden': 'true' } });
  swatch.style.backgroundColor = KIND_STYLES[kind].colour;
  return el('span', { className: 'kind-chip' }, [swatch, displayName(kind)]);
}
