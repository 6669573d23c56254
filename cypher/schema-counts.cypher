// Template (store/spliced.ts): what the schema shows, without a scan. Per model label its live nodes and per model
// type its relationships, each a count-store lookup (a soft-deleted node keeps only :Deleted, so labels count live
// nodes only); and the relationships touching a soft-deleted node per type, which the count store includes and no
// reader sees, read from the :Deleted nodes outward (work grows with what curators deleted, not with the graph).
// The server repeats each line holding {{label}} or {{type}} once per model label or type.
// Params: none; spliced: {{label}}, {{type}}. Returns: labels [{label, count}], types [{type, count}],
//   deletedLinks [{type, count}], nodes (live business nodes).
RETURN [
  {label: '{{label}}', count: COUNT { (:{{label}}) }}
] AS labels, [
  {type: '{{type}}', count: COUNT { ()-[:{{type}}]->() }}
] AS types,
  COLLECT {
    MATCH (:Deleted)-[r]-()
    WITH DISTINCT r
    WITH type(r) AS type, count(r) AS count
    RETURN {type: type, count: count}
  } AS deletedLinks,
  COUNT { (:Entity) } AS nodes
