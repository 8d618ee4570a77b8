import type { AuthzConfig } from '../config.ts';
import type { Queryable } from '../db/database.ts';
import type { Logger } from '../observability/logger.ts';
import type { Authorizer } from './authorizer.ts';
import { createEmbeddedAuthorizer } from './embedded-authorizer.ts';
import { createPermifyAuthorizer } from './permify-authorizer.ts';

/** The authorizer the configuration asks for; the server and the tenant CLI share it. */
export function createAuthorizer(config: AuthzConfig, db: Queryable, logger: Logger): Authorizer {
  if (config.mode === 'embedded') return createEmbeddedAuthorizer({ db });
  return createPermifyAuthorizer({
    db,
    permifyUrl: config.permifyUrl,
    cacheTtlMs: config.cacheTtlMs,
    logger,
  });
}
