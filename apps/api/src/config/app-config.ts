import type { KeyObject } from 'node:crypto';
import { parseHistorySigningKey } from '@app/event-sourcing';
import { isIP } from 'node:net';
import {
  DEFAULT_ARGON2_QUEUE,
  DEFAULT_BACK_OFFICE_CONTACT,
  DEFAULT_MFA_ISSUER,
  type ActionThrottleLimits,
  type Argon2QueueLimits,
  type LoginThrottleLimits,
} from '@app/accounts';
import { z } from 'zod';

const PII_KEY_BYTES = 32;
const HOUR_MS = 60 * 60_000;

/** What Express's `trust proxy` (proxy-addr) accepts: an address, a CIDR or a named range. */
function isProxyAddress(item: string): boolean {
  if (['loopback', 'linklocal', 'uniquelocal'].includes(item)) return true;
  const [address = '', prefix, ...rest] = item.split('/');
  const version = isIP(address);
  if (version === 0 || rest.length > 0) return false;
  if (prefix === undefined) return true;
  const bits = Number(prefix);
  return /^\d+$/.test(prefix) && bits >= 0 && bits <= (version === 4 ? 32 : 128);
}

const integer = (min: number, max: number) => z.coerce.number().int().min(min).max(max);

const environmentSchema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: integer(0, 65535).default(3000),
  PUBLIC_URL: z
    .url({ protocol: /^https?$/, error: 'must be an http:// or https:// URL' })
    .optional(),
  DATABASE_URL: z
    .url({ protocol: /^postgres(ql)?$/, error: 'must be a postgres:// or postgresql:// URL' })
    .optional(),
  DATABASE_SCHEMA: z
    .string()
    .regex(/^[a-z_][a-z0-9_]{0,62}$/, 'must be a lower-case PostgreSQL identifier')
    .default('public'),
  DATABASE_POOL_SIZE: integer(1, 200).default(10),
  EVENTSTORE_URL: z
    .string()
    .regex(
      /^esdb(\+discover)?:\/\/\S+$/,
      'must be an esdb:// or esdb+discover:// connection string',
    )
    .optional(),
  SMTP_URL: z.url({ protocol: /^smtps?$/, error: 'must be an smtp:// or smtps:// URL' }).optional(),
  MAIL_FROM: z
    .string()
    .regex(/^([^<>]+ <)?[^\s@<>]+@[^\s@<>]+>?$/, 'must be an address, optionally "Name <address>"')
    .default('lhtepcopg@tepcoco.jp'),
  // ACC-8: where customers write to the back office (unlock, password, contact change).
  SUPPORT_EMAIL: z
    .email({ error: 'must be an e-mail address' })
    .default(DEFAULT_BACK_OFFICE_CONTACT),
  MAIL_SIGNATURE: z.string().trim().min(1).max(200).default('東京電力パワーグリッド株式会社'),
  TERMS_VERSION: z.string().trim().min(1).max(100).optional(),
  TERMS_URL: z
    .url({ protocol: /^https?$/, error: 'must be an http:// or https:// URL' })
    .optional(),
  MAIL_DIRECTORY: z.string().min(1).default('./var/mail'),
  MAIL_POLL_INTERVAL_MS: integer(10, 3_600_000).default(1000),
  MAIL_LEASE_MS: integer(1000, 86_400_000).default(300_000),
  MAIL_RETRY_INITIAL_DELAY_MS: integer(10, 86_400_000).default(30_000),
  MAIL_RETRY_MAX_DELAY_MS: integer(10, 86_400_000).default(3_600_000),
  MAIL_RETRY_MAX_ATTEMPTS: integer(1, 1000).default(10),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  GRAPHQL_MAX_DEPTH: integer(1, 100).default(10),
  GRAPHQL_MAX_COST: integer(1, 1_000_000).default(5000),
  GRAPHQL_MAX_ALIASES: integer(0, 1000).default(15),
  GRAPHQL_MAX_TOKENS: integer(100, 1_000_000).default(5000),
  HEALTH_MAX_PROJECTION_LAG: integer(0, Number.MAX_SAFE_INTEGER).default(1000),
  SCHEDULED_JOBS: z.enum(['on', 'off']).default('on'),
  TRUST_PROXY: z
    .string()
    .transform((value) =>
      value
        .split(',')
        .map((item) => item.trim())
        .filter((item) => item !== ''),
    )
    .refine((items) => items.every(isProxyAddress), {
      error:
        'must be a comma-separated list of IP addresses or CIDRs (e.g. 10.0.0.0/8, ::1), or loopback, linklocal, uniquelocal',
    })
    .default([]),
  LOGIN_FAILURES_PER_USER_AND_ADDRESS: integer(1, 1_000_000).default(10),
  LOGIN_FAILURES_PER_USER_AND_ADDRESS_WINDOW_SECONDS: integer(1, 86_400).default(900),
  LOGIN_FAILURES_PER_ADDRESS: integer(1, 10_000_000).default(300),
  LOGIN_FAILURES_PER_ADDRESS_WINDOW_SECONDS: integer(1, 86_400).default(3600),
  LOGIN_DELAY_FREE_FAILURES: integer(0, 10_000_000).default(20),
  LOGIN_DELAY_STEP_MS: integer(0, 60_000).default(250),
  LOGIN_DELAY_MAX_MS: integer(0, 60_000).default(5000),
  REGISTER_PER_ADDRESS_PER_HOUR: integer(1, 10_000_000).default(20),
  REGISTER_PER_HOUR: integer(1, 10_000_000).default(1000),
  VERIFY_EMAIL_PER_ADDRESS_PER_HOUR: integer(1, 10_000_000).default(60),
  VERIFY_EMAIL_PER_HOUR: integer(1, 10_000_000).default(3000),
  CHANGE_PASSWORD_PER_ADDRESS_PER_HOUR: integer(1, 10_000_000).default(60),
  CHANGE_PASSWORD_PER_HOUR: integer(1, 10_000_000).default(3000),
  ARGON2_CONCURRENCY: integer(1, 64).default(DEFAULT_ARGON2_QUEUE.concurrency),
  ARGON2_MAX_QUEUED: integer(0, 100_000).default(DEFAULT_ARGON2_QUEUE.maxQueued),
  MFA_ISSUER: z.string().trim().min(1).max(64).default(DEFAULT_MFA_ISSUER),
  HISTORY_SIGNING_KEY: z
    .string()
    .refine((value) => historyKeyProblem(value) === undefined, {
      error: (issue) => historyKeyProblem(String(issue.input)) ?? 'invalid',
    })
    .optional(),
  HISTORY_CHECKPOINT_EVENTS: integer(1, 10_000_000).default(1000),
  SECURITY_EVENTS_RETENTION_DAYS: integer(1, 36_500).default(365),
  ALLOW_EMBEDDED_DATABASE: z.enum(['true', 'false']).default('false'),
  HISTORY_CHECKPOINT_SECONDS: integer(1, 86_400).default(60),
  PII_MASTER_KEY: z
    .string()
    .regex(/^[A-Za-z0-9+/]+={0,2}$/, {
      error: 'must be base64 (e.g. `openssl rand -base64 32`)',
      abort: true,
    })
    .refine(
      (value) => value.length % 4 === 0 && Buffer.from(value, 'base64').length === PII_KEY_BYTES,
      `must be base64 of exactly ${PII_KEY_BYTES} bytes (e.g. \`openssl rand -base64 32\`)`,
    )
    .optional(),
});

