// Relationships whose two ends are both soft-deleted, per type: the one term of the live relationship counts the
// count store cannot give. Read from the :Deleted nodes outward, so the work grows with what curators deleted, not
// with the graph.
// Params: none. Returns: type, count.
MATCH (:Deleted)-[r]->(:Deleted)
RETURN type(r) AS type, count(r) AS count
