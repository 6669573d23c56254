// Accounts: login, logout, who am I, and (admins) user management.
import { z } from 'zod';
import { MAX_PASSWORD_CHARS, MIN_PASSWORD_CHARS, ROLES, USERNAME_PATTERN, USERNAME_RULE } from './limits.js';

export const roleSchema = z.enum(ROLES, { message: `expected one of ${ROLES.join(', ')}` });

/** A username as accounts are created with (also the `:username` of /users/:username). */
export const usernameSchema = z
  .string({ message: 'expected a username' })
  .trim()
  .regex(USERNAME_PATTERN, USERNAME_RULE);
const passwordSchema = z
  .string({ message: 'expected a password' })
  .min(MIN_PASSWORD_CHARS, `expected a password of at least ${MIN_PASSWORD_CHARS} characters`)
  .max(MAX_PASSWORD_CHARS, `expected a password of at most ${MAX_PASSWORD_CHARS} characters`);

export const usernameParams = z.object({ username: usernameSchema }).strict();

/** A logged-in user as the API shows it (never a password or its hash). */
export const authUserSchema = z.strictObject({ username: z.string(), role: roleSchema });
export type AuthUser = z.infer<typeof authUserSchema>;

/** `POST /api/auth/login`. `token: true` asks for a bearer token for scripts instead of a session cookie. */
export const loginBody = z
  .object(
    {
      username: z
        .string({ message: 'expected a username' })
        .trim()
        .min(1, 'expected a username')
        .max(64, 'expected at most 64 characters'),
      // Not held to MIN_PASSWORD_CHARS: a wrong password gets the same answer whatever its length.
      password: z
        .string({ message: 'expected a password' })
        .min(1, 'expected a password')
        .max(MAX_PASSWORD_CHARS, `expected at most ${MAX_PASSWORD_CHARS} characters`),
      token: z.boolean({ message: 'expected true or false' }).optional(),
    },
    { message: 'expected a JSON object with `username` and `password`' },
  )
  .strict();
export type LoginRequest = z.infer<typeof loginBody>;

/** A successful login: the user and the CSRF token (send it as `X-CSRF-Token` on every write); `token` only when asked. */
export const loginResponse = z.strictObject({
  user: authUserSchema,
  csrfToken: z.string().nullable(),
  token: z.string().optional(),
});
export type LoginResponse = z.infer<typeof loginResponse>;

/** `GET /api/auth/me`: who is logged in (null when anonymous), the CSRF token to send, and whether reads need a login. */
export const meResponse = z.strictObject({
  user: authUserSchema.nullable(),
  csrfToken: z.string().nullable(),
  authRequired: z.boolean(),
});
export type MeResponse = z.infer<typeof meResponse>;

/** A user account as admins see it. */
export const userRecordSchema = z.strictObject({
  username: z.string(),
  role: roleSchema,
  createdAt: z.string(),
  disabled: z.boolean(),
});
export type UserRecord = z.infer<typeof userRecordSchema>;

export const userListResponse = z.strictObject({ users: z.array(userRecordSchema) });
export type UserListResponse = z.infer<typeof userListResponse>;

/** `POST /api/users` (admin). */
export const userCreateBody = z
  .object(
    { username: usernameSchema, password: passwordSchema, role: roleSchema },
    { message: 'expected a JSON object with `username`, `password` and `role`' },
  )
  .strict();
export type UserCreateRequest = z.infer<typeof userCreateBody>;

/** `PATCH /api/users/:username` (admin): any of these. */
export const userUpdateBody = z
  .object(
    {
      role: roleSchema.optional(),
      password: passwordSchema.optional(),
      disabled: z.boolean({ message: 'expected true or false' }).optional(),
    },
    { message: 'expected a JSON object with `role`, `password` and/or `disabled`' },
  )
  .strict()
  .refine(
    (b) => b.role !== undefined || b.password !== undefined || b.disabled !== undefined,
    'expected at least one of `role`, `password`, `disabled`',
  );
export type UserUpdateRequest = z.infer<typeof userUpdateBody>;
