// What makes a valid username and password; shared by the API and `npm run user:add`.

/** 1 to 64 letters, digits, ".", "_", "@" or "-", starting with a letter or digit (fits e-mail-like names). */
export const USERNAME_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._@-]{0,63}$/;
export const USERNAME_RULE =
  'expected 1 to 64 letters, digits, ".", "_", "@" or "-", starting with a letter or digit';

/** Passwords shorter than this are refused on creation and reset (length beats complexity rules). */
export const MIN_PASSWORD_CHARS = 10;
/** argon2 takes any length; a megabyte of "password" is an attack on the hasher's time. */
export const MAX_PASSWORD_CHARS = 1024;
