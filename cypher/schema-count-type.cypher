// Template (store/spliced.ts): relationships of one model type, from the count store (those touching a soft-deleted
// node included: schema-deleted-links.cypher counts those). The server splices each model type in and joins the
// copies with UNION ALL.
// Params: none; spliced: {{type}} (a model relationship type). Returns: type, count.
RETURN '{{type}}' AS type, COUNT { ()-[:{{type}}]->() } AS count
