// Updates a source's extraction record (state, progress, outcome); `updatedAt` is the heartbeat of a running one.
// Params: $sourceId, $props (map of plain values; null removes one), $startedAt and $finishedAt (ISO text to set,
// '' to clear, null to keep). Returns: count.
MERGE (e:Extraction {sourceId: $sourceId})
SET e += $props,
  e.startedAt = CASE WHEN $startedAt IS NULL THEN e.startedAt WHEN $startedAt = '' THEN null
    ELSE datetime($startedAt) END,
  e.finishedAt = CASE WHEN $finishedAt IS NULL THEN e.finishedAt WHEN $finishedAt = '' THEN null
    ELSE datetime($finishedAt) END,
  e.updatedAt = datetime()
RETURN count(e) AS count
