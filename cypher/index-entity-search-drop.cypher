// Drops the full-text index entity_search so that index-entity-search creates it anew (see index-entity-search-labels).
// Params: none. Returns: nothing.
DROP INDEX entity_search IF EXISTS
