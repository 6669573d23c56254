// Template (store/spliced.ts): relationships of one model type, from the count store: all of them, those leaving a
// soft-deleted node and those entering one. Live = total - fromDeleted - toDeleted + (both ends deleted: see
// schema-deleted-between.cypher). The server splices each model type in and joins the copies with UNION ALL.
// Params: none; spliced: {{type}} (a model relationship type). Returns: type, total, fromDeleted, toDeleted.
RETURN '{{type}}' AS type, COUNT { ()-[:{{type}}]->() } AS total,
  COUNT { (:Deleted)-[:{{type}}]->() } AS fromDeleted, COUNT { ()-[:{{type}}]->(:Deleted) } AS toDeleted
