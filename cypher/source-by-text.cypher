// The source that already holds this text: by its SHA-256, or (sources stored before hashes) by the text itself.
// Params: $sha256, $text, $length. Returns: s {id, title, publisher, date, url, length}. No row when there is none.
MATCH (s:Source)
WHERE s.sha256 = $sha256 OR (s.sha256 IS NULL AND size(s.text) = $length AND s.text = $text)
RETURN s {.id, title: coalesce(s.title, s.name), .publisher, .date, .url, length: size(s.text)} AS s
LIMIT 1
