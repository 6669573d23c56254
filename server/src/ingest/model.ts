// The one place the extraction engine reads the graph model from (model/): kinds, their labels and id
// prefixes, relationship rules and confidence levels, in the shapes the engine uses.
import { idPrefixOf, labelsOf, NODE_KINDS, type NodeKind, type NodeLabel } from '../../../model/index.js';

export {
  AGREEMENT_KINDS,
  CONFIDENCE_LEVELS,
  endpointAllowed,
  FORUM_KINDS,
  isRelationshipType,
  kindOf as primaryLabelOf,
  RELATIONSHIP_TYPE_NAMES,
  RELATIONSHIP_TYPES,
  type RelationshipType,
} from '../../../model/index.js';

/** The labels a node of each kind carries (`Country` → `Actor`, `Country`). */
export const PRIMARY_LABELS = Object.fromEntries(NODE_KINDS.map((k) => [k, labelsOf(k)])) as Record<
  NodeKind,
  readonly NodeLabel[]
>;

/** Id prefix of new nodes per kind (`country:new-zealand`). */
export const ID_PREFIXES = Object.fromEntries(NODE_KINDS.map((k) => [k, idPrefixOf(k)])) as Record<
  NodeKind,
  string
>;
