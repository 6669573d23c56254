// Stores a source's suggestions. Suggestions have no relationships, so no graph read, path or export reaches them.
// Params: $rows [{id, sourceId, seq, kind, ...}] (every property of a :Suggestion). Returns: count.
UNWIND $rows AS row
CREATE (s:Suggestion)
SET s = row, s.createdAt = datetime()
RETURN count(s) AS count