/**
 * The PII master key may come from the embedded setup's key file only where that file is the
 * one key: a per-machine random key against a shared server would make data written by one
 * process unreadable to the others.
 */
const schema = environmentSchema.superRefine((env, context) => {
  if (env.NODE_ENV === 'production')
    productionProblems(env).forEach((issue) => context.addIssue(issue));
  if (env.HISTORY_SIGNING_KEY === undefined && env.NODE_ENV === 'production') {
    context.addIssue({
      code: 'custom',
      path: ['HISTORY_SIGNING_KEY'],
      message:
        'required in production: an Ed25519 private key, PEM or base64 ' +
        '(e.g. `openssl genpkey -algorithm ed25519`)',
    });
  }
  if (env.MAIL_RETRY_MAX_DELAY_MS < env.MAIL_RETRY_INITIAL_DELAY_MS) {
    context.addIssue({
      code: 'custom',
      path: ['MAIL_RETRY_MAX_DELAY_MS'],
      message: 'must not be below MAIL_RETRY_INITIAL_DELAY_MS',
    });
  }
  if (env.PII_MASTER_KEY !== undefined) return;
  if (env.NODE_ENV === 'production') {
    context.addIssue({
      code: 'custom',
      path: ['PII_MASTER_KEY'],
      message: 'required in production (base64 of 32 bytes, e.g. `openssl rand -base64 32`)',
    });
  } else if (env.DATABASE_URL !== undefined) {
    context.addIssue({
      code: 'custom',
      path: ['PII_MASTER_KEY'],
      message:
        'required with DATABASE_URL: set PII_MASTER_KEY to the same key (base64 of 32 bytes, ' +
        'e.g. `openssl rand -base64 32`) in every process that uses that server',
    });
  }
});

