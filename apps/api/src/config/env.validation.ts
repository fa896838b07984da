import Joi from 'joi';
import { asciiOrigin } from '../web/idn';

/**
 * JWT secrets that have been written in public code or docs: refused everywhere
 * (a token signed with one of them would open the app). Compared in lower case.
 */
export const KNOWN_PLACEHOLDER_SECRETS = [
  'farmlink-development-secret-change-me',
  'change-me-to-a-long-random-secret-of-32-chars',
  'farmlink-test-secret-0123456789abcdef',
  'change-me',
  'changeme',
  'change-me-now',
  'secret',
  'jwt-secret',
  'jwt_secret',
  'your-secret',
  'your-jwt-secret',
  'supersecret',
  'password',
];

const jwtSecret = Joi.string()
  .custom((value: string, helpers) => {
    const v = value.trim().toLowerCase();
    if (KNOWN_PLACEHOLDER_SECRETS.includes(v) || /change[-_ ]?me/.test(v)) return helpers.error('jwt.placeholder');
    return value;
  })
  .messages({ 'jwt.placeholder': '"JWT_SECRET" is a published placeholder: set a long random value (e.g. `openssl rand -hex 32`)' });

/**
 * Every setting FarmLink reads, validated at start-up. A missing or bad value
 * stops the app with a message that names the setting. The README lists them.
 */
