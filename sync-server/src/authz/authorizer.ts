import type { Action, AuthzDecision } from '@pos/shared';

/** One question to the permission model: may this user do this, here, for this much? */
export interface AuthzQuestion {
  tenantId: string;
  /** The staff id; with Keycloak it is also the token's `sub`. */
  userId: string;
  action: Action;
  /** Omitted to ask about the whole tenant (tenant-wide actions only). */
  storeId?: string;
  /** Only for apply_discount: the discount asked for, in milli-percent (10 % is 10000). */
  discountMilliPercent?: number;
}

/**
 * Who answers permission questions. The embedded authorizer reads the staff and store documents
 * and asks the shared model; the Permify one asks Permify. Both must agree on every row of
 * shared/src/authz/permission-cases.ts.
 *
 * Both throw ApiError('unavailable') when they cannot answer (Permify down): a caller must then
 * write nothing, so the till retries later and nothing is lost.
 */
export interface Authorizer {
  check(question: AuthzQuestion): Promise<AuthzDecision>;
  /** The answers in the order asked; one round trip where the backend allows it. */
  checkMany(questions: readonly AuthzQuestion[]): Promise<AuthzDecision[]>;
  /**
   * Rewrites what the permission backend knows of one tenant (staff roles, stores, devices,
   * discount limits) from the tenant's documents. Called when a tenant is created and after
   * staff, stores or devices change; the embedded authorizer reads documents directly and does
   * nothing here.
   */
  syncTenant(tenantId: string): Promise<void>;
}
