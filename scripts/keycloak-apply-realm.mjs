// Brings the `pos` realm of Keycloak in step with deploy/keycloak/realm-pos.json. Keycloak
// imports the file only into a database without the realm, so later changes need this.
//
//   node scripts/keycloak-apply-realm.mjs [--url http://localhost:8180]
//     Keycloak running: applies the file's realm settings, roles, tenant groups, clients and
//     demo users through the admin REST API, and leaves everything else (tenants created since,
//     sessions, signing keys) as it is. The admin password comes from KEYCLOAK_ADMIN_PASSWORD.
//
//   node scripts/keycloak-apply-realm.mjs --replace --postgres-url postgres://…
//     Keycloak stopped: deletes the realm and imports the file whole (see replaceRealmOffline).
import { readFileSync } from 'node:fs';

import { register } from 'tsx/esm/api';

import { REALM, REALM_FILE, replaceRealmOffline } from './lib/keycloak.mjs';

const args = process.argv.slice(2);
const flag = (name) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);

if (args.includes('--replace')) {
  const postgresUrl = flag('--postgres-url');
  if (postgresUrl === undefined) {
    console.error('--replace needs --postgres-url, the Postgres Keycloak keeps its database in');
    process.exit(2);
  }
  await replaceRealmOffline({ postgresUrl });
  console.log(`Realm ${REALM} replaced by ${REALM_FILE}; start Keycloak again.`);
  process.exit(0);
}

register();
const { createKeycloakAdmin, KeycloakAdminError } =
  await import('../sync-server/src/tenants/keycloak-admin.ts');

const url = (flag('--url') ?? process.env.KEYCLOAK_URL ?? 'http://localhost:8180').replace(
  /\/+$/,
  '',
);
const password = process.env.KEYCLOAK_ADMIN_PASSWORD ?? 'admin';
const realmFile = JSON.parse(readFileSync(REALM_FILE, 'utf8'));
const OUR_ROLES = new Set(realmFile.roles.realm.map((role) => role.name));

const admin = createKeycloakAdmin({ url, realm: REALM, password });
const problems = [];

const existing = await admin.request('GET', '').catch((error) => {
  if (error instanceof KeycloakAdminError && error.status === 404) return undefined;
  throw error;
});
if (existing === undefined) {
  await createRealm();
  console.log(`Realm ${REALM} created from ${REALM_FILE}.`);
  process.exit(0);
}

const { users, clients, groups, roles, ...settings } = realmFile;
await admin.request('PUT', '', settings);
console.log('realm settings applied');
for (const role of roles.realm) await applyRole(role);
for (const group of groups) await applyGroup(group);
for (const client of clients) await applyClient(client);
for (const user of users) await applyUser(user);

if (problems.length > 0) {
  console.error(`\nNot applied:\n- ${problems.join('\n- ')}`);
  process.exit(1);
}
console.log(`Realm ${REALM} at ${url} is in step with ${REALM_FILE}.`);

/** A missing realm is imported whole, so the demo users keep their staff ids. */
async function createRealm() {
  const tokenResponse = await fetch(`${url}/realms/master/protocol/openid-connect/token`, {
    method: 'POST',
    body: new URLSearchParams({
      grant_type: 'password',
      client_id: 'admin-cli',
      username: 'admin',
      password,
    }),
  });
  const { access_token: token } = await tokenResponse.json();
  const response = await fetch(`${url}/admin/realms`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(realmFile),
  });
  if (response.status !== 201) {
    throw new Error(`creating realm ${REALM}: ${response.status} ${await response.text()}`);
  }
}