/** Issue 11 §7: what production may not run without; each a reason to refuse the start. */
function productionProblems(env: z.infer<typeof environmentSchema>) {
  const problems: { code: 'custom'; path: string[]; message: string }[] = [];
  if (env.SMTP_URL === undefined) {
    problems.push({
      code: 'custom',
      path: ['SMTP_URL'],
      message:
        'required in production: mail (verification links, initial passwords) must reach people, ' +
        'not .eml files (e.g. smtps://user:password@mail.example.jp:465)',
    });
  }
  if (env.PUBLIC_URL === undefined || !env.PUBLIC_URL.startsWith('https://')) {
    problems.push({
      code: 'custom',
      path: ['PUBLIC_URL'],
      message:
        'required in production as an https:// URL: the links in mails carry tokens and must ' +
        'not travel in the clear (e.g. https://broute.example.jp)',
    });
  }
  if (env.DATABASE_URL === undefined && env.ALLOW_EMBEDDED_DATABASE !== 'true') {
    problems.push({
      code: 'custom',
      path: ['DATABASE_URL'],
      message:
        'required in production: the embedded database (PGlite) is one process with no backup ' +
        'or replica; set DATABASE_URL, or ALLOW_EMBEDDED_DATABASE=true to run it anyway',
    });
  }
  return problems;
}

function historyKeyProblem(value: string): string | undefined {
  try {
    parseHistorySigningKey(value.replace(/\\n/g, '\n'));
    return undefined;
  } catch (error) {
    return (error as Error).message;
  }
}

export type Environment = z.infer<typeof environmentSchema>['NODE_ENV'];
export type LogLevel = z.infer<typeof environmentSchema>['LOG_LEVEL'];

export interface AppConfig {
  readonly env: Environment;
  readonly http: { readonly host: string; readonly port: number; readonly publicUrl: string };
  readonly database: { readonly url?: string; readonly schema: string; readonly poolSize: number };
  readonly eventStoreUrl?: string;
  readonly mail: {
    readonly smtpUrl?: string;
    /** The no-reply sender (ACC-8). */
    readonly from: string;
    /** ACC-8: the back office's contact address, named wherever a customer is sent to it. */
    readonly supportEmail: string;
    /** The operator's name closing every mail. */
    readonly signature: string;
    /** Where mail goes as `.eml` files when no SMTP server is set. */
    readonly directory: string;
    readonly pollIntervalMs: number;
    /** How long a claimed mail stays with one dispatcher before another may send it again. */
    readonly leaseMs: number;
    readonly retry: {
      readonly initialDelayMs: number;
      readonly maxDelayMs: number;
      readonly maxAttempts: number;
    };
  };
  /** APP-2: the terms a submission's consent refers to; unset parts keep the FAQ's. */
  readonly terms: { readonly version?: string; readonly url?: string };
  readonly logLevel: LogLevel;
  readonly graphql: {
    readonly maxDepth: number;
    readonly maxCost: number;
    readonly maxAliases: number;
    readonly maxTokens: number;
  };
  readonly health: { readonly maxProjectionLag: number };
  /**
   * Whether this process schedules the periodic jobs (ACC-2 sweep every minute, ACC-7 daily).
   * Every process may: a job runs in one process at a time under an advisory lock.
   */
  readonly scheduledJobs: boolean;
  /** Express's `trust proxy`: the proxies whose X-Forwarded-For names the client. */
  readonly trustProxy: readonly string[];
  /** Wrong guesses per (user ID, address) and per address, counted across every process. */
  readonly loginThrottle: LoginThrottleLimits;
  /** Registration, e-mail verification and password change, per address and overall. */
  readonly actionThrottle: ActionThrottleLimits;
  readonly argon2Queue: Argon2QueueLimits;
  /** ACC-8: where messages send a customer who needs the back office. */
  readonly backOfficeContact: string;
  /** ASVS 16: days a security event is kept. */
  readonly securityEventsRetentionDays: number;
  /** ACC-9: the issuer authenticator apps show beside the user ID. */
  readonly mfaIssuer: string;
  /**
   * `masterKey` wraps every PII data key. Unset only outside production with the embedded
   * database, which then keeps its own key in `./var/pii-master.key`.
   */
  readonly pii: { readonly masterKey?: Buffer };
  /**
   * `signingKey` signs the global chain's checkpoints. Unset only outside production, where the
   * key in `./var/history-signing.key` is used (created on first start).
   */
  readonly history: {
    readonly signingKey?: KeyObject;
    readonly checkpointEveryEvents: number;
    readonly checkpointEverySeconds: number;
  };
}

export const APP_CONFIG = Symbol('AppConfig');

export class ConfigError extends Error {
  override readonly name = 'ConfigError';

  constructor(readonly problems: readonly string[]) {
    super(`invalid configuration (see .env.example): ${problems.join('; ')}`);
  }
}

