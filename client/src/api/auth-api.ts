// Client for accounts: who am I, log in and out, and (admins) manage users.
import type {
  LoginRequest,
  LoginResponse,
  MeResponse,
  Role,
  UserListResponse,
  UserRecord,
  UserUpdateRequest,
} from '../../../contract';
import { callEndpoint } from './endpoint';

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
  return {
    me: () => callEndpoint(base, 'GET /auth/me', {}),
    login: (body) => callEndpoint(base, 'POST /auth/login', { body }),
    logout: () => callEndpoint(base, 'POST /auth/logout', {}),
    users: () => callEndpoint(base, 'GET /users', {}),
    createUser: (username, password, role) =>
      callEndpoint(base, 'POST /users', { body: { username, password, role } }),
    updateUser: (username, change) =>
      callEndpoint(base, 'PATCH /users/:username', { params: { username }, body: change }),
    deleteUser: (username) => callEndpoint(base, 'DELETE /users/:username', { params: { username } }),
  };
}
