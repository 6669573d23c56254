// Actor pairs who cooperate on a threat: both take part in a Forum or Agreement that addresses it.
// Params: $threatIds (list), $actor (id|null). Returns: a, b, links: [{via, ra, rb, addresses}].
MATCH (v)-[ad:ADDRESSES]->(t:ThreatType)
WHERE t.id IN $threatIds AND (v:Forum OR v:Agreement)
WITH v, collect(ad) AS addresses
MATCH (a:Actor)-[ra:PARTICIPATED_IN|MEMBER_OF|PARTY_TO|LEADS]->(v)<-[rb:PARTICIPATED_IN|MEMBER_OF|PARTY_TO|LEADS]-(b:Actor)
WHERE a.id < b.id AND ($actor IS NULL OR a.id = $actor OR b.id = $actor)
WITH a, b, collect({via: v, ra: ra, rb: rb, addresses: addresses}) AS links
RETURN a, b, links
ORDER BY size(links) DESC, a.name, b.name
