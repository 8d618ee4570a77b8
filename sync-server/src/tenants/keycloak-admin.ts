import { roleSchema, type Role } from '@pos/shared';
import { z } from 'zod';

/**
 * A small client of Keycloak's admin REST API for onboarding tenants: one group per tenant
 * carrying the `tenant_id` attribute the token mapper reads, and staff accounts in it. Every
 * call is idempotent, so an interrupted `tenant:create` can simply be run again.
 */
export interface KeycloakAdmin {
  /** Creates `tenant-<tenantId>` or brings its attributes in step; resolves with its id. */
  ensureTenantGroup(tenantId: string, name: string): Promise<string>;
  /** Creates or updates the account of `email`; resolves with its Keycloak id (the staff id). */
  ensureUser(user: TenantUser): Promise<string>;
  /**
   * Any other admin call, relative to `/admin/realms/<realm>`: resolves with the parsed JSON,
   * null for an empty answer, or the new resource's id for 201 Created.
   */
  request(method: string, path: string, body?: unknown): Promise<unknown>;
}

export interface TenantUser {
  email: string;
  firstName: string;
  lastName: string;
  role: Role;
  tenantId: string;
  /** Set (or reset) the password, never temporary; without it an existing one is kept. */
  password?: string;
  /**
   * The id the account must have (the demo users are imported with their staff ids). Keycloak's
   * admin API cannot choose ids for new users, so with `id` the account must exist already.
   */
  id?: string;
}

export interface KeycloakAdminOptions {
  /** Keycloak's base URL, e.g. http://localhost:8180. */
  url: string;
  realm?: string;
  /** An admin of the master realm; the token comes from its `admin-cli` password grant. */
  username?: string;
  password?: string;
}

export class KeycloakAdminError extends Error {
  override readonly name = 'KeycloakAdminError';

  constructor(
    message: string,
    readonly status?: number,
  ) {
    super(message);
  }
}

export const TENANT_ID_ATTRIBUTE = 'tenant_id';
export const TENANT_NAME_ATTRIBUTE = 'tenant_name';
const TENANT_GROUP_PREFIX = 'tenant-';
const TENANT_ID = /^[a-z0-9][a-z0-9_-]{0,62}$/;

export function tenantGroupName(tenantId: string): string {
  return `${TENANT_GROUP_PREFIX}${tenantId}`;
}

const tokenSchema = z.object({ access_token: z.string(), expires_in: z.number() });
const attributesSchema = z.record(z.string(), z.array(z.string())).optional();
const groupSchema = z.looseObject({
  id: z.string(),
  name: z.string(),
  attributes: attributesSchema,
});
const groupsSchema = z.array(groupSchema);
const userSchema = z.looseObject({
  id: z.string(),
  username: z.string(),
  email: z.string().optional(),
  firstName: z.string().optional(),
  lastName: z.string().optional(),
  emailVerified: z.boolean().optional(),
});
const usersSchema = z.array(userSchema);
const roleRepSchema = z.looseObject({ id: z.string(), name: z.string() });
const rolesSchema = z.array(roleRepSchema);

type Group = z.infer<typeof groupSchema>;
type User = z.infer<typeof userSchema>;

