// How many business nodes exist (0 means the database needs seeding).
// Params: none. Returns: count.
MATCH (n:Entity) RETURN count(n) AS count
