// `npm run user:add -- --username alice --role admin [--reset]`: create (or reset) an account from the command line.
import { parseArgs } from 'node:util';
import {
  MAX_PASSWORD_CHARS,
  MIN_PASSWORD_CHARS,
  ROLES,
  USERNAME_PATTERN,
  USERNAME_RULE,
  type Role,
} from '../contract/index.js';
import { AuthSecretError, resolveAuthSecret } from '../server/src/auth/auth-secret.js';
import { createPasswordHasher } from '../server/src/auth/password-hasher.js';
import { ConfigError, loadConfig } from '../server/src/config.js';
import { openDatabase } from '../server/src/database.js';
import { PrerequisiteError } from '../server/src/embedded-neo4j.js';
import { createLogger } from '../server/src/logger.js';
import { ensureSchema } from '../server/src/store/schema-setup.js';
import { createUser, findUserForLogin, upsertUser } from '../server/src/store/user-store.js';

const USAGE = `Usage: npm run user:add -- --username <name> [--role viewer|curator|admin] [--reset]

Creates an account (role viewer unless given). The password is asked twice without echo, or read
from SECGRAPH_PASSWORD when set (for scripts). --reset changes the role and password of an existing
account, enables it and ends its sessions. Uses NEO4J_URI when set, else the embedded Neo4j in
NEO4J_DATA_DIR (stop the server first: one Neo4j process per data directory).`;

/** A problem the user can fix; printed as one line without a stack. */
class UserAddError extends Error {}

interface Args {
  username: string;
  role: Role;
  reset: boolean;
}

function readArgs(argv: string[]): Args {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        username: { type: 'string' },
        role: { type: 'string' },
        reset: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (err) {
    throw new UserAddError(`${(err as Error).message}\n\n${USAGE}`);
  }
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    process.exit(0);
  }
  const username = values.username?.trim();
  if (!username) throw new UserAddError(`--username is required.\n\n${USAGE}`);
  if (!USERNAME_PATTERN.test(username)) throw new UserAddError(`--username "${username}": ${USERNAME_RULE}.`);
  const role = (values.role ?? 'viewer') as Role;
  if (!ROLES.includes(role))
    throw new UserAddError(`--role "${values.role}": expected one of ${ROLES.join(', ')}.`);
  return { username, role, reset: !!values.reset };
}

/** Reads one line from the terminal without echoing it. */
function promptHidden(question: string): Promise<string> {
  const { stdin, stdout } = process;
  stdout.write(question);
  stdin.setRawMode(true);
  stdin.resume();
  stdin.setEncoding('utf8');
  return new Promise((resolve, reject) => {
    let value = '';
    const finish = (): void => {
      stdin.off('data', onData);
      stdin.setRawMode(false);
      stdin.pause();
      stdout.write('\n');
    };
    const onData = (chunk: string): void => {
      for (const ch of chunk) {
        if (ch === '\r' || ch === '\n') {
          finish();
          resolve(value);
          return;
        }
        if (ch === '\u0003' || ch === '\u0004') {
          finish();
          reject(new UserAddError('Cancelled; nothing was changed.'));
          return;
        }
        if (ch === '\u007f' || ch === '\b') value = value.slice(0, -1);
        else value += ch;
      }
    };
    stdin.on('data', onData);
  });
}

function checkPassword(password: string): string {
  if (password.length < MIN_PASSWORD_CHARS)
    throw new UserAddError(
      `The password must have at least ${MIN_PASSWORD_CHARS} characters; nothing was changed.`,
    );
  if (password.length > MAX_PASSWORD_CHARS)
    throw new UserAddError(
      `The password may have at most ${MAX_PASSWORD_CHARS} characters; nothing was changed.`,
    );
  return password;
}

/** SECGRAPH_PASSWORD, or asked twice on a terminal. */
async function readPassword(username: string): Promise<string> {
  const fromEnv = process.env.SECGRAPH_PASSWORD;
  if (fromEnv !== undefined && fromEnv !== '') return checkPassword(fromEnv);
  if (!process.stdin.isTTY)
    throw new UserAddError('No terminal to ask for the password: set SECGRAPH_PASSWORD in the environment.');
  const first = checkPassword(
    await promptHidden(`Password for ${username} (at least ${MIN_PASSWORD_CHARS} characters): `),
  );
  if ((await promptHidden('Repeat the password: ')) !== first)
    throw new UserAddError('The passwords differ; nothing was changed.');
  return first;
}

async function main(): Promise<void> {
  const args = readArgs(process.argv.slice(2));
  const config = loadConfig();
  const secret = resolveAuthSecret({ secret: config.auth.secret, file: config.auth.secretFile });
  const password = await readPassword(args.username);
  // Quiet unless asked: the embedded Neo4j's start-up lines are noise here.
  const logger = createLogger(process.env.LOG_LEVEL ?? 'warn');
  let db;
  try {
    db = await openDatabase(config, logger);
  } catch (err) {
    if (err instanceof PrerequisiteError) throw err;
    const hint = config.neo4j.uri
      ? `Is Neo4j running at ${config.neo4j.uri}?`
      : `Is the server (or another Neo4j) already using ${config.embedded.dataDir}? Stop it, or set NEO4J_URI to that server's Bolt address.`;
    throw new UserAddError(`Could not open the database: ${(err as Error).message.split('\n')[0]}\n${hint}`);
  }
  try {
    await ensureSchema(db.store);
    const hash = await createPasswordHasher(secret).hash(password);
    const existing = await findUserForLogin(db.store, args.username);
    if (existing && !args.reset)
      throw new UserAddError(
        `A user named "${existing.username}" already exists; add --reset to change its role and password.`,
      );
    if (args.reset) {
      const { user, created } = await upsertUser(db.store, {
        username: existing?.username ?? args.username,
        role: args.role,
        passwordHash: hash,
      });
      process.stdout.write(
        created
          ? `Created ${user.role} ${user.username}.\n`
          : `Reset ${user.username}: role ${user.role}, new password, enabled; their sessions were ended.\n`,
      );
    } else {
      const user = await createUser(db.store, {
        username: args.username,
        role: args.role,
        passwordHash: hash,
      });
      process.stdout.write(`Created ${user.role} ${user.username}.\n`);
    }
  } finally {
    await db.close();
  }
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    const known =
      err instanceof UserAddError ||
      err instanceof ConfigError ||
      err instanceof PrerequisiteError ||
      err instanceof AuthSecretError ||
      (err as { code?: string })?.code === 'CONFLICT';
    process.stderr.write(
      `${known ? '' : 'user:add failed: '}${err instanceof Error ? (known ? err.message : err.stack) : String(err)}\n`,
    );
    process.exit(1);
  },
);
