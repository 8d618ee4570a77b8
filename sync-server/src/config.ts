import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

import { API_AUDIENCE } from '@pos/shared';
import { z } from 'zod';

const REPO_ROOT = resolve(fileURLToPath(new URL('.', import.meta.url)), '../..');

const logLevels = ['debug', 'info', 'warn', 'error', 'silent'] as const;
export type LogLevel = (typeof logLevels)[number];

const emptyAsUndefined = (value: unknown): unknown => (value === '' ? undefined : value);

/** A comma-separated list of origins or base URLs, each without a trailing slash. */
const urlList = z.preprocess(
  (value) =>
    typeof value === 'string'
      ? value
          .split(',')
          .map((item) => item.trim().replace(/\/+$/, ''))
          .filter((item) => item !== '')
      : [],
  z.array(z.url()),
);

const envSchema = z
  .object({
    PORT: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(1).max(65_535).default(8080)),
    HOST: z.preprocess(emptyAsUndefined, z.string().min(1).default('127.0.0.1')),
    PUBLIC_URL: z.preprocess(emptyAsUndefined, z.url().optional()),
    DATABASE_URL: z.preprocess(emptyAsUndefined, z.string().startsWith('postgres').optional()),
    PGLITE_DIR: z.preprocess(emptyAsUndefined, z.string().min(1).optional()),
    AUTH_MODE: z.preprocess(emptyAsUndefined, z.enum(['embedded', 'oidc']).default('embedded')),
    AUTH_ISSUER: z.preprocess(emptyAsUndefined, z.url().optional()),
    AUTH_JWKS_URL: z.preprocess(emptyAsUndefined, z.url().optional()),
    AUTH_AUDIENCE: z.preprocess(emptyAsUndefined, z.string().min(1).default(API_AUDIENCE)),
    AUTH_CLIENT_ID: z.preprocess(emptyAsUndefined, z.string().min(1).default('pos-till')),
    CLIENT_DIST: z.preprocess(emptyAsUndefined, z.string().min(1).optional()),
    STREAM_URLS: urlList,
    TILL_ORIGINS: urlList,
    LOG_LEVEL: z.preprocess(emptyAsUndefined, z.enum(logLevels).default('info')),
    BODY_LIMIT_BYTES: z.preprocess(
      emptyAsUndefined,
      z.coerce
        .number()
        .int()
        .min(1024)
        .default(1024 * 1024),
    ),
    SEED_DEMO: z.preprocess(emptyAsUndefined, z.enum(['0', '1', 'true', 'false']).optional()),
    DEMO_SIZE: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(1).optional()),
    AUTHZ_MODE: z.preprocess(emptyAsUndefined, z.enum(['embedded', 'permify']).default('embedded')),
    PERMIFY_URL: z.preprocess(emptyAsUndefined, z.url().default('http://127.0.0.1:3476')),
    AUTHZ_CACHE_TTL_MS: z.preprocess(
      emptyAsUndefined,
      z.coerce.number().int().min(0).default(5000),
    ),
    REDIS_URL: z.preprocess(
      emptyAsUndefined,
      z
        .string()
        .regex(/^rediss?:\/\//)
        .optional(),
    ),
    CACHE_PULL_TTL_SECONDS: z.preprocess(
      emptyAsUndefined,
      z.coerce.number().int().min(1).default(300),
    ),
    REDIS_COMMAND_TIMEOUT_MS: z.preprocess(
      emptyAsUndefined,
      z.coerce.number().int().min(10).default(200),
    ),
  })
  .superRefine((env, ctx) => {
    if (env.AUTH_MODE === 'oidc' && env.AUTH_ISSUER === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['AUTH_ISSUER'],
        message: 'required when AUTH_MODE=oidc',
      });
    }
  });

export interface AuthConfig {
  mode: 'embedded' | 'oidc';
  issuer: string;
  /** Undefined in embedded mode: the server verifies against its own key, no HTTP round trip. */
  jwksUrl: string | undefined;
  audience: string;
}

/** Without a URL the server keeps everything in process: no cache, live events per instance. */
export interface RedisConfig {
  url: string | undefined;
  /** A slow Redis must not slow a request down; past this the request goes without it. */
  commandTimeoutMs: number;
  pullCacheTtlSeconds: number;
}

/** Who answers permission questions: the shared model over the documents, or Permify. */
export interface AuthzConfig {
  mode: 'embedded' | 'permify';
  /** Permify's HTTP API; only read in permify mode. */
  permifyUrl: string;
  /** How long a Permify answer is reused in this process; 0 asks every time. */
  cacheTtlMs: number;
}

export interface Config {
  port: number;
  host: string;
  publicUrl: string;
  databaseUrl: string | undefined;
  pgliteDir: string;
  auth: AuthConfig;
  /** The OIDC client the till signs in with (public, PKCE); GET /api/client-config names it. */
  authClientId: string;
  /** The sync servers' public URLs tills open the event stream on (the gateway cannot stream). */
  streamUrls: string[];
  /** Origins of tills served from elsewhere (the gateway) that may open the stream here. */
  tillOrigins: string[];
  clientDist: string;
  logLevel: LogLevel;
  bodyLimitBytes: number;
  seedDemo: boolean;
  demoSize: number | undefined;
  redis: RedisConfig;
  authz: AuthzConfig;
}

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

/** Reads the environment once at startup; a bad value stops the server with every problem listed. */
export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map(
      (issue) => `${issue.path.join('.')}: ${issue.message}`,
    );
    throw new ConfigError(`invalid configuration: ${problems.join('; ')}`);
  }
  const e = parsed.data;

  const publicUrl = (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/+$/, '');
  const issuer = e.AUTH_MODE === 'oidc' ? (e.AUTH_ISSUER ?? '') : `${publicUrl}/auth/dev`;

  // Keycloak publishes its keys here; AUTH_JWKS_URL overrides it for other providers.
  const jwksUrl =
    e.AUTH_MODE === 'oidc'
      ? (e.AUTH_JWKS_URL ?? `${issuer.replace(/\/+$/, '')}/protocol/openid-connect/certs`)
      : undefined;

  return {
    port: e.PORT,
    host: e.HOST,
    publicUrl,
    databaseUrl: e.DATABASE_URL,
    pgliteDir: resolveFromRoot(e.PGLITE_DIR ?? '.stack/data/pglite'),
    auth: { mode: e.AUTH_MODE, issuer, jwksUrl, audience: e.AUTH_AUDIENCE },
    authClientId: e.AUTH_CLIENT_ID,
    streamUrls: e.STREAM_URLS,
    tillOrigins: e.TILL_ORIGINS.map((origin) => new URL(origin).origin),
    clientDist: resolveFromRoot(e.CLIENT_DIST ?? 'dist/client'),
    logLevel: e.LOG_LEVEL,
    bodyLimitBytes: e.BODY_LIMIT_BYTES,
    seedDemo: e.SEED_DEMO === '1' || e.SEED_DEMO === 'true',
    demoSize: e.DEMO_SIZE,
    redis: {
      url: e.REDIS_URL,
      commandTimeoutMs: e.REDIS_COMMAND_TIMEOUT_MS,
      pullCacheTtlSeconds: e.CACHE_PULL_TTL_SECONDS,
    },
    authz: {
      mode: e.AUTHZ_MODE,
      permifyUrl: e.PERMIFY_URL.replace(/\/+$/, ''),
      cacheTtlMs: e.AUTHZ_CACHE_TTL_MS,
    },
  };
}

function resolveFromRoot(path: string): string {
  if (path.startsWith('memory://')) return path;
  return resolve(REPO_ROOT, path);
}