export const envSchema = Joi.object({
  NODE_ENV: Joi.string().valid('development', 'production', 'test').default('development'),
  // Outside production the app listens on loopback only; Docker sets HOST=0.0.0.0.
  HOST: Joi.when('NODE_ENV', { is: 'production', then: Joi.string().default('0.0.0.0'), otherwise: Joi.string().default('127.0.0.1') }),
  PORT: Joi.number().port().default(3000),
  DATABASE_URL: Joi.string().uri({ scheme: ['postgres', 'postgresql'] }).required(),
  DB_POOL_SIZE: Joi.number().integer().min(2).max(500).default(20),
  DB_ACQUIRE_TIMEOUT_MS: Joi.number().integer().min(100).max(120_000).default(10_000),
  DB_LOG_QUERIES: Joi.boolean().default(false),
  // No default anywhere in the code. Without it, main.ts makes a random one beside the embedded database's
  // data (.data/jwt-secret) and sets EMBEDDED_DATABASE; with a DATABASE_URL of your own it must be set.
  JWT_SECRET: Joi.when('NODE_ENV', {
    is: 'production',
    then: jwtSecret.min(32).required(),
    otherwise: Joi.when('EMBEDDED_DATABASE', {
      is: true,
      then: jwtSecret.min(32).required(),
      otherwise: jwtSecret.min(16).required(),
    }),
  }).messages({
    'any.required': '"JWT_SECRET" is required with a DATABASE_URL: set a long random value (e.g. `openssl rand -hex 32`); only with the embedded database is one made and kept in .data/jwt-secret',
  }),
  AUTH_USER_CACHE_MS: Joi.number().integer().min(0).max(5000).default(2000),
  JWT_EXPIRES_IN: Joi.string()
    .pattern(/^\d+[smhd]?$/)
    .default('1d')
    .messages({ 'string.pattern.base': '"JWT_EXPIRES_IN" must look like 3600, 15m, 12h or 7d' }),
  ADMIN_EMAIL: Joi.string().email({ tlds: false }).optional(),
  ADMIN_PASSWORD: Joi.when('ADMIN_EMAIL', {
    is: Joi.exist(),
    then: Joi.string().min(8).required(),
    otherwise: Joi.string().min(8).optional(),
  }),
  ARGON2_MEMORY_KIB: Joi.number().integer().min(1024).default(19456),
  AUTH_THROTTLE_LIMIT: Joi.number().integer().min(1).default(10),
  AUTH_THROTTLE_TTL_SECONDS: Joi.number().integer().min(1).default(60),
  // Origins may be written in Unicode (https://农场.中国); they are matched in punycode (web/idn.ts).
  CORS_ORIGINS: Joi.string()
    .allow('')
    .default('')
    .custom((value: string, helpers) => {
      for (const origin of value.split(',').map((o) => o.trim()).filter(Boolean)) {
        if (!asciiOrigin(origin)) return helpers.error('any.invalid');
      }
      return value;
    })
    .messages({ 'any.invalid': '"CORS_ORIGINS" must be comma-separated origins such as https://shop.example.cn or https://农场.中国' }),
  TRUST_PROXY: Joi.boolean().default(false),
  LOG_LEVEL: Joi.string().valid('fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent').default('info'),
  BODY_LIMIT_BYTES: Joi.number().integer().min(1024).default(1_048_576),
  REPORT_TIME_ZONE: Joi.string()
    .default('Asia/Shanghai')
    .custom((value: string, helpers) => {
      try {
        new Intl.DateTimeFormat('en', { timeZone: value });
        return value;
      } catch {
        return helpers.error('any.invalid');
      }
    })
    .messages({ 'any.invalid': '"REPORT_TIME_ZONE" must be an IANA time zone such as Asia/Shanghai' }),
  PAYMENT_TIMEOUT_MINUTES: Joi.number().integer().min(1).default(30),
  PLATFORM_FEE_BPS: Joi.number().integer().min(0).max(10_000).default(0),
  MAX_UNPAID_CHECKOUTS: Joi.number().integer().min(1).max(1_000_000).default(3),
  STRIPE_SECRET_KEY: Joi.string().optional(),
  STRIPE_WEBHOOK_SECRET: Joi.when('STRIPE_SECRET_KEY', {
    is: Joi.exist(),
    then: Joi.string().required(),
    otherwise: Joi.string().optional(),
  }),
  STRIPE_API_BASE: Joi.string().uri({ scheme: ['http', 'https'] }).optional(),
  STRIPE_PAYMENT_METHODS: Joi.string().default('card'),
  UPLOAD_DIR: Joi.string().default('.data/uploads'),
  EMBEDDED_DATABASE: Joi.boolean().default(false),
  SEED_DEMO: Joi.boolean().default(true),
  MIGRATE_ON_START: Joi.boolean().default(true),
  WEB_PRERENDER: Joi.boolean().default(true),
  // Several processes (docs/SCALING.md). Unset REDIS_URL: the login/register limit is counted in PostgreSQL.
  REDIS_URL: Joi.string().uri({ scheme: ['redis', 'rediss'] }).optional(),
  // Comma-separated read-only replica URLs serving reports and public catalog reads.
  DATABASE_REPLICA_URLS: Joi.string()
    .allow('')
    .default('')
    .custom((value: string, helpers) => {
      for (const url of value.split(',').map((u) => u.trim()).filter(Boolean)) {
        if (!/^postgres(ql)?:\/\//.test(url)) return helpers.error('any.invalid');
        try {
          new URL(url);
        } catch {
          return helpers.error('any.invalid');
        }
      }
      return value;
    })
    .messages({ 'any.invalid': '"DATABASE_REPLICA_URLS" must be comma-separated postgres:// URLs' }),
  // Worker processes on this host (node:cluster); WEB_CONCURRENCY is the name Heroku-style platforms set.
  API_WORKERS: Joi.alternatives(Joi.number().integer().min(1).max(256), Joi.string().valid('auto')).optional(),
  WEB_CONCURRENCY: Joi.alternatives(Joi.number().integer().min(1).max(256), Joi.string().valid('auto')).optional(),
  REDIS_KEY_PREFIX: Joi.string().default('farmlink:'),
  PHOTO_STORAGE: Joi.string().valid('local', 's3').default('local'),
  S3_BUCKET: Joi.when('PHOTO_STORAGE', { is: 's3', then: Joi.string().required(), otherwise: Joi.string().optional() }),
  S3_REGION: Joi.string().default('us-east-1'),
  S3_ENDPOINT: Joi.string().uri({ scheme: ['http', 'https'] }).optional(),
  S3_ACCESS_KEY_ID: Joi.string().optional(),
  S3_SECRET_ACCESS_KEY: Joi.when('S3_ACCESS_KEY_ID', { is: Joi.exist(), then: Joi.string().required(), otherwise: Joi.string().optional() }),
  S3_FORCE_PATH_STYLE: Joi.boolean().default(false),
  S3_PUBLIC_URL: Joi.string().uri({ scheme: ['http', 'https'] }).optional(),
  // Mail (libs/notifications). Without SMTP_URL every message is printed to the log instead of sent.
  SMTP_URL: Joi.string().uri({ scheme: ['smtp', 'smtps'] }).optional(),
  MAIL_FROM: Joi.string().default('FarmLink <no-reply@farmlink.local>'),
  // Where the links in mails point (the web app's origin).
  // Unset: mails link to http://localhost:3000 and shared pages' absolute links use the request's host.
  // An IDN (https://农场.中国) is kept in its punycode form (https://xn--...).
  PUBLIC_WEB_URL: Joi.string()
    .optional()
    .custom((value: string, helpers) => {
      try {
        const url = new URL(value);
        if (url.protocol !== 'http:' && url.protocol !== 'https:') return helpers.error('any.invalid');
        return url.href.replace(/\/+$/, '');
      } catch {
        return helpers.error('any.invalid');
      }
    })
    .messages({ 'any.invalid': '"PUBLIC_WEB_URL" must be an http(s) URL such as https://farmlink.example.cn or https://农场.中国' }),
  // SMS through an HTTP gateway (POST { to, text }); without SMS_HTTP_URL no SMS is sent.
  SMS_HTTP_URL: Joi.string().uri({ scheme: ['http', 'https'] }).optional(),
  SMS_HTTP_TOKEN: Joi.string().optional(),
  // The job queue (graphile-worker) that delivers the outbox: how often it looks for retries that fell due,
  // how many tries a message gets (back-off e^n seconds between them), how many it sends at once per process.
  OUTBOX_POLL_MS: Joi.number().integer().min(100).max(600_000).default(5000),
  OUTBOX_MAX_ATTEMPTS: Joi.number().integer().min(1).max(100).default(12),
  OUTBOX_CONCURRENCY: Joi.number().integer().min(1).max(20).default(2),
  // How often the relay hands messages that events wrote to the outbox (a payment's mails) to the queue.
  OUTBOX_RELAY_MS: Joi.number().integer().min(50).max(60_000).default(500),
  // A queue runner that ended on an error (e.g. the database was down) is started again after this long.
  OUTBOX_RESTART_MS: Joi.number().integer().min(100).max(600_000).default(5000),
});

export interface Env {
  NODE_ENV: 'development' | 'production' | 'test';
  HOST: string;
  PORT: number;
  DATABASE_URL: string;
  DB_POOL_SIZE: number;
  DB_ACQUIRE_TIMEOUT_MS: number;
  DB_LOG_QUERIES: boolean;
  JWT_SECRET: string;
  AUTH_USER_CACHE_MS: number;
  JWT_EXPIRES_IN: string;
  ADMIN_EMAIL?: string;
  ADMIN_PASSWORD?: string;
  ARGON2_MEMORY_KIB: number;
  AUTH_THROTTLE_LIMIT: number;
  AUTH_THROTTLE_TTL_SECONDS: number;
  CORS_ORIGINS: string;
  TRUST_PROXY: boolean;
  LOG_LEVEL: string;
  BODY_LIMIT_BYTES: number;
  REPORT_TIME_ZONE: string;
  PAYMENT_TIMEOUT_MINUTES: number;
  PLATFORM_FEE_BPS: number;
  MAX_UNPAID_CHECKOUTS: number;
  STRIPE_SECRET_KEY?: string;
  STRIPE_WEBHOOK_SECRET?: string;
  STRIPE_API_BASE?: string;
  STRIPE_PAYMENT_METHODS: string;
  UPLOAD_DIR: string;
  EMBEDDED_DATABASE: boolean;
  SEED_DEMO: boolean;
  MIGRATE_ON_START: boolean;
  /** `/` carries the shop's first page of listings as HTML and JSON (apps/api/src/web/first-screen.ts). */
  WEB_PRERENDER: boolean;
  REDIS_URL?: string;
  DATABASE_REPLICA_URLS: string;
  API_WORKERS?: number | 'auto';
  WEB_CONCURRENCY?: number | 'auto';
  REDIS_KEY_PREFIX: string;
  PHOTO_STORAGE: 'local' | 's3';
  S3_BUCKET?: string;
  S3_REGION: string;
  S3_ENDPOINT?: string;
  S3_ACCESS_KEY_ID?: string;
  S3_SECRET_ACCESS_KEY?: string;
  S3_FORCE_PATH_STYLE: boolean;
  S3_PUBLIC_URL?: string;
  SMTP_URL?: string;
  MAIL_FROM: string;
  PUBLIC_WEB_URL?: string;
  SMS_HTTP_URL?: string;
  SMS_HTTP_TOKEN?: string;
  OUTBOX_POLL_MS: number;
  OUTBOX_MAX_ATTEMPTS: number;
  OUTBOX_CONCURRENCY: number;
  OUTBOX_RELAY_MS: number;
  OUTBOX_RESTART_MS: number;
}

/** Validates `raw` (process.env) and returns typed settings, or throws naming every bad setting. */
export function validateEnv(raw: Record<string, unknown>): Env {
  const { error, value } = envSchema.validate(raw, { allowUnknown: true, abortEarly: false, convert: true });
  if (error) {
    const lines = error.details.map((d) => `  - ${d.message}`).join('\n');
    throw new Error(`Invalid configuration:\n${lines}`);
  }
  return value as Env;
}
