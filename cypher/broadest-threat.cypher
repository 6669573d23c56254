// The threat whose own and sub-threats' forums and agreements are the most (the benchmark's broadest cooperation).
// Params: none. Returns: threat (id; no row when the graph has no threat addressed by a forum or agreement).
MATCH (t:ThreatType)
MATCH (v)-[:ADDRESSES]->(:ThreatType)(()-[:SUBTYPE_OF]->(:ThreatType)){0,}(t)
WHERE v:Forum OR v:Agreement
WITH t, count(DISTINCT v) AS vias ORDER BY vias DESC, t.id LIMIT 1
RETURN t.id AS threat
