// Takes the write lock of each node with these business keys, live (:Entity) or soft-deleted (:Deleted), in the
// order given (callers sort the ids, so two writers never wait on each other crosswise), then reads the nodes
// and every relationship touching them as they are once the locks are held. The SET/REMOVE pair changes
// nothing but takes the lock, as in workspace-update.cypher. Every curation write starts here.
// Params: $ids (sorted list of ids). Returns: nodes [{labels, props}],
//   rels [{type, source, target, props, live}] (live: both ends are live nodes).
UNWIND $ids AS id
CALL (id) {
  MATCH (n:Entity {id: id}) RETURN n
  UNION
  MATCH (n:Deleted {id: id}) RETURN n
}
SET n._lock = true
REMOVE n._lock
WITH collect(n) AS nodes
RETURN [n IN nodes | {labels: labels(n), props: properties(n)}] AS nodes,
  COLLECT {
    UNWIND nodes AS n
    MATCH (n)-[r]-()
    WITH DISTINCT r, startNode(r) AS a, endNode(r) AS b
    WHERE (a:Entity OR a:Deleted) AND (b:Entity OR b:Deleted)
    RETURN {type: type(r), source: a.id, target: b.id, props: properties(r), live: a:Entity AND b:Entity} AS rel
  } AS rels
