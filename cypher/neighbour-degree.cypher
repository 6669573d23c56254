// Template (store/spliced.ts): a node's relationships per model type and direction, from its degree store (no
// relationship is read). The server repeats the line holding {{type}} once per model type.
// Params: $id; spliced: {{type}}. Returns: degrees [{type, out, in}] (relationships). No row when the node does not
//   exist.
MATCH (centre:Entity {id: $id})
RETURN [
  {type: '{{type}}', out: COUNT { (centre)-[:{{type}}]->() }, in: COUNT { (centre)<-[:{{type}}]-() }}
] AS degrees
