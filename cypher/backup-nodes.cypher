// Backup: every node but those of the excluded labels, streamed, with its labels and all stored properties.
// Params: $excluded (labels left out). Returns: k (elementId, the key relationships refer to), labels, props.
MATCH (n)
WHERE none(label IN labels(n) WHERE label IN $excluded)
RETURN elementId(n) AS k, labels(n) AS labels, properties(n) AS props
