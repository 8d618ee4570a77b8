import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';

import { App } from './app/app.tsx';
import { startAppServices } from './app/app-services.ts';
import { log } from './app/log.ts';
import { SetupScreen } from './app/setup-screen.tsx';
import { registerServiceWorker } from './pwa/register-service-worker.ts';
import { resolveClientConfig } from './session/client-config.ts';

import './ui/layout.css';
import './app/app.css';

const rootElement = document.getElementById('root');
if (!rootElement) throw new Error('index.html has no #root element');
const root = createRoot(rootElement);

registerServiceWorker();

void resolveClientConfig().then((resolved) => {
  if (!resolved.ok) {
    root.render(<SetupScreen error={resolved.error} onRetry={() => window.location.reload()} />);
    return;
  }

  const services = startAppServices(resolved.config);
  // The server changed how the till signs in: a signed-out till follows at once, a signed-in
  // one on its next start (its session and waiting sales stay as they are until then).
  void resolved.changed.then((config) => {
    if (config === null) return;
    log.info('sign-in mode changed on the server', { mode: config.mode });
    if (services.sessions.state().status === 'signed-out') window.location.reload();
  });

  root.render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
});
