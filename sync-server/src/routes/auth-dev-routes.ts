import { Hono, type Context } from 'hono';
import { z } from 'zod';

import type { EmbeddedIssuer } from '../auth/embedded-issuer.ts';
import { ApiError } from '../http/api-error.ts';
import type { AppEnv } from '../http/app-env.ts';
import { readBody } from '../http/read-body.ts';

const passwordGrantSchema = z.object({
  username: z.string().min(1).max(254),
  password: z.string().min(1).max(200),
});

const refreshGrantSchema = z.object({ refresh_token: z.string().min(1).max(8192) });

/**
 * Keycloak's token endpoint takes a form; accepting one too (besides JSON) lets the till use
 * the same request against either issuer.
 */
async function readGrant<S extends z.ZodType>(c: Context, schema: S): Promise<z.infer<S>> {
  if (!(c.req.header('content-type') ?? '').includes('application/x-www-form-urlencoded')) {
    return readBody(c, schema);
  }
  const parsed = schema.safeParse(Object.fromEntries(new URLSearchParams(await c.req.text())));
  if (!parsed.success) {
    throw new ApiError('validation_failed', 'the body is not valid', parsed.error.issues);
  }
  return parsed.data;
}

/** The embedded development issuer's routes; with Keycloak (AUTH_MODE=oidc) they are not mounted. */
export function authDevRoutes(issuer: EmbeddedIssuer): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.post('/token', async (c) => {
    const { username, password } = await readGrant(c, passwordGrantSchema);
    const tokens = await issuer.passwordGrant(username, password);
    c.header('Cache-Control', 'no-store');
    return c.json(tokens);
  });

  app.post('/refresh', async (c) => {
    const { refresh_token: refreshToken } = await readGrant(c, refreshGrantSchema);
    const tokens = await issuer.refreshGrant(refreshToken);
    c.header('Cache-Control', 'no-store');
    return c.json(tokens);
  });

  app.get('/jwks.json', (c) => {
    c.header('Cache-Control', 'public, max-age=300');
    return c.json(issuer.jwks());
  });

  return app;
}
