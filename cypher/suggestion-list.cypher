// A source's suggestions in extraction order.
// Params: $sourceId. Returns: s (every property; decidedAt and createdAt as text).
MATCH (s:Suggestion {sourceId: $sourceId})
RETURN s {.*, decidedAt: toString(s.decidedAt), createdAt: toString(s.createdAt)} AS s
ORDER BY s.seq
