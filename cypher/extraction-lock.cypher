// A source's extraction record, created empty (state none) when missing, under its write lock.
// Params: $sourceId. Returns: e (every property but mentions; dates as text).
MERGE (e:Extraction {sourceId: $sourceId})
ON CREATE SET e.state = 'none'
SET e._lock = true
REMOVE e._lock
RETURN e {.*, mentions: null, startedAt: toString(e.startedAt), finishedAt: toString(e.finishedAt),
  updatedAt: toString(e.updatedAt)} AS e
