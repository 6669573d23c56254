// Configuration: defaults -> resolved from the environment -> validated once at start-up.
import { z } from 'zod';
import { availableParallelism } from 'node:os';

const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  NEO4J_URI: z
    .string()
    .regex(/^(bolt|neo4j)(\+s|\+ssc)?:\/\/.+/, 'expected bolt://, neo4j://, neo4j+s:// or bolt+s:// URI')
    .optional(),
  NEO4J_USERNAME: z.string().default('neo4j'),
  NEO4J_PASSWORD: z.string().default(''),
  NEO4J_DATABASE: z.string().min(1).optional(),
  NEO4J_PORT: z.coerce.number().int().min(1).max(65535).optional(),
  NEO4J_DATA_DIR: z.string().min(1).default('.data/neo4j'),
  NEO4J_HEAP: z
    .string()
    .regex(/^\d+[mMgG]$/, 'expected a JVM size such as 512m')
    .default('512m'),
  NEO4J_PAGECACHE_MB: z.coerce.number().int().min(16).default(512),
  QUERY_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(5000),
  DB_MAX_CONCURRENT_QUERIES: z.coerce
    .number()
    .int()
    .min(1)
    .max(1000)
    .default(Math.max(4, 2 * availableParallelism())),
  DB_QUEUE_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(30_000),
  CONSOLE_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(5000),
  CONSOLE_ROW_CAP: z.coerce.number().int().min(1).max(100_000).default(1000),
  EXPORT_MAX_NODES: z.coerce.number().int().min(1).max(10_000_000).default(50_000),
  AUTO_SEED: z.enum(['true', 'false']).default('true'),
  AUTH_REQUIRED: z.enum(['true', 'false']).default('false'),
  // No default here: unset means "as AUTH_REQUIRED implies" (off when it is true), resolved below.
  ANONYMOUS_WORKSPACES: z.enum(['true', 'false']).optional(),
  AUTH_SECRET: z
    .string()
    .min(32, 'expected at least 32 characters (e.g. `openssl rand -base64 48`)')
    .optional(),
  AUTH_SECRET_FILE: z.string().min(1).default('.data/auth-secret'),
  SESSION_TTL_HOURS: z.coerce
    .number()
    .min(0.01)
    .max(24 * 365)
    .default(12),
  RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(0).max(10_000_000).default(60_000),
  RATE_LIMIT_USER_PER_MINUTE: z.coerce.number().int().min(0).max(10_000_000).default(12_000),
  TRUST_PROXY: z
    .string()
    .regex(
      /^(true|false|\d{1,2}|loopback|[\w.:/, -]+)$/,
      'expected true, false, a hop count or a list of proxy addresses',
    )
    .default('false'),
});

/** Resolved, validated settings of one server process. */
export interface Config {
  port: number;
  host: string;
  logLevel: z.infer<typeof envSchema>['LOG_LEVEL'];
  /** Set when the user points the app at their own Neo4j; unset means start the embedded one. */
  neo4j: { uri?: string; username: string; password: string; database?: string };
  embedded: { port?: number; dataDir: string; heap: string; pageCacheMb: number };
  queryTimeoutMs: number;
  /** Transactions in Neo4j at once per lane, and how long one may wait for its turn (see store/transaction.ts). */
  admission: { maxConcurrent: number; maxWaitMs: number };
  /** The Cypher console's time limit and row cap. */
  console: { timeoutMs: number; rowCap: number };
  /** Most nodes one export may hold (413 above it). */
  export: { maxNodes: number };
  /** Load the seed graph when the database has no business nodes. */
  autoSeed: boolean;
  /**
   * Accounts: whether reads need a login, whether anonymous visitors may save and open workspaces,
   * the pepper's source, and how long a session lasts.
   */
  auth: {
    required: boolean;
    anonymousWorkspaces: boolean;
    secret?: string;
    secretFile: string;
    sessionTtlHours: number;
  };
  /** Express `trust proxy`: set it behind an https proxy so `req.secure` and client IPs are right. */
  trustProxy: boolean | number | string;
  /** API requests per minute per client IP and per logged-in user (0 turns one off). */
  rateLimits: { perIp: number; perUser: number };
}

export class ConfigError extends Error {
  readonly code = 'CONFIG_INVALID';
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

/** Reads the settings from `env`; throws ConfigError naming the variable and what was expected. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== ''));
  const parsed = envSchema.safeParse(cleaned);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ConfigError(`Config: invalid \`${issue.path.join('.')}\`. ${issue.message}.`);
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    logLevel: e.LOG_LEVEL,
    neo4j: {
      uri: e.NEO4J_URI,
      username: e.NEO4J_USERNAME,
      password: env.NEO4J_PASSWORD ?? '',
      database: e.NEO4J_DATABASE,
    },
    embedded: {
      port: e.NEO4J_PORT,
      dataDir: e.NEO4J_DATA_DIR,
      heap: e.NEO4J_HEAP,
      pageCacheMb: e.NEO4J_PAGECACHE_MB,
    },
    queryTimeoutMs: e.QUERY_TIMEOUT_MS,
    admission: { maxConcurrent: e.DB_MAX_CONCURRENT_QUERIES, maxWaitMs: e.DB_QUEUE_TIMEOUT_MS },
    console: { timeoutMs: e.CONSOLE_TIMEOUT_MS, rowCap: e.CONSOLE_ROW_CAP },
    export: { maxNodes: e.EXPORT_MAX_NODES },
    autoSeed: e.AUTO_SEED === 'true',
    auth: {
      required: e.AUTH_REQUIRED === 'true',
      anonymousWorkspaces:
        (e.ANONYMOUS_WORKSPACES ?? (e.AUTH_REQUIRED === 'true' ? 'false' : 'true')) === 'true',
      secret: e.AUTH_SECRET,
      secretFile: e.AUTH_SECRET_FILE,
      sessionTtlHours: e.SESSION_TTL_HOURS,
    },
    trustProxy: trustProxySetting(e.TRUST_PROXY),
    rateLimits: { perIp: e.RATE_LIMIT_PER_MINUTE, perUser: e.RATE_LIMIT_USER_PER_MINUTE },
  };
}

/** `TRUST_PROXY` as Express reads it: a boolean, a hop count, or a list of addresses/subnets. */
function trustProxySetting(raw: string): boolean | number | string {
  if (raw === 'true') return true;
  if (raw === 'false') return false;
  return /^\d+$/.test(raw) ? Number(raw) : raw;
}
