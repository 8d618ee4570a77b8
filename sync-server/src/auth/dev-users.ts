import { roleSchema, staffSchema, type Role } from '@pos/shared';

import type { Queryable } from '../db/database.ts';

export interface DevCredential {
  userId: string;
  tenantId: string;
  passwordHash: string;
}

export interface DevIdentity {
  userId: string;
  tenantId: string;
  roles: Role[];
  name: string;
  email: string;
}

export async function findDevCredential(
  db: Queryable,
  email: string,
): Promise<DevCredential | undefined> {
  const { rows } = await db.query<{ user_id: string; tenant_id: string; password_hash: string }>(
    'select user_id, tenant_id, password_hash from dev_credentials where lower(email) = lower($1)',
    [email],
  );
  const row = rows[0];
  return row && { userId: row.user_id, tenantId: row.tenant_id, passwordHash: row.password_hash };
}

/**
 * What the embedded issuer puts in a token, read from the staff document each time so a changed
 * role or a removed member takes effect at the next refresh, as it would with Keycloak.
 */
export async function loadDevIdentity(
  db: Queryable,
  tenantId: string,
  userId: string,
): Promise<DevIdentity | undefined> {
  const { rows } = await db.query<{ data: unknown }>(
    `select data from documents
     where tenant_id = $1 and collection = 'staff' and id = $2 and not deleted`,
    [tenantId, userId],
  );
  const staff = staffSchema.safeParse(rows[0]?.data);
  if (!staff.success) return undefined;

  return {
    userId,
    tenantId,
    roles: staff.data.roles.filter((role) => roleSchema.safeParse(role).success),
    name: staff.data.displayName,
    email: staff.data.email,
  };
}
