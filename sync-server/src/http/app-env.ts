import type { AuthContext } from '../auth/auth-context.ts';
import type { TenantDatabase } from '../db/database.ts';
import type { Logger } from '../observability/logger.ts';

/** What middleware puts on the Hono context for the handlers after it. */
export interface AppEnv {
  Variables: {
    requestId: string;
    logger: Logger;
    /** Set by the auth middleware; only read on routes mounted behind it. */
    auth: AuthContext;
    /** The database as the token's tenant (scopeToTenant); only behind the auth middleware. */
    tenantDb: TenantDatabase;
  };
}
