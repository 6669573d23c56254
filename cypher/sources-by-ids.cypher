// The sources a briefing quotes, with their full text, title, publisher and date.
// Params: $ids (list of source business keys). Returns: s {id, title, publisher, date, text}, one row per source found.
MATCH (s:Source:Entity)
WHERE s.id IN $ids
RETURN s {.id, title: coalesce(s.title, s.name), .publisher, .date, .text} AS s
ORDER BY s.id
