import path from 'node:path';
import { z } from 'zod';

const logLevels = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/** A URL with one of `protocols`, checked without echoing it (it may hold a password). */
const urlOf = (protocols: string[], example: string) =>
  z
    .string()
    .trim()
    .refine(
      (value) => {
        try {
          const url = new URL(value);
          return protocols.includes(url.protocol) && url.hostname !== '';
        } catch {
          return false;
        }
      },
      { message: `must be a URL like ${example}` },
    );

const postgresUrl = urlOf(
  ['postgres:', 'postgresql:'],
  'postgres://user:password@host:5432/database',
);
const redisUrl = urlOf(['redis:', 'rediss:'], 'redis://127.0.0.1:6379');
const smtpUrl = urlOf(['smtp:', 'smtps:'], 'smtp://user:password@host:587');
const publicUrl = urlOf(['http:', 'https:'], 'https://kabinet.example.ru');

/** `address@host` or `Name <address@host>`. */
const mailbox = z
  .string()
  .trim()
  .regex(/^(?:[^<>@]*<[^\s<>@]+@[^\s<>@]+>|[^\s<>@]+@[^\s<>@]+)$/, {
    message: 'must be an address like noreply@example.ru or Name <noreply@example.ru>',
  });

const flag = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((value) => value === 'true' || value === '1' || value === 'yes');