export function createKeycloakAdmin(options: KeycloakAdminOptions): KeycloakAdmin {
  const base = options.url.replace(/\/+$/, '');
  const realm = options.realm ?? 'pos';
  const adminBase = `${base}/admin/realms/${encodeURIComponent(realm)}`;
  let token: { value: string; renewAt: number } | undefined;

  async function accessToken(): Promise<string> {
    if (token !== undefined && Date.now() < token.renewAt) return token.value;

    const response = await fetch(`${base}/realms/master/protocol/openid-connect/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'password',
        client_id: 'admin-cli',
        username: options.username ?? 'admin',
        password: options.password ?? 'admin',
      }),
    });
    if (!response.ok) {
      throw new KeycloakAdminError(
        `Keycloak refused the admin sign-in: ${response.status} ${await response.text()}`,
        response.status,
      );
    }
    const parsed = tokenSchema.parse(await response.json());
    // Renewed well before it expires so a slow call never goes out with a stale token.
    token = { value: parsed.access_token, renewAt: Date.now() + (parsed.expires_in - 15) * 1000 };
    return token.value;
  }

  /** Resolves with the parsed body, or with the `Location` header's last segment on 201. */
  async function call(method: string, path: string, body?: unknown): Promise<unknown> {
    const response = await fetch(`${adminBase}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${await accessToken()}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    if (!response.ok) {
      throw new KeycloakAdminError(
        `${method} ${path} answered ${response.status}: ${await response.text()}`,
        response.status,
      );
    }
    if (response.status === 201) return response.headers.get('location')?.split('/').pop();
    const text = await response.text();
    return text === '' ? null : (JSON.parse(text) as unknown);
  }

  async function orUndefinedOn404<T>(work: Promise<T>): Promise<T | undefined> {
    try {
      return await work;
    } catch (error) {
      if (error instanceof KeycloakAdminError && error.status === 404) return undefined;
      throw error;
    }
  }

  async function findGroup(groupName: string): Promise<Group | undefined> {
    const query = new URLSearchParams({
      search: groupName,
      exact: 'true',
      briefRepresentation: 'false',
    });
    const groups = groupsSchema.parse(await call('GET', `/groups?${query}`));
    return groups.find((group) => group.name === groupName);
  }

  async function ensureTenantGroup(tenantId: string, name: string): Promise<string> {
    if (!TENANT_ID.test(tenantId)) {
      throw new KeycloakAdminError(`"${tenantId}" is not a valid tenant id`);
    }
    const groupName = tenantGroupName(tenantId);
    const attributes = { [TENANT_ID_ATTRIBUTE]: [tenantId], [TENANT_NAME_ATTRIBUTE]: [name] };

    const existing = await findGroup(groupName);
    if (existing === undefined) {
      try {
        return z.string().parse(await call('POST', '/groups', { name: groupName, attributes }));
      } catch (error) {
        // Someone created it in between: fall through to bringing it in step.
        if (!(error instanceof KeycloakAdminError && error.status === 409)) throw error;
      }
    }

    const group = existing ?? (await findGroup(groupName));
    if (group === undefined) throw new KeycloakAdminError(`group ${groupName} vanished`);
    const current = group.attributes ?? {};
    const inStep = Object.entries(attributes).every(
      ([key, values]) => JSON.stringify(current[key]) === JSON.stringify(values),
    );
    if (!inStep) {
      await call('PUT', `/groups/${group.id}`, {
        ...group,
        attributes: { ...current, ...attributes },
      });
    }
    return group.id;
  }

  async function findUserByEmail(email: string): Promise<User | undefined> {
    const byEmail = new URLSearchParams({ email, exact: 'true', briefRepresentation: 'false' });
    const byUsername = new URLSearchParams({ username: email, exact: 'true' });
    const users = [
      ...usersSchema.parse(await call('GET', `/users?${byEmail}`)),
      ...usersSchema.parse(await call('GET', `/users?${byUsername}`)),
    ];
    return users[0];
  }

  async function findUser(user: TenantUser, email: string): Promise<User | undefined> {
    const byEmail = await findUserByEmail(email);
    if (user.id === undefined) return byEmail;

    const byId = await orUndefinedOn404(call('GET', `/users/${encodeURIComponent(user.id)}`));
    if (byId === undefined) {
      throw new KeycloakAdminError(
        byEmail === undefined
          ? `no Keycloak user ${user.id}: the admin API cannot create a user with a chosen id`
          : `${email} is Keycloak user ${byEmail.id}, not ${user.id}`,
      );
    }
    const found = userSchema.parse(byId);
    if (byEmail !== undefined && byEmail.id !== found.id) {
      throw new KeycloakAdminError(`${email} is Keycloak user ${byEmail.id}, not ${user.id}`);
    }
    return found;
  }

  async function createUser(user: TenantUser, email: string, groupName: string): Promise<string> {
    const credentials =
      user.password === undefined
        ? []
        : [{ type: 'password', value: user.password, temporary: false }];
    try {
      const created = await call('POST', '/users', {
        username: email,
        email,
        emailVerified: true,
        firstName: user.firstName,
        lastName: user.lastName,
        enabled: true,
        requiredActions: [],
        groups: [`/${groupName}`],
        credentials,
      });
      return z.string().parse(created);
    } catch (error) {
      if (!(error instanceof KeycloakAdminError && error.status === 409)) throw error;
      const raced = await findUserByEmail(email);
      if (raced === undefined) throw error;
      return raced.id;
    }
  }

  async function updateUser(user: TenantUser, email: string, existing: User): Promise<void> {
    const wanted = {
      email,
      emailVerified: true,
      firstName: user.firstName,
      lastName: user.lastName,
    };
    const differs = Object.entries(wanted).some(
      ([key, value]) => existing[key as keyof typeof wanted] !== value,
    );
    // The whole representation goes back: a partial one would clear what it leaves out.
    if (differs) await call('PUT', `/users/${existing.id}`, { ...existing, ...wanted });

    if (user.password !== undefined) {
      await call('PUT', `/users/${existing.id}/reset-password`, {
        type: 'password',
        value: user.password,
        temporary: false,
      });
    }
  }

  /** One tenant per account: a second tenant group would make the `tenant_id` claim ambiguous. */
  async function joinTenantGroup(userId: string, tenantId: string, groupId: string) {
    const groups = groupsSchema.parse(await call('GET', `/users/${userId}/groups`));
    const otherTenant = groups.find(
      (group) => group.name.startsWith(TENANT_GROUP_PREFIX) && group.id !== groupId,
    );
    if (otherTenant !== undefined) {
      throw new KeycloakAdminError(
        `Keycloak user ${userId} belongs to ${otherTenant.name}, not to tenant ${tenantId}`,
      );
    }
    if (!groups.some((group) => group.id === groupId)) {
      await call('PUT', `/users/${userId}/groups/${groupId}`);
    }
  }

  /** Exactly one of our roles as a direct mapping; Keycloak's own roles are left alone. */
  async function setRole(userId: string, role: Role) {
    const mapped = rolesSchema.parse(await call('GET', `/users/${userId}/role-mappings/realm`));
    const ours = mapped.filter((mapping) => roleSchema.safeParse(mapping.name).success);
    const extra = ours.filter((mapping) => mapping.name !== role);
    if (extra.length > 0) await call('DELETE', `/users/${userId}/role-mappings/realm`, extra);
    if (!ours.some((mapping) => mapping.name === role)) {
      const wanted = roleRepSchema.parse(await call('GET', `/roles/${role}`));
      await call('POST', `/users/${userId}/role-mappings/realm`, [wanted]);
    }
  }

  async function ensureUser(user: TenantUser): Promise<string> {
    const email = user.email.trim().toLowerCase();
    const groupName = tenantGroupName(user.tenantId);
    const group = await findGroup(groupName);
    if (group === undefined) {
      throw new KeycloakAdminError(`no group ${groupName}: ensure the tenant group first`);
    }

    // The tenant is checked before anything of an existing account changes.
    const existing = await findUser(user, email);
    const userId = existing?.id ?? (await createUser(user, email, groupName));
    await joinTenantGroup(userId, user.tenantId, group.id);
    if (existing !== undefined) await updateUser(user, email, existing);
    await setRole(userId, user.role);
    return userId;
  }

  return { ensureTenantGroup, ensureUser, request: call };
}
