import { randomBytes, randomUUID } from 'node:crypto';

import type { Device, Store } from '@pos/shared';

import { hashPassword } from '../auth/passwords.ts';
import type { Authorizer } from '../authz/authorizer.ts';
import type { Database } from '../db/database.ts';
import { readMaster } from '../replication/read-masters.ts';
import { staffMember } from '../seed/demo-organisation.ts';
import { seedTenant } from '../seed/seed-tenant.ts';
import type { KeycloakAdmin } from './keycloak-admin.ts';

export interface NewTenant {
  /** Lower-case letters, digits, `-` and `_`; names the Keycloak group and Permify tenant. */
  id: string;
  name: string;
  ownerEmail: string;
  ownerName: string;
  timezone: string;
  currency: string;
}

export interface CreatedTenant {
  tenantId: string;
  storeId: string;
  deviceId: string;
  ownerId: string;
  /** Set only when the owner account was created now; an existing account keeps its password. */
  ownerPassword: string | undefined;
  documentsWritten: number;
}

export const TENANT_ID_PATTERN = /^[a-z0-9][a-z0-9_-]{0,62}$/;

/** `Harbour Coffee & Co.` becomes `harbour-coffee-co`. */
export function tenantIdFromName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 63);
}

/**
 * Creates a tenant everywhere it lives: the Keycloak group and owner account (when Keycloak is
 * used), the tenant with a first store, a till and the owner's staff document in the database,
 * and the Permify tenant with its schema and relationships. Each step looks before it writes,
 * so running it twice, or again after a failure half way, creates nothing twice.
 */
export async function createTenant(
  deps: { db: Database; authorizer: Authorizer; keycloak: KeycloakAdmin | undefined },
  tenant: NewTenant,
  now = new Date(),
): Promise<CreatedTenant> {
  if (!TENANT_ID_PATTERN.test(tenant.id)) {
    throw new Error(`tenant id "${tenant.id}" must be 1–63 lower-case letters, digits, - or _`);
  }
  const [firstName, ...rest] = tenant.ownerName.trim().split(/\s+/);
  const lastName = rest.join(' ') || 'Owner';

  // The staff id of the owner is their Keycloak id, so a token's `sub` names the staff document.
  let ownerId: string;
  let ownerPassword: string | undefined;
  if (deps.keycloak !== undefined) {
    const existing = await findKeycloakUser(deps.keycloak, tenant.ownerEmail);
    ownerPassword = existing === undefined ? newPassword() : undefined;
    await deps.keycloak.ensureTenantGroup(tenant.id, tenant.name);
    ownerId = await deps.keycloak.ensureUser({
      email: tenant.ownerEmail,
      firstName: firstName ?? tenant.ownerEmail,
      lastName,
      role: 'owner',
      tenantId: tenant.id,
      ...(ownerPassword === undefined ? {} : { password: ownerPassword }),
    });
  } else {
    const existing = await findDevUser(deps.db, tenant.id, tenant.ownerEmail);
    ownerId = existing ?? randomUUID();
    ownerPassword = existing === undefined ? newPassword() : undefined;
  }

  const storeId = `store-${tenant.id}-1`;
  const deviceId = `device-${tenant.id}-1`;
  const updatedAt = now.toISOString();
  const owner = await staffMember(updatedAt, storeId, {
    id: ownerId,
    displayName: tenant.ownerName,
    email: tenant.ownerEmail,
    role: 'owner',
    pin: null,
  });
  // The embedded issuer signs in with this; with Keycloak it is never read.
  const passwordHash = await hashPassword(ownerPassword ?? randomBytes(24).toString('base64url'));

  const documentsWritten = await deps.db.transaction(async (tx) => {
    const store = await readMaster(tx, tenant.id, 'stores', storeId);
    return seedTenant(tx, {
      tenant: { id: tenant.id, name: tenant.name },
      documents: [
        ['stores', store === undefined ? [firstStore(tenant, storeId, updatedAt)] : []],
        ['devices', [firstDevice(storeId, deviceId, updatedAt)]],
      ],
      users: [{ staff: owner, password: '' }],
      passwordHashes: [passwordHash],
    });
  });

  await deps.authorizer.syncTenant(tenant.id);

  return { tenantId: tenant.id, storeId, deviceId, ownerId, ownerPassword, documentsWritten };
}

function firstStore(tenant: NewTenant, id: string, updatedAt: string): Store {
  return {
    id,
    updatedAt,
    _deleted: false,
    name: tenant.name,
    code: 'S1',
    timezone: tenant.timezone,
    address: '',
    pricing: {
      currency: tenant.currency,
      pricesIncludeTax: false,
      taxRounding: 'total',
      cashRounding: { increment: 1, mode: 'nearest' },
    },
    discountLimits: { cashier: 10_000, manager: 30_000, owner: 100_000 },
    receiptHeader: tenant.name,
    receiptFooter: 'Thank you!',
  };
}

function firstDevice(storeId: string, id: string, updatedAt: string): Device {
  return { id, updatedAt, _deleted: false, storeId, code: 'T1', name: 'Till 1' };
}

function newPassword(): string {
  return randomBytes(12).toString('base64url');
}

async function findKeycloakUser(
  keycloak: KeycloakAdmin,
  email: string,
): Promise<string | undefined> {
  const found = await keycloak.request(
    'GET',
    `/users?email=${encodeURIComponent(email)}&exact=true&briefRepresentation=true`,
  );
  if (!Array.isArray(found)) return undefined;
  const first: unknown = found[0];
  return typeof first === 'object' &&
    first !== null &&
    'id' in first &&
    typeof first.id === 'string'
    ? first.id
    : undefined;
}

async function findDevUser(
  db: Database,
  tenantId: string,
  email: string,
): Promise<string | undefined> {
  const { rows } = await db.query<{ user_id: string }>(
    'select user_id from dev_credentials where tenant_id = $1 and lower(email) = lower($2)',
    [tenantId, email],
  );
  return rows[0]?.user_id;
}