/** Every environment variable Kabinet reads; `.env.example` documents the same keys. */
export const envSchema = z
  .object({
    /** HTTP and WebSocket port. */
    PORT: z.coerce.number().int().min(0).max(65535).default(4000),
    /** Interface to listen on. */
    HOST: z.string().trim().min(1).default('0.0.0.0'),
    /** A real PostgreSQL; without it the embedded PGlite database under DATA_DIR is used. */
    DATABASE_URL: postgresUrl.optional(),
    /** Connections in the PostgreSQL pool (the embedded database always uses one). */
    DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(100).default(8),
    /** A pooled connection unused this long is closed (the embedded database's too). */
    DATABASE_IDLE_TIMEOUT_MS: z.coerce.number().int().min(100).max(3_600_000).default(30_000),
    /**
     * A request waits at most this long for a free connection, then fails with SERVICE_UNAVAILABLE
     * (a retry hint) instead of hanging.
     */
    DATABASE_ACQUIRE_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(5_000),
    /** Where the embedded database keeps its files. */
    DATA_DIR: z.string().trim().min(1).default('./data'),
    /** Where uploaded files are kept (DiskFileStorage); default `<DATA_DIR>/files`. */
    FILES_DIR: z.string().trim().min(1).optional(),
    /** The largest upload accepted, in bytes (the GraphQL `size` is an Int: at most 1 GiB). */
    UPLOAD_MAX_BYTES: z.coerce
      .number()
      .int()
      .min(1)
      .max(1024 ** 3)
      .default(10 * 1024 ** 2),
    /** The largest batch POST /integration/import reads, in MiB; the command line has no limit. */
    IMPORT_MAX_MB: z.coerce.number().int().min(1).max(100_000).default(1024),
    /**
     * Worker threads that parse and check a large import (past 20,000 records) besides the main
     * thread; 0 reads every batch on the main thread.
     */
    IMPORT_WORKERS: z.coerce.number().int().min(0).max(16).default(2),
    /** Redis for pub/sub shared by several server processes; without it pub/sub stays in-process. */
    REDIS_URL: redisUrl.optional(),
    /** pino log level. */
    LOG_LEVEL: z.enum(logLevels).default('info'),
    /**
     * Seed the demo institution (and its demo accounts) into an empty database: auto = only on the
     * embedded database outside production; a production start seeds only when this is `true`.
     */
    SEED_DEMO: z.enum(['auto', 'true', 'false']).default('auto'),
    /** Apply pending migrations at start. */
    MIGRATE_ON_START: flag.default(true),
    /** Allow schema introspection (GraphiQL and codegen need it); off by default in production. */
    GRAPHQL_INTROSPECTION: flag.optional(),
    /** A session ends after this many minutes without use… */
    SESSION_IDLE_MINUTES: z.coerce
      .number()
      .int()
      .min(1)
      .max(24 * 60)
      .default(30),
    /** …and after this many hours in all. */
    SESSION_MAX_HOURS: z.coerce
      .number()
      .int()
      .min(1)
      .max(24 * 30)
      .default(12),
    /** Mark the session cookie Secure (HTTPS only; browsers accept it on http://localhost too). */
    COOKIE_SECURE: flag.default(true),
    /** Origins allowed to open the WebSocket with the session cookie, comma-separated; the server's own host always is. */
    ALLOWED_ORIGINS: z.string().trim().default(''),
    /**
     * Send Strict-Transport-Security (browsers then use HTTPS only for a year). Defaults to on when
     * PUBLIC_URL is https://, the deployment's word that it is served over TLS.
     */
    HSTS: flag.optional(),
    /** Which proxies to trust for the client address: an Express `trust proxy` value. */
    TRUST_PROXY: z.string().trim().default('loopback'),
    /** Failed sign-ins per login before a lock, and the lock's minutes; per day; per IP an hour. */
    LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).default(5),
    LOGIN_LOCK_MINUTES: z.coerce.number().int().min(1).default(15),
    LOGIN_MAX_FAILURES_PER_DAY: z.coerce.number().int().min(1).default(20),
    LOGIN_MAX_FAILURES_PER_IP: z.coerce.number().int().min(1).default(50),
    /** Access requests (`register`) from one IP address an hour, and with one organization a day. */
    REGISTER_MAX_PER_IP_HOUR: z.coerce.number().int().min(1).default(5),
    REGISTER_MAX_PER_DAY: z.coerce.number().int().min(1).default(100),
    /** Serve GraphiQL at /graphiql; off by default in production. */
    GRAPHIQL: flag.optional(),
    /**
     * Browser sessions run only the portal's own operations, sent by hash (trusted documents); token
     * clients send their own where the organization allows. On by default in production.
     */
    TRUSTED_DOCUMENTS: flag.optional(),
    /** The trusted documents' manifest; defaults to trusted-documents.json in the built web client. */
    TRUSTED_DOCUMENTS_FILE: z.string().trim().min(1).optional(),
    /** Directory with the built web client (portal and GraphiQL). */
    WEB_DIST_DIR: z.string().trim().min(1).optional(),
    /** The portal's address as users open it; links in e-mails start with it. */
    PUBLIC_URL: publicUrl.optional(),
    /** SMTP server for e-mail copies of notifications (smtp:// or smtps://); unset: no e-mail. */
    SMTP_URL: smtpUrl.optional(),
    /** Sender of those e-mails; defaults to noreply at the host of PUBLIC_URL. */
    MAIL_FROM: mailbox.optional(),
    /** Seconds between looks at the e-mail outbox (new mail is also sent as soon as it is queued). */
    MAIL_POLL_SECONDS: z.coerce.number().positive().max(3600).default(2),
    /** Seconds before the first retry of a failed send; doubled for each next one, at most an hour. */
    MAIL_RETRY_SECONDS: z.coerce.number().positive().max(3600).default(60),
    /** Attempts at sending one e-mail before it is marked failed. */
    MAIL_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(50).default(8),
    /** How often overdue tasks are looked for and their queues told, in seconds. */
    TASK_OVERDUE_SWEEP_SECONDS: z.coerce.number().int().min(10).max(86_400).default(300),
    /** Operations (subscriptions mostly) running at once on one WebSocket. */
    WS_MAX_SUBSCRIPTIONS_PER_SOCKET: z.coerce.number().int().min(1).max(10_000).default(25),
    /** Open WebSockets of one account on one server process. */
    WS_MAX_SOCKETS_PER_USER: z.coerce.number().int().min(1).max(10_000).default(10),
    /** Open WebSockets from one client address on one server process, signed in or not. */
    WS_MAX_SOCKETS_PER_ADDRESS: z.coerce.number().int().min(1).max(100_000).default(500),
    /** A socket whose messages have waited unread this long is closed (a slow consumer). */
    WS_SLOW_CONSUMER_SECONDS: z.coerce.number().min(0.5).max(3600).default(30),
    /** …and at once when this many bytes wait for it. */
    WS_MAX_BUFFERED_BYTES: z.coerce
      .number()
      .int()
      .min(64 * 1024)
      .default(4 * 1024 ** 2),
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    /** argon2id cost of password hashes: `test` (a tiny one, for the test suite) needs NODE_ENV=test. */
    PASSWORD_HASHING: z.enum(['standard', 'test']).default('standard'),
  })
  .superRefine((env, ctx) => {
    if (env.PASSWORD_HASHING === 'test' && env.NODE_ENV !== 'test')
      ctx.addIssue({
        code: 'custom',
        path: ['PASSWORD_HASHING'],
        message: 'test is allowed only with NODE_ENV=test',
      });
  });

