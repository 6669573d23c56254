// The canvas class of each node kind; the stylesheet gives each class its look from the model's palette.
import type { DisplayKind } from '../../../model';

/** The CSS class a node of `kind` carries on the canvas (e.g. `kind-ThreatType`). */
export function kindClass(kind: DisplayKind): string {
  return `kind-${kind}`;
}
