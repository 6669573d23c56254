// Restore: creates one batch of nodes with their labels and properties, marked :RestoringNode with their backup key
// until the restore ends. Labels travel as parameters and were checked against the allow-list before.
// Params: $rows: [{k, labels, props}]. Returns: created.
UNWIND $rows AS row
CREATE (n:RestoringNode)
SET n = row.props, n.restoreKey = row.k
SET n:$(row.labels)
RETURN count(n) AS created
