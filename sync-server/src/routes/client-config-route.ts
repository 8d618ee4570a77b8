import { Hono } from 'hono';

import type { AppEnv } from '../http/app-env.ts';

/**
 * How the till signs in. Public, because the till asks before anyone is signed in, and it
 * caches the answer so it can start without a network afterwards.
 * TODO(#4): move the shape into shared/src/protocol once the gateway serves it too; the till
 * parses the same fields in client/src/session/client-config.ts.
 */
export type ClientConfig =
  { mode: 'embedded' } | { mode: 'keycloak'; url: string; realm: string; clientId: string };

export const EMBEDDED_CLIENT_CONFIG: ClientConfig = { mode: 'embedded' };

export interface ClientAuthSettings {
  mode: 'embedded' | 'oidc';
  issuer: string;
  clientId: string;
}

const KEYCLOAK_ISSUER = /^(?<url>https?:\/\/.+?)\/realms\/(?<realm>[^/]+)\/?$/;

/** Keycloak's issuer is `<url>/realms/<realm>`; keycloak-js wants the two parts apart. */
export function clientConfigOf(auth: ClientAuthSettings): ClientConfig {
  if (auth.mode === 'embedded') return EMBEDDED_CLIENT_CONFIG;

  const match = KEYCLOAK_ISSUER.exec(auth.issuer);
  const url = match?.groups?.url;
  const realm = match?.groups?.realm;
  if (url === undefined || realm === undefined) {
    throw new Error(`AUTH_ISSUER ${auth.issuer} is not a Keycloak realm URL (…/realms/<realm>)`);
  }
  return { mode: 'keycloak', url, realm: decodeURIComponent(realm), clientId: auth.clientId };
}

export function clientConfigRoute(config: ClientConfig): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.get('/', (c) => {
    // Short-lived in HTTP caches: the till keeps its own copy for offline starts.
    c.header('Cache-Control', 'no-cache');
    return c.json(config);
  });

  return app;
}
