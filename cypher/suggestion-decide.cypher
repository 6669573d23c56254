// Records a decision on a suggestion: its new state, who took it and when, and what it wrote.
// Params: $id, $state, $by, $automatic, $resultId, $changeIds, $note. Returns: count.
MATCH (s:Suggestion {id: $id})
SET s.state = $state,
  s.decidedBy = $by,
  s.decidedAt = datetime(),
  s.automatic = $automatic,
  s.resultId = $resultId,
  s.changeIds = $changeIds,
  s.note = $note
RETURN count(s) AS count
