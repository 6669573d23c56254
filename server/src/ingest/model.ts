// The one place the extraction engine reads the graph model from: switch this import when the model moves.
export {
  RELATIONSHIP_TYPES,
  RELATIONSHIP_TYPE_NAMES,
  PRIMARY_LABELS,
  CONFIDENCE_LEVELS,
  FORUM_KINDS,
  AGREEMENT_KINDS,
  endpointAllowed,
  isRelationshipType,
  primaryLabelOf,
  ID_PREFIXES,
  type RelationshipType,
} from '../schema.js';
