// The recent-changes feed, newest first, older than the cursor change ($beforeAt/$beforeId; null for the newest).
// `at <= cursor` lets the change_at index serve the range and the order; ties on `at` are broken by id.
// Params: $beforeAt (ISO datetime|null), $beforeId (id|null), $limit (int). Returns: change (change map).
MATCH (c:Change)
WHERE c.at <= coalesce(datetime($beforeAt), datetime('9999-12-31T23:59:59Z'))
  AND ($beforeAt IS NULL OR NOT (c.at = datetime($beforeAt) AND c.id >= $beforeId))
RETURN c {.*, at: toString(c.at)} AS change
// Sorted by the stored datetime, not the text returned as `at`: toString drops trailing zeros ("…43.1Z"), so the
// text does not sort in time order ("…43Z" > "…43.5Z"). Hence the other name for the projection.
ORDER BY c.at DESC, c.id DESC
LIMIT $limit
