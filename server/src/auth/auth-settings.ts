// Settings of the account system that createApp needs: the hasher (with the pepper), session length, login limits.
import { randomBytes } from 'node:crypto';
import { createPasswordHasher, type PasswordHasher } from './password-hasher.js';

/** Failed logins allowed per window, per client IP and per username, before 429 RATE_LIMITED. */
export interface LoginLimits {
  windowMs: number;
  perIp: number;
  perUsername: number;
}

export interface AuthSettings {
  hasher: PasswordHasher;
  /** How long a session (cookie or bearer token) lives. */
  sessionTtlHours: number;
  /** When true, every /api route but /api/health and /api/auth/* answers 401 to anonymous requests. */
  authRequired: boolean;
  /** Whether anonymous visitors may save and open workspaces (ANONYMOUS_WORKSPACES; default: not with AUTH_REQUIRED). */
  anonymousWorkspaces: boolean;
  loginLimits: LoginLimits;
}

/** 10 wrong passwords per username per 15 minutes stops guessing; 30 per IP still lets an office share a NAT. */
export const LOGIN_LIMIT_DEFAULTS: LoginLimits = { windowMs: 15 * 60_000, perIp: 30, perUsername: 10 };
export const SESSION_TTL_DEFAULT_HOURS = 12;

/** Fills in defaults; without a secret one is made up for this process (its hashes die with it: tests only). */
export function authSettings(
  opts: {
    secret?: Buffer;
    sessionTtlHours?: number;
    authRequired?: boolean;
    anonymousWorkspaces?: boolean;
    loginLimits?: Partial<LoginLimits>;
  } = {},
): AuthSettings {
  return {
    hasher: createPasswordHasher(opts.secret ?? randomBytes(48)),
    sessionTtlHours: opts.sessionTtlHours ?? SESSION_TTL_DEFAULT_HOURS,
    authRequired: opts.authRequired ?? false,
    anonymousWorkspaces: opts.anonymousWorkspaces ?? !(opts.authRequired ?? false),
    loginLimits: { ...LOGIN_LIMIT_DEFAULTS, ...opts.loginLimits },
  };
}
