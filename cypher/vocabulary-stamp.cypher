// What tells one state of the graph's names from another, cheaply: counts from the count store and the newest change.
// Params: none. Returns: nodes, changes, lastChange (id or null).
RETURN COUNT { (n:Entity) } AS nodes,
  COUNT { (c:Change) } AS changes,
  COLLECT { MATCH (c:Change) RETURN c.id ORDER BY c.id DESC LIMIT 1 }[0] AS lastChange