export type RawEnv = z.infer<typeof envSchema>;

/** Sending notification e-mails; present only when SMTP_URL is set. */
export interface MailConfig {
  smtpUrl: string;
  from: string;
  pollMs: number;
  /** Delay before the first retry; doubled for each next one. */
  retryMs: number;
  maxAttempts: number;
}

/** How long a pooled connection may idle, and how long a request waits for one. */
export interface DatabaseTimeouts {
  idleTimeoutMs: number;
  acquireTimeoutMs: number;
}

export interface AppConfig {
  port: number;
  host: string;
  database: (
    { kind: 'postgres'; url: string; poolMax: number } | { kind: 'embedded'; dataDir: string }
  ) &
    DatabaseTimeouts;
  redisUrl: string | undefined;
  files: { dir: string; uploadMaxBytes: number };
  /** The import from the system of record over HTTP. */
  import: { maxBytes: number; workers: number };
  logLevel: RawEnv['LOG_LEVEL'];
  seedDemo: boolean;
  migrateOnStart: boolean;
  introspection: boolean;
  graphiql: boolean;
  /** Trusted documents: whether they are enforced, and the manifest of the portal's operations. */
  trustedDocuments: { enforce: boolean; file: string };
  webDistDir: string;
  nodeEnv: RawEnv['NODE_ENV'];
  /** The argon2id cost of stored password hashes. */
  passwordCost: RawEnv['PASSWORD_HASHING'];
  /** The portal's base URL, without a trailing slash. */
  publicUrl: string;
  mail: MailConfig | null;
  session: { idleMinutes: number; maxHours: number };
  cookieSecure: boolean;
  /** Send Strict-Transport-Security: the deployment is served over TLS. */
  hsts: boolean;
  allowedOrigins: string[];
  trustProxy: string;
  tasks: { overdueSweepSeconds: number };
  webSocket: WebSocketLimits;
  loginLimits: {
    perLogin: number;
    perLoginLockMinutes: number;
    perLoginDaily: number;
    perIp: number;
  };
  /** Access requests (`register`) per address an hour and per organization a day. */
  registrationLimits: { perIpHour: number; perDay: number };
}

/** What one client may hold on the WebSocket, per server process. */
export interface WebSocketLimits {
  subscriptionsPerSocket: number;
  socketsPerUser: number;
  socketsPerAddress: number;
  slowConsumerMs: number;
  maxBufferedBytes: number;
}