/** Validates the environment; every problem is listed at once, by variable name. */
export function loadConfig(environment: NodeJS.ProcessEnv): AppConfig {
  // `FOO=` in a .env file means "not set", not "set to nothing".
  const present = Object.fromEntries(
    Object.entries(environment).filter(([, value]) => value !== ''),
  );
  const parsed = schema.safeParse(present);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`),
    );
  }
  const env = parsed.data;
  return {
    env: env.NODE_ENV,
    http: {
      host: env.HOST,
      port: env.PORT,
      publicUrl: (env.PUBLIC_URL ?? `http://${env.HOST}:${env.PORT}`).replace(/\/+$/, ''),
    },
    database: {
      url: env.DATABASE_URL,
      schema: env.DATABASE_SCHEMA,
      poolSize: env.DATABASE_POOL_SIZE,
    },
    eventStoreUrl: env.EVENTSTORE_URL,
    mail: {
      smtpUrl: env.SMTP_URL,
      from: env.MAIL_FROM,
      supportEmail: env.SUPPORT_EMAIL,
      signature: env.MAIL_SIGNATURE,
      directory: env.MAIL_DIRECTORY,
      pollIntervalMs: env.MAIL_POLL_INTERVAL_MS,
      leaseMs: env.MAIL_LEASE_MS,
      retry: {
        initialDelayMs: env.MAIL_RETRY_INITIAL_DELAY_MS,
        maxDelayMs: env.MAIL_RETRY_MAX_DELAY_MS,
        maxAttempts: env.MAIL_RETRY_MAX_ATTEMPTS,
      },
    },
    terms: { version: env.TERMS_VERSION, url: env.TERMS_URL },
    logLevel: env.LOG_LEVEL,
    graphql: {
      maxDepth: env.GRAPHQL_MAX_DEPTH,
      maxCost: env.GRAPHQL_MAX_COST,
      maxAliases: env.GRAPHQL_MAX_ALIASES,
      maxTokens: env.GRAPHQL_MAX_TOKENS,
    },
    health: { maxProjectionLag: env.HEALTH_MAX_PROJECTION_LAG },
    scheduledJobs: env.SCHEDULED_JOBS === 'on',
    trustProxy: env.TRUST_PROXY,
    loginThrottle: {
      maxFailuresPerUserAndAddress: env.LOGIN_FAILURES_PER_USER_AND_ADDRESS,
      userAndAddressWindowMs: env.LOGIN_FAILURES_PER_USER_AND_ADDRESS_WINDOW_SECONDS * 1000,
      maxFailuresPerAddress: env.LOGIN_FAILURES_PER_ADDRESS,
      addressWindowMs: env.LOGIN_FAILURES_PER_ADDRESS_WINDOW_SECONDS * 1000,
      freeFailuresPerAddress: env.LOGIN_DELAY_FREE_FAILURES,
      delayStepMs: env.LOGIN_DELAY_STEP_MS,
      maxDelayMs: env.LOGIN_DELAY_MAX_MS,
    },
    actionThrottle: {
      register: {
        perAddress: env.REGISTER_PER_ADDRESS_PER_HOUR,
        overall: env.REGISTER_PER_HOUR,
        windowMs: HOUR_MS,
      },
      'verify-email': {
        perAddress: env.VERIFY_EMAIL_PER_ADDRESS_PER_HOUR,
        overall: env.VERIFY_EMAIL_PER_HOUR,
        windowMs: HOUR_MS,
      },
      'change-password': {
        perAddress: env.CHANGE_PASSWORD_PER_ADDRESS_PER_HOUR,
        overall: env.CHANGE_PASSWORD_PER_HOUR,
        windowMs: HOUR_MS,
      },
    },
    argon2Queue: { concurrency: env.ARGON2_CONCURRENCY, maxQueued: env.ARGON2_MAX_QUEUED },
    backOfficeContact: env.SUPPORT_EMAIL,
    securityEventsRetentionDays: env.SECURITY_EVENTS_RETENTION_DAYS,
    mfaIssuer: env.MFA_ISSUER,
    pii: {
      masterKey:
        env.PII_MASTER_KEY === undefined ? undefined : Buffer.from(env.PII_MASTER_KEY, 'base64'),
    },
    history: {
      signingKey:
        env.HISTORY_SIGNING_KEY === undefined
          ? undefined
          : parseHistorySigningKey(env.HISTORY_SIGNING_KEY.replace(/\\n/g, '\n')),
      checkpointEveryEvents: env.HISTORY_CHECKPOINT_EVENTS,
      checkpointEverySeconds: env.HISTORY_CHECKPOINT_SECONDS,
    },
  };
}
