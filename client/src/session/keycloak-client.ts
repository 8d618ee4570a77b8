import Keycloak, { type KeycloakInitOptions } from 'keycloak-js';

import type { KeycloakConfig } from './client-config.ts';

/**
 * The slice of keycloak-js the till uses: the seam the provider's tests replace, so they run
 * without a browser or a Keycloak.
 */
export type KeycloakClient = Pick<
  Keycloak,
  'init' | 'login' | 'updateToken' | 'clearToken' | 'token' | 'refreshToken' | 'tokenParsed'
> & {
  timeSkew: number | null;
  onTokenExpired?: (() => void) | undefined;
};

const started = new WeakMap<KeycloakClient, Promise<boolean>>();

/**
 * keycloak-js throws on a second `init`, and a second one would also try to redeem the sign-in
 * code twice. The guard lives outside React (StrictMode runs effects twice) and outside the
 * provider, so whoever asks first starts it and everyone else waits for the same answer.
 */
export function initOnce(client: KeycloakClient, options: KeycloakInitOptions): Promise<boolean> {
  let init = started.get(client);
  if (init === undefined) {
    init = client.init(options);
    started.set(client, init);
  }
  return init;
}

let pageClient: { key: string; client: KeycloakClient } | undefined;

/** One keycloak-js instance per page and configuration. */
export function keycloakClientFor(config: KeycloakConfig): KeycloakClient {
  const key = `${config.url} ${config.realm} ${config.clientId}`;
  if (pageClient?.key !== key) {
    const client = new Keycloak({
      url: config.url,
      realm: config.realm,
      clientId: config.clientId,
    });
    pageClient = { key, client };
  }
  return pageClient.client;
}

/** The URL carries the answer of the Keycloak sign-in page (response mode `fragment`). */
export function hasSignInCallback(href: string): boolean {
  const hash = new URL(href).hash.replace(/^#/, '');
  if (hash === '') return false;
  const params = new URLSearchParams(hash);
  return params.has('state') && (params.has('code') || params.has('error'));
}
