import type { ClientConfig } from '@pos/shared';
import { Hono } from 'hono';

import type { AppEnv } from '../http/app-env.ts';

export type { ClientConfig } from '@pos/shared';

export const EMBEDDED_CLIENT_CONFIG: ClientConfig = { mode: 'embedded' };

export interface ClientAuthSettings {
  mode: 'embedded' | 'oidc';
  issuer: string;
  clientId: string;
  /** The sync servers' own URLs for the event stream (STREAM_URLS); empty: the same origin. */
  streamUrls?: readonly string[];
}

const KEYCLOAK_ISSUER = /^(?<url>https?:\/\/.+?)\/realms\/(?<realm>[^/]+)\/?$/;

/** Keycloak's issuer is `<url>/realms/<realm>`; keycloak-js wants the two parts apart. */
export function clientConfigOf(auth: ClientAuthSettings): ClientConfig {
  // Only named when set, so a single server behind no gateway answers what it always did.
  const stream = auth.streamUrls?.length ? { streamUrls: [...auth.streamUrls] } : {};
  if (auth.mode === 'embedded') return { ...EMBEDDED_CLIENT_CONFIG, ...stream };

  const match = KEYCLOAK_ISSUER.exec(auth.issuer);
  const url = match?.groups?.url;
  const realm = match?.groups?.realm;
  if (url === undefined || realm === undefined) {
    throw new Error(`AUTH_ISSUER ${auth.issuer} is not a Keycloak realm URL (…/realms/<realm>)`);
  }
  return {
    mode: 'keycloak',
    url,
    realm: decodeURIComponent(realm),
    clientId: auth.clientId,
    ...stream,
  };
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
