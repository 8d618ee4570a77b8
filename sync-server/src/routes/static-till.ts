import { existsSync } from 'node:fs';

import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';

import type { AppEnv } from '../http/app-env.ts';

const HASHED_ASSET = /^\/assets\//;
const ALWAYS_REVALIDATE = /^\/(?:sw\.js|registerSW\.js|manifest\.webmanifest)$/;
const NOT_THE_TILL = /^\/(?:api|auth|health)(?:\/|$)/;

function cacheControl(path: string, contentType: string): string {
  if (HASHED_ASSET.test(path)) return 'public, max-age=31536000, immutable';
  if (ALWAYS_REVALIDATE.test(path) || contentType.startsWith('text/html')) return 'no-cache';
  return 'public, max-age=3600';
}

/**
 * Serves the built till. Hashed assets never change, so browsers keep them forever; the
 * service worker and index.html must be revalidated or a new release would never load. Any
 * other path the till's router may own gets index.html.
 */
export function staticTill(clientDist: string): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  if (!existsSync(clientDist)) {
    app.get('/', (c) =>
      c.text('The till is not built yet: run `npm run build`, then reload this page.\n'),
    );
    return app;
  }

  app.use('*', async (c, next) => {
    await next();
    if (c.res.status === 200 || c.res.status === 206) {
      c.header('Cache-Control', cacheControl(c.req.path, c.res.headers.get('content-type') ?? ''));
    }
  });
  app.use('*', serveStatic({ root: clientDist }));
  app.get('*', async (c, next) => {
    if (NOT_THE_TILL.test(c.req.path)) return next();
    return serveStatic<AppEnv>({ root: clientDist, path: 'index.html' })(c, next);
  });

  return app;
}
