// Purges expired sessions, a bounded batch at a time (run on each login).
// Params: $limit (int). Returns: deleted (int).
MATCH (s:Session)
WHERE s.expiresAt <= datetime()
WITH s LIMIT $limit
DELETE s
RETURN count(s) AS deleted
