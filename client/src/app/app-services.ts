import type { AuthProvider } from '../session/auth-provider.ts';
import type { ClientConfig, KeycloakConfig } from '../session/client-config.ts';
import { EmbeddedAuthProvider } from '../session/embedded-auth-provider.ts';
import { installationId } from '../session/installation-id.ts';
import { KeycloakAuthProvider } from '../session/keycloak-auth-provider.ts';
import { keycloakClientFor } from '../session/keycloak-client.ts';
import { SessionManager } from '../session/session-manager.ts';
import { ClockDrift } from '../sync/clock-drift.ts';
import { NetworkMonitor } from '../sync/network-monitor.ts';
import { StreamEndpoints } from '../sync/stream-endpoints.ts';
import { RuntimeHost } from './runtime-host.ts';

export interface AppServices {
  network: NetworkMonitor;
  sessions: SessionManager;
  runtime: RuntimeHost;
  /** How far this device's clock is from the server's, from every API answer. */
  clock: ClockDrift;
  /** `password`: the embedded issuer's form; `redirect`: Keycloak's own sign-in page. */
  signIn: 'password' | 'redirect';
  /** The embedded issuer only runs in development and the demo, so its accounts may show. */
  showDemoHint: boolean;
}

let services: AppServices | undefined;

function keycloakProvider(config: KeycloakConfig): AuthProvider {
  const realmUrl = `${config.url.replace(/\/+$/, '')}/realms/${encodeURIComponent(config.realm)}`;
  return new KeycloakAuthProvider(keycloakClientFor(config), {
    redirectUri: `${window.location.origin}/`,
    currentUrl: () => window.location.href,
    logoutUrl: `${realmUrl}/protocol/openid-connect/logout`,
    clientId: config.clientId,
  });
}

/**
 * The till's long-lived objects, made once per page outside React: StrictMode mounts
 * components twice in development, and nothing here may start twice (keycloak-js least of all).
 */
export function startAppServices(config: ClientConfig): AppServices {
  if (services) return services;

  const network = new NetworkMonitor(window);
  const provider =
    config.mode === 'keycloak' ? keycloakProvider(config) : new EmbeddedAuthProvider();
  const sessions = new SessionManager({
    provider,
    network,
    installationId: () => installationId(),
    window,
  });
  const clock = new ClockDrift();
  const runtime = new RuntimeHost(sessions, network, {
    clock,
    streamEndpoints: () => new StreamEndpoints(config.streamUrls, installationId(), localStorage),
  });

  services = {
    network,
    sessions,
    runtime,
    clock,
    signIn: config.mode === 'keycloak' ? 'redirect' : 'password',
    showDemoHint: import.meta.env.DEV || config.mode === 'embedded',
  };
  sessions.boot();
  runtime.start();
  // Back from Keycloak's sign-in page: finish setting the till up with the new account.
  void sessions.completeRedirectSignIn();
  return services;
}

export function appServices(): AppServices {
  if (!services) throw new Error('appServices() before startAppServices()');
  return services;
}
