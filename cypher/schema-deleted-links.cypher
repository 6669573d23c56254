// Relationships touching a soft-deleted node, per type: the count store counts them, the graph's readers never see
// them. Read from the :Deleted nodes outward, so the work grows with what curators deleted, not with the graph.
// Params: none. Returns: type, count.
MATCH (:Deleted)-[r]-()
WITH DISTINCT r
RETURN type(r) AS type, count(r) AS count
