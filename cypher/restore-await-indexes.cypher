// Restore: waits until every index is online (the key index before relationships; the app's after the load).
// Params: $seconds (int). Returns: nothing.
CALL db.awaitIndexes($seconds)
