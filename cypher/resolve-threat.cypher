// Finds a threat by id, name or alias (case-insensitive), with the ids of it and all its sub-threats.
// Params: $threat (string). Returns: threat (node), threatIds (list).
MATCH (t:ThreatType)
WHERE t.id = $threat OR toLower(t.name) = toLower($threat)
   OR any(a IN coalesce(t.aliases, []) WHERE toLower(a) = toLower($threat))
WITH t ORDER BY CASE WHEN t.id = $threat THEN 0 ELSE 1 END LIMIT 1
RETURN t AS threat, COLLECT { MATCH (s:ThreatType)(()-[:SUBTYPE_OF]->(:ThreatType)){0,}(t) RETURN DISTINCT s.id } AS threatIds