async function applyRole(role) {
  const path = `/roles/${encodeURIComponent(role.name)}`;
  const found = await admin.request('GET', path).catch(() => undefined);
  if (found === undefined) await admin.request('POST', '/roles', { name: role.name });
  await admin.request('PUT', path, { name: role.name, description: role.description ?? '' });

  // The composites are exactly those of the file: manager holds cashier, owner holds manager.
  const wanted = new Set(role.composites?.realm ?? []);
  const current = await admin.request('GET', `${path}/composites/realm`);
  const extra = current.filter((composite) => !wanted.has(composite.name));
  const currentNames = new Set(current.map((composite) => composite.name));
  const missing = [];
  for (const name of wanted) {
    if (!currentNames.has(name)) missing.push(await admin.request('GET', `/roles/${name}`));
  }
  if (extra.length > 0) await admin.request('DELETE', `${path}/composites`, extra);
  if (missing.length > 0) await admin.request('POST', `${path}/composites`, missing);
  console.log(`role ${role.name}: applied`);
}

async function applyGroup(group) {
  const [tenantId] = group.attributes.tenant_id;
  const [name] = group.attributes.tenant_name ?? [tenantId];
  await admin.ensureTenantGroup(tenantId, name);
  console.log(`group ${group.name}: applied`);
}

async function applyClient(client) {
  const { protocolMappers = [], defaultClientScopes, optionalClientScopes, ...rep } = client;
  const [found] = await admin.request(
    'GET',
    `/clients?clientId=${encodeURIComponent(client.clientId)}`,
  );
  let id = found?.id;
  if (found === undefined) {
    id = await admin.request('POST', '/clients', rep);
  } else {
    const attributes = { ...found.attributes, ...rep.attributes };
    await admin.request('PUT', `/clients/${id}`, { ...found, ...rep, attributes });
  }

  // Mappers are the file's: matched by name, updated in place, others removed.
  const mappersPath = `/clients/${id}/protocol-mappers/models`;
  const currentMappers = await admin.request('GET', mappersPath);
  for (const mapper of protocolMappers) {
    const same = currentMappers.find((current) => current.name === mapper.name);
    if (same === undefined) await admin.request('POST', mappersPath, mapper);
    else await admin.request('PUT', `${mappersPath}/${same.id}`, { ...mapper, id: same.id });
  }
  for (const current of currentMappers) {
    if (!protocolMappers.some((mapper) => mapper.name === current.name)) {
      await admin.request('DELETE', `${mappersPath}/${current.id}`);
    }
  }

  await applyClientScopes(id, 'default-client-scopes', defaultClientScopes);
  await applyClientScopes(id, 'optional-client-scopes', optionalClientScopes);
  console.log(`client ${client.clientId}: applied`);
}

async function applyClientScopes(clientId, kind, wantedNames) {
  if (wantedNames === undefined) return;
  const scopes = await admin.request('GET', '/client-scopes');
  const current = await admin.request('GET', `/clients/${clientId}/${kind}`);
  for (const name of wantedNames) {
    const scope = scopes.find((candidate) => candidate.name === name);
    if (scope === undefined) {
      problems.push(`client scope ${name} does not exist in the realm`);
    } else if (!current.some((assigned) => assigned.id === scope.id)) {
      await admin.request('PUT', `/clients/${clientId}/${kind}/${scope.id}`);
    }
  }
  for (const assigned of current) {
    if (!wantedNames.includes(assigned.name)) {
      await admin.request('DELETE', `/clients/${clientId}/${kind}/${assigned.id}`);
    }
  }
}

async function applyUser(user) {
  const role = user.realmRoles.find((name) => OUR_ROLES.has(name));
  const tenantGroup = user.groups.find((path) => path.startsWith('/tenant-'));
  const password = user.credentials?.find((credential) => credential.type === 'password')?.value;
  try {
    await admin.ensureUser({
      id: user.id,
      email: user.email,
      firstName: user.firstName,
      lastName: user.lastName,
      role,
      tenantId: tenantGroup.slice('/tenant-'.length),
      ...(password === undefined ? {} : { password }),
    });
    console.log(`user ${user.username}: applied`);
  } catch (error) {
    if (!(error instanceof KeycloakAdminError)) throw error;
    problems.push(
      `user ${user.username}: ${error.message}. A user must keep its staff id, which only a ` +
        'whole-realm import can set: see deploy/keycloak/README.md.',
    );
  }
}
