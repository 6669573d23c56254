// The node suggestion of a source that proposes a candidate, under its write lock.
// Params: $sourceId, $candidateKey. Returns: s (every property; dates as text). No row when there is none.
MATCH (s:Suggestion {sourceId: $sourceId})
WHERE s.kind = 'node' AND s.candidateKey = $candidateKey
SET s._lock = true
REMOVE s._lock
RETURN s {.*, decidedAt: toString(s.decidedAt), createdAt: toString(s.createdAt)} AS s
LIMIT 1
