// Records one change. Change nodes have no relationships, so they never appear as a neighbour or on a path.
// Params: $change {id, by, operation, targetKind, targetId, otherId|null, summary, before, after (JSON text),
//   revertOf|null}. Returns: c (change map).
CREATE (c:Change)
SET c = $change, c.at = datetime()
RETURN c {.*, at: toString(c.at)} AS c
