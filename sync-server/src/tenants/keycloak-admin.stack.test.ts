import { randomBytes } from 'node:crypto';

import { afterAll, describe, expect, it } from 'vitest';
import { z } from 'zod';

import { requireEnv } from '../testing/require-env.ts';
import { createKeycloakAdmin, KeycloakAdminError, tenantGroupName } from './keycloak-admin.ts';

const KEYCLOAK_URL = requireEnv('KEYCLOAK_URL', 'keycloak-admin.stack.test.ts');

const admin = createKeycloakAdmin({
  url: KEYCLOAK_URL,
  password: process.env['KEYCLOAK_ADMIN_PASSWORD'] ?? 'admin',
});
// A tenant of its own per run, so runs against the same Keycloak never meet.
const tenantId = `kc-test-${randomBytes(4).toString('hex')}`;
const email = `owner@${tenantId}.test`;

const idsSchema = z.array(z.object({ id: z.string(), name: z.string().optional() }));
const groupSchema = z.object({ attributes: z.record(z.string(), z.array(z.string())) });

async function passwordGrant(username: string, password: string) {
  const response = await fetch(`${KEYCLOAK_URL}/realms/pos/protocol/openid-connect/token`, {
    method: 'POST',
    body: new URLSearchParams({
      grant_type: 'password',
      client_id: 'pos-tests',
      username,
      password,
    }),
  });
  return {
    status: response.status,
    body: (await response.json()) as { access_token?: string; error?: string },
  };
}

function claimsOf(token: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString()) as Record<
    string,
    unknown
  >;
}

describe('Keycloak admin client', () => {
  const created: { users: string[]; groups: string[] } = { users: [], groups: [] };
  afterAll(async () => {
    for (const id of created.users) await admin.request('DELETE', `/users/${id}`);
    for (const id of created.groups) await admin.request('DELETE', `/groups/${id}`);
  });

  it('creates a tenant group once, with the tenant id the token mapper reads', async () => {
    const first = await admin.ensureTenantGroup(tenantId, 'Test Shop');
    created.groups.push(first);
    const second = await admin.ensureTenantGroup(tenantId, 'Test Shop Renamed');

    const search = new URLSearchParams({ search: tenantGroupName(tenantId), exact: 'true' });
    const found = idsSchema.parse(await admin.request('GET', `/groups?${search}`));
    const group = groupSchema.parse(await admin.request('GET', `/groups/${first}`));
    expect(second).toBe(first);
    expect(found.filter((g) => g.name === tenantGroupName(tenantId))).toHaveLength(1);
    expect(group.attributes).toMatchObject({
      tenant_id: [tenantId],
      tenant_name: ['Test Shop Renamed'],
    });
  });

  it('creates a user once, who signs in with the tenant and role in the token', async () => {
    const user = {
      email,
      firstName: 'Tess',
      lastName: 'Owner',
      role: 'owner',
      tenantId,
      password: 'owner-pass-1',
    } as const;
    const id = await admin.ensureUser(user);
    created.users.push(id);
    const again = await admin.ensureUser({ ...user, email: email.toUpperCase() });

    const search = new URLSearchParams({ email, exact: 'true' });
    const users = idsSchema.parse(await admin.request('GET', `/users?${search}`));
    const signIn = await passwordGrant(email, 'owner-pass-1');
    expect(again).toBe(id);
    expect(users).toHaveLength(1);
    expect(signIn.status).toBe(200);
    const claims = claimsOf(signIn.body.access_token ?? '');
    expect(claims).toMatchObject({ sub: id, tenant_id: tenantId, name: 'Tess Owner', email });
    expect(claims['realm_access']).toMatchObject({
      roles: expect.arrayContaining(['owner', 'manager', 'cashier']) as unknown,
    });
  });

  it('changes the role and password of an existing user without a second account', async () => {
    const id = await admin.ensureUser({
      email,
      firstName: 'Tess',
      lastName: 'Manager',
      role: 'manager',
      tenantId,
      password: 'manager-pass-2',
    });

    const roles = idsSchema.parse(await admin.request('GET', `/users/${id}/role-mappings/realm`));
    const oldPassword = await passwordGrant(email, 'owner-pass-1');
    const newPassword = await passwordGrant(email, 'manager-pass-2');
    expect(created.users).toEqual([id]);
    expect(
      roles.map((r) => r.name).filter((n) => ['cashier', 'manager', 'owner'].includes(n ?? '')),
    ).toEqual(['manager']);
    expect(oldPassword.body).toEqual({
      error: 'invalid_grant',
      error_description: 'Invalid user credentials',
    });
    const claims = claimsOf(newPassword.body.access_token ?? '');
    expect(claims).toMatchObject({ sub: id, name: 'Tess Manager' });
    expect(claims['realm_access']).not.toMatchObject({
      roles: expect.arrayContaining(['owner']) as unknown,
    });
  });

  it('finds the imported demo users by their staff ids', async () => {
    const id = await admin.ensureUser({
      id: 'staff-cashier',
      email: 'cashier@demo.test',
      firstName: 'Casey',
      lastName: 'Cashier',
      role: 'cashier',
      tenantId: 'demo',
    });

    expect(id).toBe('staff-cashier');
  });

  it('refuses to put a user of one tenant into another', async () => {
    const attempt = admin.ensureUser({
      email: 'cashier@harbour.test',
      firstName: 'Hana',
      lastName: 'Harbour',
      role: 'cashier',
      tenantId,
    });

    await expect(attempt).rejects.toThrow(KeycloakAdminError);
    await expect(attempt).rejects.toThrow(/tenant-harbour/);
    const groups = idsSchema.parse(
      await admin.request('GET', '/users/staff-harbour-cashier/groups'),
    );
    expect(groups.map((g) => g.name)).toEqual(['tenant-harbour']);
  });

  it('refuses a user whose tenant has no group yet, and an id Keycloak cannot choose', async () => {
    const base = { firstName: 'No', lastName: 'Body', role: 'cashier', tenantId } as const;

    await expect(
      admin.ensureUser({ ...base, email: 'x@nowhere.test', tenantId: 'no-such-tenant' }),
    ).rejects.toThrow(/no group tenant-no-such-tenant/);
    await expect(
      admin.ensureUser({ ...base, email: 'y@nowhere.test', id: 'staff-made-up' }),
    ).rejects.toThrow(/cannot create a user with a chosen id/);
    const search = new URLSearchParams({ search: 'nowhere.test' });
    expect(idsSchema.parse(await admin.request('GET', `/users?${search}`))).toEqual([]);
  });
});
