// How many distinct neighbours each selective-expand choice would add: per type, per label, per threat, every
// neighbour read. Per threat counts the neighbours that `neighbours.cypher` keeps for that threat: the threat or a
// sub-threat itself, or a node that ADDRESSES / FOCUSES_ON the threat or a sub-threat.
// A node with more than $hubDegree relationships (its degree, from the degree store) is not read: every count comes
// back empty and the caller counts it as a hub (neighbour-degree.cypher, neighbour-sample.cypher).
// Params: $id, $hubDegree (int). Returns: centre (node), degree (int), total (int), byType [{type, count, out, in}],
//   byLabel [{label, count}], byThreat [{id, name, count}]. No row when the centre does not exist.
MATCH (centre:Entity {id: $id})
WITH centre, COUNT { (centre)--() } AS degree
CALL (centre, degree) {
  WITH centre WHERE degree <= $hubDegree
  OPTIONAL MATCH (centre)--(m:Entity)
  RETURN count(DISTINCT m) AS total
}
CALL (centre, degree) {
  WITH centre WHERE degree <= $hubDegree
  MATCH (centre)-[r]-(m:Entity)
  WITH type(r) AS type, m, collect(DISTINCT startNode(r) = centre) AS outward
  WITH type, count(m) AS count,
       sum(CASE WHEN true IN outward THEN 1 ELSE 0 END) AS out,
       sum(CASE WHEN false IN outward THEN 1 ELSE 0 END) AS in
  ORDER BY count DESC, type
  RETURN collect({type: type, count: count, out: out, in: in}) AS byType
}
CALL (centre, degree) {
  WITH centre WHERE degree <= $hubDegree
  MATCH (centre)--(m:Entity)
  WITH DISTINCT m
  UNWIND labels(m) AS label
  WITH label, count(*) AS count
  WHERE label <> 'Entity'
  ORDER BY count DESC, label
  RETURN collect({label: label, count: count}) AS byLabel
}
CALL (centre, degree) {
  WITH centre WHERE degree <= $hubDegree
  MATCH (centre)--(m:Entity)
  WITH DISTINCT m
  MATCH (m)-[:ADDRESSES|FOCUSES_ON]->{0,1}(:ThreatType)(()-[:SUBTYPE_OF]->(:ThreatType)){0,}(t:ThreatType)
  WITH t, count(DISTINCT m) AS count
  ORDER BY count DESC, t.name
  RETURN collect({id: t.id, name: t.name, count: count}) AS byThreat
}
RETURN centre, degree, total, byType, byLabel, byThreat
