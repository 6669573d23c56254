// Who cooperates on a threat, the graph's half: the Forums/Agreements that address it, and who takes part in them for
// which parties; the server pairs the parties up (services/cooperation-pairing.ts).
// A party is an actor as seen at $level: `people` every actor as it is; `organisations` a person counts for the
// organisation (or country) it holds office in; `countries` every actor counts for the top of its office and
// part-of chain: a country, or an organisation part of nothing (an international body). A person holding no
// office counts for nobody above `people`.
// Every forum/agreement of n participants gives about n² pair rows and n roll-ups, so the pairing has a budget: the
// smallest pair up first (a small forum says most about who works with whom), and a forum joins only while its
// participants are at most $maxParticipants, the pair rows so far (n(n-1) each) stay within $pairBudget and the
// participants so far within $participantBudget (each is a roll-up up the office and part-of chain: at scale the
// cost that counts). The others are `left` out, largest first, with their size. At 1M nodes the broadest threat has
// 34,000 forums and 12M pair rows. Nodes are compared as nodes and sent as element ids, never by reading their ids:
// at scale the property reads cost more than the rest.
// Params: $threatIds (list), $actor (id|null: members counting for it, or for anyone part of it, are `hit`), $level
//   ('countries' | 'organisations' | 'people'), $maxParticipants (int), $pairBudget (int), $participantBudget (int),
//   $leftLimit (int: how many left-out forums are listed).
// Returns: rows of kind, value, in this order: one 'left' {left: [{via, participants}] (largest first, at most
//   $leftLimit), leftTotal (int)}; a 'forum' per forum paired up (element id, smallest first: its place in that
//   order is its index); a 'member' per participant {m, at, ups, parties, claims, hit} (element ids: `at` the places
//   of its forums, `ups` what it is part of, `parties` whom it counts for, `claims` its disputed claims to an office
//   [{o, title, src}]); a 'name' per party [party element id, name].
MATCH (v)-[:ADDRESSES]->(t:ThreatType)
WHERE t.id IN $threatIds AND (v:Forum OR v:Agreement)
WITH DISTINCT v
WITH v, COUNT { (v)<-[:PARTICIPATED_IN|MEMBER_OF|PARTY_TO|LEADS]-() } AS participants
ORDER BY participants, v.id
WITH collect({via: v, participants: participants}) AS vias
WITH vias, reduce(s = {rows: 0, seen: 0, n: 0, open: true}, x IN vias |
  CASE WHEN s.open AND x.participants <= $maxParticipants
            AND s.rows + x.participants * (x.participants - 1) <= $pairBudget
            AND s.seen + x.participants <= $participantBudget
       THEN {rows: s.rows + x.participants * (x.participants - 1), seen: s.seen + x.participants, n: s.n + 1, open: true}
       ELSE {rows: s.rows, seen: s.seen, n: s.n, open: false} END) AS fit
WITH [x IN vias[..fit.n] | x.via] AS narrow, reverse(vias[fit.n..]) AS left
CALL (narrow) {
  OPTIONAL MATCH (actor:Entity {id: $actor})
  // Forums by their place in `narrow` (smallest first).
  UNWIND range(0, size(narrow) - 1) AS i
  WITH actor, i, narrow[i] AS v
  MATCH (m:Actor)-[:PARTICIPATED_IN|MEMBER_OF|PARTY_TO|LEADS]->(v)
  WITH actor, m, collect(i) AS at
  // Each participant once: what it is part of (ups) and the parties it counts for.
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
  WITH actor, m, at, ups, parties
  WHERE size(parties) > 0
  // Its disputed claims to an office, to tell rival claims apart (a list, not a subquery: quicker to plan).
  WITH m, at, ups, parties, actor IS NULL OR m = actor OR actor IN ups AS hit,
       [(m)-[r:HOLDS_OFFICE]->(o:Actor) WHERE r.disputed = true |
         {o: elementId(o), title: r.title, src: coalesce(r.sourceIds, [])}] AS claims
  WITH collect({m: elementId(m), at: at, ups: [u IN ups | elementId(u)], parties: [p IN parties | elementId(p)],
                claims: claims, hit: hit}) AS members,
       collect(parties) AS partyLists
  CALL (partyLists) {
    UNWIND partyLists AS ps
    UNWIND ps AS p
    WITH DISTINCT p
    RETURN collect([elementId(p), p.name]) AS names
  }
  RETURN members, names
}
// One row per item, not one record of lists: on the 100k-node graph that record was 1.6 MB, many Bolt chunks, and
// the JavaScript driver decodes a record of several chunks string by string through its slow path (CombinedBuffer).
UNWIND [['left', {left: left[..$leftLimit], leftTotal: size(left)}]]
  + [v IN narrow | ['forum', elementId(v)]]
  + [m IN members | ['member', m]]
  + [n IN names | ['name', n]] AS row
RETURN row[0] AS kind, row[1] AS value
