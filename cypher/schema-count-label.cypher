// Template (store/spliced.ts): live nodes with one model label, from the count store (a soft-deleted node keeps only
// :Deleted, so it is not counted). The server splices each model label in and joins the copies with UNION ALL.
// Params: none; spliced: {{label}} (a model label). Returns: label, count.
RETURN '{{label}}' AS label, COUNT { (:{{label}}) } AS count
