import {
  CASE_STORES,
  CASE_TENANT_ID,
  PERMISSION_CASES,
  type AuthzSubject,
  type PermissionCase,
} from '@pos/shared';

import type { AuthzQuestion } from './authorizer.ts';
import type { AuthzFacts } from './authz-facts.ts';
import { tenantModel, type TenantModel } from './tenant-model.ts';

/**
 * The tenant of shared/src/authz/permission-cases.ts, for both authorizers to answer. Its
 * subjects hold roles staff documents cannot express (a tenant-wide cashier), so they are
 * loaded as they are rather than through `staffSubject`.
 */
export function permissionCaseSubjects(): AuthzSubject[] {
  return [...new Map(PERMISSION_CASES.map((c) => [c.subject.userId, c.subject])).values()];
}

export function permissionCaseFacts(): AuthzFacts {
  return {
    subjects: new Map(permissionCaseSubjects().map((subject) => [subject.userId, subject])),
    stores: new Map(Object.entries(CASE_STORES)),
  };
}

export function permissionCaseModel(tenantId = CASE_TENANT_ID): TenantModel {
  return tenantModel({
    tenantId,
    subjects: permissionCaseSubjects(),
    stores: Object.entries(CASE_STORES).map(([id, store]) => ({ id, ...store })),
    devices: [],
  });
}

export function caseQuestion(c: PermissionCase, tenantId = CASE_TENANT_ID): AuthzQuestion {
  return {
    tenantId,
    userId: c.subject.userId,
    action: c.action,
    ...(c.storeId === null ? {} : { storeId: c.storeId }),
    ...(c.storeId === null || c.discountMilliPercent === undefined
      ? {}
      : { discountMilliPercent: c.discountMilliPercent }),
  };
}
