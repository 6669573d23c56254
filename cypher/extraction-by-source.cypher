// A source's extraction record with its mentions, and the time now (to tell a stalled run from a live one).
// Params: $sourceId. Returns: e (every property; dates as text), now. No row when there is none.
MATCH (e:Extraction {sourceId: $sourceId})
RETURN e {.*, startedAt: toString(e.startedAt), finishedAt: toString(e.finishedAt),
  updatedAt: toString(e.updatedAt)} AS e, toString(datetime()) AS now
