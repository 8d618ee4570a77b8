import { Workbox } from 'workbox-window';

import { log } from '../app/log.ts';
import { allowUnload } from '../app/unload-guard.ts';
import { errorMessage } from '../session/api-error.ts';
import { usePwaStore } from './pwa-store.ts';

const CHECK_EVERY_MS = 60 * 60 * 1000;
let registered = false;

/**
 * Registers the service worker that precaches the app shell. A new version waits until the
 * cashier chooses to update (never in the middle of a sale); then it takes over and the page
 * reloads. Data lives in IndexedDB, so queued sales are untouched by an update.
 */
export function registerServiceWorker(): void {
  if (registered || import.meta.env.DEV || !('serviceWorker' in navigator)) return;
  registered = true;

  const workbox = new Workbox('/sw.js', { scope: '/' });

  workbox.addEventListener('waiting', () => {
    usePwaStore.setState({
      updateReady: true,
      applyUpdate: () => {
        workbox.addEventListener('controlling', () => {
          allowUnload();
          window.location.reload();
        });
        workbox.messageSkipWaiting();
      },
    });
  });

  workbox
    .register()
    .then((registration) => {
      if (!registration) return;
      setInterval(() => void registration.update().catch(() => undefined), CHECK_EVERY_MS);
      window.addEventListener('online', () => void registration.update().catch(() => undefined));
    })
    .catch((error: unknown) =>
      log.warn('service worker registration failed', { error: errorMessage(error) }),
    );
}