export class ConfigError extends Error {
  constructor(readonly issues: string[]) {
    super(`Invalid configuration:\n${issues.map((issue) => `  - ${issue}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Relative paths are taken from where `npm` was invoked (the repo root for `npm start`), not the workspace. */
const invocationDir = (env: NodeJS.ProcessEnv): string => env['INIT_CWD'] ?? process.cwd();

const defaultWebDist = path.resolve(import.meta.dirname, '../../../client/dist');

/** Parses the environment into the application config; throws a ConfigError listing every bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const relevant = Object.fromEntries(
    Object.keys(envSchema.shape).flatMap((key) => {
      const value = env[key];
      return value === undefined || value === '' ? [] : [[key, value]];
    }),
  );
  const parsed = envSchema.safeParse(relevant);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => {
        const key = issue.path.join('.');
        // URLs can carry passwords: name the variable, never echo its value.
        const shown = key.endsWith('_URL') ? '' : ` (got ${JSON.stringify(relevant[key] ?? null)})`;
        return `${key}: ${issue.message}${shown}`;
      }),
    );
  }
  const raw = parsed.data;
  const embedded = raw.DATABASE_URL === undefined;
  const production = raw.NODE_ENV === 'production';
  const timeouts: DatabaseTimeouts = {
    idleTimeoutMs: raw.DATABASE_IDLE_TIMEOUT_MS,
    acquireTimeoutMs: raw.DATABASE_ACQUIRE_TIMEOUT_MS,
  };
  const webDistDir = path.resolve(raw.WEB_DIST_DIR ?? defaultWebDist);
  const portalUrl = (raw.PUBLIC_URL ?? `http://localhost:${raw.PORT}`).replace(/\/+$/, '');
  return {
    port: raw.PORT,
    host: raw.HOST,
    database: embedded
      ? { kind: 'embedded', dataDir: path.resolve(invocationDir(env), raw.DATA_DIR), ...timeouts }
      : { kind: 'postgres', url: raw.DATABASE_URL!, poolMax: raw.DATABASE_POOL_MAX, ...timeouts },
    redisUrl: raw.REDIS_URL,
    files: {
      dir: path.resolve(invocationDir(env), raw.FILES_DIR ?? path.join(raw.DATA_DIR, 'files')),
      uploadMaxBytes: raw.UPLOAD_MAX_BYTES,
    },
    import: { maxBytes: raw.IMPORT_MAX_MB * 1024 * 1024, workers: raw.IMPORT_WORKERS },
    logLevel: raw.LOG_LEVEL,
    seedDemo: raw.SEED_DEMO === 'auto' ? embedded && !production : raw.SEED_DEMO === 'true',
    migrateOnStart: raw.MIGRATE_ON_START,
    introspection: raw.GRAPHQL_INTROSPECTION ?? !production,
    graphiql: raw.GRAPHIQL ?? !production,
    webDistDir,
    trustedDocuments: {
      enforce: raw.TRUSTED_DOCUMENTS ?? production,
      file: path.resolve(
        raw.TRUSTED_DOCUMENTS_FILE ?? path.join(webDistDir, 'trusted-documents.json'),
      ),
    },
    nodeEnv: raw.NODE_ENV,
    passwordCost: raw.PASSWORD_HASHING,
    publicUrl: portalUrl,
    mail: raw.SMTP_URL
      ? {
          smtpUrl: raw.SMTP_URL,
          from: raw.MAIL_FROM ?? `Личный кабинет <noreply@${new URL(portalUrl).hostname}>`,
          pollMs: Math.round(raw.MAIL_POLL_SECONDS * 1000),
          retryMs: Math.round(raw.MAIL_RETRY_SECONDS * 1000),
          maxAttempts: raw.MAIL_MAX_ATTEMPTS,
        }
      : null,
    session: { idleMinutes: raw.SESSION_IDLE_MINUTES, maxHours: raw.SESSION_MAX_HOURS },
    cookieSecure: raw.COOKIE_SECURE,
    hsts: raw.HSTS ?? portalUrl.startsWith('https://'),
    allowedOrigins: raw.ALLOWED_ORIGINS.split(',')
      .map((origin) => origin.trim())
      .filter(Boolean),
    trustProxy: raw.TRUST_PROXY,
    tasks: { overdueSweepSeconds: raw.TASK_OVERDUE_SWEEP_SECONDS },
    webSocket: {
      subscriptionsPerSocket: raw.WS_MAX_SUBSCRIPTIONS_PER_SOCKET,
      socketsPerUser: raw.WS_MAX_SOCKETS_PER_USER,
      socketsPerAddress: raw.WS_MAX_SOCKETS_PER_ADDRESS,
      slowConsumerMs: Math.round(raw.WS_SLOW_CONSUMER_SECONDS * 1000),
      maxBufferedBytes: raw.WS_MAX_BUFFERED_BYTES,
    },
    loginLimits: {
      perLogin: raw.LOGIN_MAX_FAILURES,
      perLoginLockMinutes: raw.LOGIN_LOCK_MINUTES,
      perLoginDaily: raw.LOGIN_MAX_FAILURES_PER_DAY,
      perIp: raw.LOGIN_MAX_FAILURES_PER_IP,
    },
    registrationLimits: {
      perIpHour: raw.REGISTER_MAX_PER_IP_HOUR,
      perDay: raw.REGISTER_MAX_PER_DAY,
    },
  };
}
