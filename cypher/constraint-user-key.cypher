// Usernames are unique ignoring case: usernameKey is the lower-cased username, so two creations cannot race to one name.
// Params: none. Returns: nothing.
CREATE CONSTRAINT user_username_key IF NOT EXISTS FOR (u:User) REQUIRE u.usernameKey IS UNIQUE
