// Every business node carries the Entity label and a unique business key `id`.
// Params: none. Returns: nothing.
CREATE CONSTRAINT entity_id IF NOT EXISTS FOR (n:Entity) REQUIRE n.id IS UNIQUE
