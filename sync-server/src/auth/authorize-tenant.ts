import type { Action, TenantWideAction } from '@pos/shared';
import type { MiddlewareHandler } from 'hono';

import type { Authorizer, AuthzQuestion } from '../authz/authorizer.ts';
import type { Queryable } from '../db/database.ts';
import type { AppEnv } from '../http/app-env.ts';
import { ApiError } from '../http/api-error.ts';
import type { AuthContext } from './auth-context.ts';
import { loadStaffMember } from './staff-member.ts';

/** What a route needs to ask permission questions about the caller. */
export interface AuthzDeps {
  db: Queryable;
  authorizer: Authorizer;
}

/** Where the caller may do a tenant-wide action: in every store, or in these only. */
export type PermittedScope = { everywhere: true } | { everywhere: false; storeIds: string[] };

/** One question about the caller; the tenant is always the token's, never a document's. */
export function askAbout(auth: AuthContext, action: Action, storeId?: string): AuthzQuestion {
  const where = storeId === undefined ? {} : { storeId };
  return { tenantId: auth.tenantId, userId: auth.userId, action, ...where };
}

/**
 * Asks about the whole tenant and about each live store, in one round trip. A manager of one
 * store sees that store's reports and may keep up the catalogue every store shares; someone
 * allowed nowhere is refused with the tenant-wide reason, which says who can help.
 */
export async function permittedScope(
  deps: AuthzDeps,
  auth: AuthContext,
  action: TenantWideAction,
): Promise<PermittedScope> {
  const storeIds = await liveStoreIds(deps.db, auth.tenantId);
  const [tenant, ...inStores] = await deps.authorizer.checkMany([
    askAbout(auth, action),
    ...storeIds.map((storeId) => askAbout(auth, action, storeId)),
  ]);
  if (tenant === undefined) throw new Error('the authorizer answered no question');
  if (tenant.allowed) return { everywhere: true };

  const allowed = storeIds.filter((_, index) => inStores[index]?.allowed === true);
  if (allowed.length === 0) throw new ApiError('forbidden', tenant.reason);
  return { everywhere: false, storeIds: allowed };
}

export function inScope(scope: PermittedScope, storeId: string): boolean {
  return scope.everywhere || scope.storeIds.includes(storeId);
}

/** The store ids a query may read, or null for every store of the tenant. */
export function scopeFilter(scope: PermittedScope): string[] | null {
  return scope.everywhere ? null : scope.storeIds;
}

/** Refuses a store outside the scope, with the same words as a refused question. */
export function requireInScope(scope: PermittedScope, storeId: string): void {
  if (!inScope(scope, storeId)) {
    throw new ApiError('forbidden', `Your roles do not allow this in store ${storeId}`);
  }
}

/**
 * Passes when any of the questions is allowed, asked in one round trip; refused with the last
 * one's reason, so the most specific question goes last.
 */
export async function requireAnyOf(
  deps: AuthzDeps,
  questions: readonly AuthzQuestion[],
): Promise<void> {
  const decisions = await deps.authorizer.checkMany(questions);
  if (decisions.some((decision) => decision.allowed)) return;
  const last = decisions.at(-1);
  throw new ApiError('forbidden', last?.allowed === false ? last.reason : 'not allowed');
}

/**
 * The caller is a live staff member of the token's tenant. A removed member's token may stay
 * valid for minutes; refusing the whole push keeps their till's rows queued, never dropped.
 */
export async function requireStaffMember(db: Queryable, auth: AuthContext): Promise<void> {
  if ((await loadStaffMember(db, auth.tenantId, auth.userId)) === undefined) {
    throw new ApiError('forbidden', 'you are not a staff member of this organisation');
  }
}

/** Tills read what tills write: any member of the tenant with a role. */
export function requireMember(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (c.get('auth').roles.length === 0) {
      throw new ApiError('forbidden', 'your account has no role in this organisation');
    }
    await next();
  };
}

async function liveStoreIds(db: Queryable, tenantId: string): Promise<string[]> {
  const { rows } = await db.query<{ id: string }>(
    `select id from documents
     where tenant_id = $1 and collection = 'stores' and not deleted order by id`,
    [tenantId],
  );
  return rows.map((row) => row.id);
}
