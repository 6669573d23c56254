// The graph's model, written once: node kinds, relationship rules, confidence levels, display names,
// colours and shapes. Server, client, seed and generator import it; it imports nothing of theirs, and
// nothing of Node, the DOM or neo4j-driver (model/tsconfig.json checks that), so every side can use it.
//
// To add a node kind: one entry in KINDS (kinds.ts): labels, id prefix, names, look, properties; then
// its relationship rules in RELATIONSHIP_TYPES (relationships.ts). Everything else derives from them:
// the allow-lists, the unions, the API schema, seed validation, the canvas, legend, briefing and the
// curation forms. Tables keyed `Record<NodeKind, …>` or `Record<RelationshipType, …>` make the compiler
// name any place that still needs a word about the new kind.

export { CONFIDENCE, CONFIDENCE_LEVELS, isConfidence, type Confidence } from './confidence.js';
export {
  displayKindOf,
  displayName,
  ENTITY_KINDS,
  FAMILIES,
  idPrefixOf,
  isNodeKind,
  isNodeLabel,
  KINDS,
  kindOf,
  LABEL_PROPERTIES,
  labelsOf,
  NODE_KINDS,
  NODE_LABELS,
  nodePropertyTypes,
  SOURCE_KIND,
  type DisplayKind,
  type EntityKind,
  type Family,
  type KindSpec,
  type KindStyle,
  type NameStyle,
  type NodeKind,
  type NodeLabel,
} from './kinds.js';
export { EDGE_STYLE, KIND_STYLES, OTHER_STYLE } from './palette.js';
export {
  AGREEMENT_KINDS,
  FACT_PROPERTIES,
  FORUM_KINDS,
  NODE_PROPERTIES,
  PARTICIPATION_ROLES,
  type PropertyType,
  type PropertyTypes,
} from './properties.js';
export {
  endpointAllowed,
  isRelationshipType,
  RELATIONSHIP_TYPE_NAMES,
  RELATIONSHIP_TYPES,
  relationshipPropertyTypes,
  relationshipVerb,
  type RelationshipRule,
  type RelationshipType,
} from './relationships.js';
export { shapePath, type KindShape } from './shapes.js';
