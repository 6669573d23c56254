// Who cooperates on a threat: pairs of parties who both take part in a Forum or Agreement that addresses it.
// A party is an actor as seen at $level: `people` every actor as it is; `organisations` a person counts for the
// organisation (or country) it holds office in; `countries` every actor counts for the top of its office and
// part-of chain: a country, or an organisation part of nothing (an international body). A person holding no
// office counts for nobody above `people`. Two parties pair through a forum when two different members take part
// in it, neither of them rival claims to one office (both disputed holders of it in one source) and neither part of
// the other's party (a ministry does not cooperate with its own country).
// Every forum/agreement of n participants gives about n² pair rows, so the pairing has a budget: the smallest pair
// up first (a small forum says most about who works with whom), and a forum joins only while its participants
// are at most $maxParticipants and the rows so far stay within $pairBudget. The others are `left` out, largest
// first, with their size. At 1M nodes the broadest threat has 34,000 forums and 12M pair rows: without the budget
// the query ran into the time limit. The pairs sharing most forums/agreements come first; at most $pairLimit.
// Params: $threatIds (list), $actor (id|null: pairs in which it, or anyone part of it, takes part), $level ('countries' |
//   'organisations' | 'people'), $minWeight (int: forums/agreements a pair shares at least), $maxParticipants (int),
//   $pairBudget (int), $pairLimit (int), $leftLimit (int: how many left-out forums are listed), $viasShown (int:
//   forums listed per pair).
// Returns: one row: pairs: [{a, b, weight, vias}] (weight: forums/agreements shared; vias: the first $viasShown of
//   them, the smallest first; cooperation-members.cypher finds who took part in them for a and b); total (int, pairs
//   before the limit); paired (int, forums paired up); left: [{via, participants}] (largest first, at most
//   $leftLimit); leftTotal (int).
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
  OPTIONAL MATCH (actor:Entity {id: $actor})
  // Forums by their place in `narrow` (smallest first).
  UNWIND range(0, size(narrow) - 1) AS i
  WITH actor, i, narrow[i] AS v
  MATCH (m:Actor)-[:PARTICIPATED_IN|MEMBER_OF|PARTY_TO|LEADS]->(v)
  WITH actor, m, collect(i) AS at
  // Each participant once: what it is part of (ups) and the parties it counts for. Nodes are
  // compared as nodes, never by reading their ids: at scale the property reads cost more than the rest.
  CALL (m) {
    MATCH up = (m)-[:HOLDS_OFFICE|PART_OF*0..4]->(u:Actor)
    WITH u, length(up) AS hops, nodes(up)[..-1] AS below
    WITH collect({u: u, hops: hops}) AS ends, reduce(acc = [], b IN collect(below) | acc + b) AS inner
    RETURN [e IN ends WHERE e.hops > 0 | e.u] AS ups,
           [e IN ends WHERE CASE $level
               WHEN 'people' THEN e.hops = 0
               WHEN 'organisations' THEN e.hops = CASE WHEN m:Person THEN 1 ELSE 0 END
               ELSE NOT e.u IN inner AND (e.u:Country OR e.u:Organization)
             END | e.u] AS parties
  }
  // Its disputed claims to an office, to tell rival claims apart below (a list, not a subquery: quicker to plan).
  WITH actor, m, at, ups, parties,
       [(m)-[r:HOLDS_OFFICE]->(o:Actor) WHERE r.disputed = true | {o: o, title: r.title, src: coalesce(r.sourceIds, [])}]
         AS claims
  WHERE size(parties) > 0
  // Per forum (smallest first), each party with the members taking part for it.
  UNWIND at AS i
  UNWIND parties AS p
  WITH actor, i, p, collect({m: m, ups: ups, claims: claims}) AS ms
  WITH actor, i, collect({p: p, key: elementId(p), ms: ms}) AS ps
  ORDER BY i
  WITH actor, collect({i: i, ps: ps}) AS byPlace
  // The pairs of parties, each once; a pair keeps the places in byPlace of the forums it shares, in order.
  CALL (actor, byPlace) {
    UNWIND range(0, size(byPlace) - 1) AS k
    WITH k, byPlace[k].ps AS ps
    UNWIND ps AS pa
    UNWIND ps AS pb
    WITH k, pa, pb
    WHERE pa.key < pb.key
      AND any(x IN pa.ms WHERE any(y IN pb.ms WHERE x.m <> y.m
          AND none(c IN x.claims WHERE any(d IN y.claims WHERE c.o = d.o
              AND (c.title IS NULL OR d.title IS NULL OR c.title = d.title) AND any(z IN c.src WHERE z IN d.src)))
          AND NOT pb.p IN x.ups AND NOT pa.p IN y.ups
          AND (actor IS NULL OR actor IN [x.m, y.m] + x.ups + y.ups)))
    WITH pa.p AS a, pb.p AS b, collect(k) AS places
    WHERE size(places) >= $minWeight
    WITH a, b, places ORDER BY size(places) DESC, a.name, b.name
    RETURN collect({a: a, b: b, places: places}) AS ranked
  }
  RETURN ranked, byPlace
}
RETURN [p IN ranked[..$pairLimit] |
         {a: p.a, b: p.b, weight: size(p.places), vias: [k IN p.places[..$viasShown] | narrow[byPlace[k].i]]}] AS pairs,
       size(ranked) AS total, size(narrow) AS paired, left[..$leftLimit] AS left, size(left) AS leftTotal
