// Client for accounts: who am I, log in and out, and (admins) manage users.
import type {
  LoginRequest,
  LoginResponse,
  MeResponse,
  Role,
  UserListResponse,
  UserRecord,
  UserUpdateRequest,
} from '../../../server/src/api-types';
import { sendJson } from './send-json';

export interface AuthApi {
  me(): Promise<MeResponse>;
  /** 401 UNAUTHORIZED "Invalid username or password.", 429 RATE_LIMITED, 403 for a disabled account. */
  login(req: LoginRequest): Promise<LoginResponse>;
  logout(): Promise<void>;
  users(): Promise<UserListResponse>;
  /** 409 CONFLICT (field `username`) when the name is taken; 400 for a password under 10 characters. */
  createUser(username: string, password: string, role: Role): Promise<UserRecord>;
  /** 409 CONFLICT when it would leave no enabled admin. */
  updateUser(username: string, change: UserUpdateRequest): Promise<UserRecord>;
  deleteUser(username: string): Promise<void>;
}

/** Creates the accounts client for the API at `base` (default `/api`). */
export function createAuthApi(base = '/api'): AuthApi {
  const user = (name: string): string => `${base}/users/${encodeURIComponent(name)}`;
  return {
    me: () => sendJson<MeResponse>('GET', `${base}/auth/me`),
    login: (req) => sendJson<LoginResponse>('POST', `${base}/auth/login`, req),
    logout: () => sendJson<void>('POST', `${base}/auth/logout`),
    users: () => sendJson<UserListResponse>('GET', `${base}/users`),
    createUser: (username, password, role) =>
      sendJson<UserRecord>('POST', `${base}/users`, { username, password, role }),
    updateUser: (username, change) => sendJson<UserRecord>('PATCH', user(username), change),
    deleteUser: (username) => sendJson<void>('DELETE', user(username)),
  };
}
