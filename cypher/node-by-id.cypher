// One node by business key.
// Params: $id. Returns: node.
MATCH (node:Entity {id: $id})
RETURN node
