// Actor pairs who cooperate on a threat: both take part in a Forum or Agreement that addresses it.
// Every forum/agreement of n participants gives about n² pair rows, so the pairing has a budget: the smallest pair
// up first (a small forum says most about who works with whom), and a forum joins only while its participants
// are at most $maxParticipants and the rows so far stay within $pairBudget. The others are `left` out, largest
// first, with their size. At 1M nodes the broadest threat has 34,000 forums and 12M pair rows: without the budget
// the query ran into the time limit. The pairs sharing most forums/agreements come first; at most $pairLimit.
// Params: $threatIds (list), $actor (id|null), $maxParticipants (int), $pairBudget (int), $pairLimit (int),
//   $leftLimit (int: how many left-out forums are listed).
// Returns: one row: pairs: [{a, b, links: [{via, ra, rb}]}], total (int, pairs before the limit), paired (int, forums
//   paired up), left: [{via, participants}] (largest first, at most $leftLimit), leftTotal (int).
MATCH (v)-[:ADDRESSES]->(t:ThreatType)
WHERE t.id IN $threatIds AND (v:Forum OR v:Agreement)
WITH DISTINCT v
WITH v, COUNT { (v)<-[:PARTICIPATED_IN|MEMBER_OF|PARTY_TO|LEADS]-() } AS participants
ORDER BY participants, v.id
WITH collect({via: v, participants: participants}) AS vias
WITH vias, reduce(s = {rows: 0, n: 0, open: true}, x IN vias |
  CASE WHEN s.open AND x.participants <= $maxParticipants
            AND s.rows + x.participants * (x.participants - 1) <= $pairBudget
       THEN {rows: s.rows + x.participants * (x.participants - 1), n: s.n + 1, open: true}
       ELSE {rows: s.rows, n: s.n, open: false} END) AS fit
WITH [x IN vias[..fit.n] | x.via] AS narrow, reverse(vias[fit.n..]) AS left
CALL (narrow) {
  UNWIND narrow AS v
  MATCH (a:Actor)-[ra:PARTICIPATED_IN|MEMBER_OF|PARTY_TO|LEADS]->(v)<-[rb:PARTICIPATED_IN|MEMBER_OF|PARTY_TO|LEADS]-(b:Actor)
  WHERE a.id < b.id AND ($actor IS NULL OR a.id = $actor OR b.id = $actor)
  WITH a, b, collect({via: v, ra: ra, rb: rb}) AS links
  ORDER BY size(links) DESC, a.name, b.name
  RETURN collect({a: a, b: b, links: links}) AS ranked
}
RETURN ranked[..$pairLimit] AS pairs, size(ranked) AS total, size(narrow) AS paired,
       left[..$leftLimit] AS left, size(left) AS leftTotal
