// Restore: creates one batch of relationships between restored nodes, found by their backup keys. Types travel as
// parameters and were checked against the allow-list before; a missing end creates nothing (the count says so).
// Params: $rows: [{type, s, e, props}]. Returns: created.
UNWIND $rows AS row
MATCH (a:RestoringNode {restoreKey: row.s})
MATCH (b:RestoringNode {restoreKey: row.e})
CREATE (a)-[r:$(row.type)]->(b)
SET r = row.props
RETURN count(r) AS created
