// Backup: how many nodes and relationships the snapshot will hold (the totals come from the count store).
// Params: $excluded (labels left out of a backup; their nodes have no relationships). Returns: nodes, relationships.
CALL () { MATCH (n) RETURN count(n) AS total }
CALL () {
  UNWIND $excluded AS label
  CALL (label) { MATCH (n:$(label)) RETURN count(n) AS c }
  RETURN sum(c) AS left
}
CALL () { MATCH ()-[r]->() RETURN count(r) AS relationships }
RETURN total - left AS nodes, relationships
