// `npm run tenant:create -- --name <name> --owner-email <email>`: creates a tenant in Keycloak,
// the database and Permify, as the server's environment configures them.
import { parseArgs } from 'node:util';

import { currencySchema } from '@pos/shared';

import { createAuthorizer } from '../authz/create-authorizer.ts';
import { readConfig } from '../config.ts';
import { runMigrations } from '../db/migrate.ts';
import { openDatabase } from '../db/open-database.ts';
import { createLogger } from '../observability/logger.ts';
import { createTenant, TENANT_ID_PATTERN, tenantIdFromName } from './create-tenant.ts';
import { createKeycloakAdmin } from './keycloak-admin.ts';

const USAGE = `usage: npm run tenant:create -- --name <name> --owner-email <email>
         [--id <tenant id>] [--owner-name <name>] [--timezone <IANA zone>] [--currency <ISO code>]

Uses DATABASE_URL (or PGLITE_DIR), AUTH_MODE/AUTH_ISSUER or KEYCLOAK_URL for Keycloak
(KEYCLOAK_ADMIN_USER, KEYCLOAK_ADMIN_PASSWORD), AUTHZ_MODE/PERMIFY_URL for Permify.`;

function fail(message: string): never {
  console.error(`${message}\n\n${USAGE}`);
  process.exit(2);
}

function options() {
  try {
    return parseArgs({
      options: {
        name: { type: 'string' },
        'owner-email': { type: 'string' },
        id: { type: 'string' },
        'owner-name': { type: 'string' },
        timezone: { type: 'string', default: 'America/Toronto' },
        currency: { type: 'string', default: 'CAD' },
      },
    }).values;
  } catch (error) {
    return fail(error instanceof Error ? error.message : String(error));
  }
}

/** Keycloak's base URL: KEYCLOAK_URL, or the issuer without its `/realms/<realm>` part. */
function keycloakUrl(env: NodeJS.ProcessEnv, issuer: string, mode: string): string | undefined {
  if (env.KEYCLOAK_URL) return env.KEYCLOAK_URL;
  if (mode !== 'oidc') return undefined;
  return issuer.replace(/\/realms\/[^/]+\/?$/, '');
}

async function main(): Promise<void> {
  const values = options();
  const name = values.name?.trim();
  const ownerEmail = values['owner-email']?.trim();
  if (!name) fail('--name is required');
  if (!ownerEmail || !/^[^@\s]+@[^@\s]+$/.test(ownerEmail)) fail('--owner-email needs an email');
  const id = values.id ?? tenantIdFromName(name);
  if (!TENANT_ID_PATTERN.test(id)) fail(`tenant id "${id}": use --id with a-z, 0-9, - or _`);
  if (!currencySchema.safeParse(values.currency).success) fail('--currency takes an ISO code');
  try {
    new Intl.DateTimeFormat('en', { timeZone: values.timezone });
  } catch {
    fail(`--timezone "${values.timezone}" is not a time zone`);
  }

  const config = readConfig();
  const logger = createLogger(config.logLevel);
  const db = await openDatabase({ databaseUrl: config.databaseUrl, pgliteDir: config.pgliteDir });
  try {
    await runMigrations(db);
    const kcUrl = keycloakUrl(process.env, config.auth.issuer, config.auth.mode);
    const keycloak =
      kcUrl === undefined
        ? undefined
        : createKeycloakAdmin({
            url: kcUrl,
            username: process.env.KEYCLOAK_ADMIN_USER ?? 'admin',
            password: process.env.KEYCLOAK_ADMIN_PASSWORD ?? 'admin',
          });
    const authorizer = createAuthorizer(config.authz, db, logger);

    const created = await createTenant(
      { db, authorizer, keycloak },
      {
        id,
        name,
        ownerEmail,
        ownerName: values['owner-name'] ?? ownerEmail.split('@')[0] ?? ownerEmail,
        timezone: values.timezone,
        currency: values.currency,
      },
    );

    console.log(`Tenant ${created.tenantId} (${name})
  store      ${created.storeId}
  till       ${created.deviceId}
  owner      ${ownerEmail} (${created.ownerId})
  password   ${created.ownerPassword ?? 'unchanged: the account existed already'}
  identity   ${keycloak === undefined ? 'embedded sign-in' : `Keycloak at ${kcUrl}`}
  authz      ${config.authz.mode}
  written    ${created.documentsWritten} new document(s)`);
  } finally {
    await db.close();
  }
}

main().catch((error: unknown) => {
  console.error(`tenant:create failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
