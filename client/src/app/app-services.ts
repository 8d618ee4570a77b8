import { EmbeddedAuthProvider } from '../session/embedded-auth-provider.ts';
import { installationId } from '../session/installation-id.ts';
import { SessionManager } from '../session/session-manager.ts';
import { NetworkMonitor } from '../sync/network-monitor.ts';
import { RuntimeHost } from './runtime-host.ts';

export interface AppServices {
  network: NetworkMonitor;
  sessions: SessionManager;
  runtime: RuntimeHost;
  /** The embedded issuer only runs in development and the demo, so its accounts may show. */
  showDemoHint: boolean;
}

let services: AppServices | undefined;

/**
 * The till's long-lived objects, made once per page outside React: StrictMode mounts
 * components twice in development, and nothing here may start twice.
 */
export function appServices(): AppServices {
  if (services) return services;

  const network = new NetworkMonitor(window);
  // TODO(#4): choose the Keycloak provider when the server reports Keycloak mode.
  const provider = new EmbeddedAuthProvider();
  const sessions = new SessionManager({
    provider,
    network,
    installationId: () => installationId(),
    window,
  });
  const runtime = new RuntimeHost(sessions, network);

  services = {
    network,
    sessions,
    runtime,
    showDemoHint: import.meta.env.DEV || provider instanceof EmbeddedAuthProvider,
  };
  sessions.boot();
  runtime.start();
  return services;
}
