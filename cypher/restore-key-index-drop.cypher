// Restore: drops the temporary key index once every relationship is in.
// Params: none. Returns: nothing.
DROP INDEX restore_key IF EXISTS
