// Builds the KrakenD configuration (format version 3) from the route table and settings.
// KrakenD CE's own templating is not available here, so krakend.json is generated: run
// `node krakend/render-config.mjs` after changing a route or a default, and commit the result.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

import { API_HEADERS, CLAIM_HEADERS, ROUTES } from './routes.mjs';
import { DEFAULT_SETTINGS } from './settings.mjs';

export const CONFIG_FILE = fileURLToPath(new URL('./krakend.json', import.meta.url));

/** The configuration object; `overrides` replaces top-level settings (limits per class). */
export function renderKrakendConfig(overrides = {}) {
  const settings = {
    ...DEFAULT_SETTINGS,
    ...overrides,
    limits: { ...DEFAULT_SETTINGS.limits, ...overrides.limits },
    timeouts: { ...DEFAULT_SETTINGS.timeouts, ...overrides.timeouts },
  };

  return {
    version: 3,
    name: 'pos-gateway',
    port: settings.port,
    listen_ip: settings.listenIp,
    timeout: settings.timeouts.default,
    cache_ttl: '0s',
    output_encoding: 'no-op',
    // Every backend inherits these hosts; Lura balances between them round robin.
    host: settings.backends,
    extra_config: {
      'security/cors': {
        allow_origins: settings.tillOrigins,
        allow_methods: ['GET', 'POST'],
        allow_headers: ['Authorization', 'Content-Type', 'Accept', 'X-Request-Id'],
        expose_headers: ['X-Request-Id'],
        max_age: '12h',
      },
      'telemetry/logging': { level: settings.logLevel, prefix: '[GATEWAY]', stdout: true },
      router: {
        return_error_msg: false,
        // The gateway is the edge: a client's X-Forwarded-For must not pick its rate-limit key.
        forwarded_by_client_ip: false,
        hide_version_header: true,
        logger_skip_paths: ['/__health'],
      },
    },
    endpoints: ROUTES.map((route) => endpoint(route, settings)),
  };
}

function endpoint(route, settings) {
  const limits = settings.limits[route.limit];
  if (limits === undefined) throw new Error(`no limits named ${route.limit}`);

  const extra = { 'qos/ratelimit/router': rateLimit(route, limits) };
  if (!route.public) extra['auth/validator'] = validator(settings);

  return {
    endpoint: route.path,
    method: route.method,
    timeout: route.slow ? settings.timeouts.slow : settings.timeouts.default,
    output_encoding: 'no-op',
    input_headers: headersFor(route),
    ...(route.query ? { input_query_strings: route.query } : {}),
    extra_config: extra,
    backend: [{ url_pattern: route.path, method: route.method, encoding: 'no-op' }],
  };
}

function headersFor(route) {
  if (route.static) return ['Accept', 'If-None-Match', 'If-Modified-Since'];
  if (route.public) return ['Accept', 'X-Request-Id'];
  return API_HEADERS;
}

function rateLimit(route, limits) {
  return {
    max_rate: limits.overall.rate,
    capacity: limits.overall.burst,
    client_max_rate: limits.client.rate,
    client_capacity: limits.client.burst,
    // The user id comes from the verified token (the validator sets it); public routes have
    // no user, so there the address is the client.
    ...(route.public ? { strategy: 'ip' } : { strategy: 'header', key: 'X-User-Id' }),
  };
}

function validator(settings) {
  return {
    alg: 'RS256',
    jwk_url: settings.jwksUrl,
    // Keycloak serves its keys over plain HTTP on this machine; any https URL keeps the check.
    disable_jwk_security: settings.jwksUrl.startsWith('http://'),
    cache: true,
    cache_duration: 900,
    issuer: settings.issuer,
    audience: [settings.audience],
    roles_key: 'realm_access.roles',
    roles_key_is_nested: true,
    roles: settings.roles,
    propagate_claims: CLAIM_HEADERS,
  };
}

export function writeKrakendConfig(file, overrides = {}) {
  writeFileSync(file, `${JSON.stringify(renderKrakendConfig(overrides), null, 2)}\n`);
  return file;
}

// The committed file goes through Prettier so `npm run format:check` accepts it as generated.
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { format, resolveConfig } = await import('prettier');
  const options = { ...(await resolveConfig(CONFIG_FILE)), filepath: CONFIG_FILE };
  writeFileSync(CONFIG_FILE, await format(JSON.stringify(renderKrakendConfig()), options));
}
