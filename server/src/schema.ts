// The server's allow-list of labels, relationship types and properties: the model's (model/), re-exported
// for the server code that checks against it (new code may import model/ directly). Anything spliced into
// Cypher (a label or a relationship type) must be checked here first.
export {
  CONFIDENCE_LEVELS,
  endpointAllowed,
  isNodeLabel,
  isRelationshipType,
  LABEL_PROPERTIES,
  NODE_LABELS,
  nodePropertyTypes,
  RELATIONSHIP_TYPE_NAMES,
  RELATIONSHIP_TYPES,
  relationshipPropertyTypes,
  type PropertyType,
  type RelationshipType,
} from '../../model/index.js';
