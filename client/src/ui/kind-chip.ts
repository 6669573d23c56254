// A small coloured chip naming a node kind, used in suggestions, details and the path finder.
import type { NodeLabel } from '../../../server/src/api-types';
import { KIND_STYLES } from '../model/label-styles';
import { kindLabel, nodeKind } from '../model/node-kind';
import { el } from './dom';

/** A chip with the kind's colour swatch and name, for a node with `labels`. */
export function kindChip(labels: readonly NodeLabel[]): HTMLElement {
  const kind = nodeKind(labels);
  const swatch = el('span', { className: 'swatch', attrs: { 'aria-hidden': 'true' } });
  swatch.style.backgroundColor = KIND_STYLES[kind].colour;
  return el('span', { className: 'kind-chip' }, [swatch, kindLabel(kind)]);
}
