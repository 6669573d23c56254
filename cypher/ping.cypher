// Cheapest round trip, for health checks.
// Params: none. Returns: ok.
RETURN 1 AS ok
