import { authorize, type AuthzDecision, type AuthzSubject, type Store } from '@pos/shared';

import type { AuthzQuestion } from './authorizer.ts';

/**
 * What the permission model needs to know of one tenant to answer some questions: the roles of
 * the users asked about and the live stores asked about. Both authorizers reduce the tenant's
 * documents to these, so they agree on what a document means.
 */
export interface AuthzFacts {
  subjects: ReadonlyMap<string, AuthzSubject>;
  /** Live stores only: a store that is closed or of another tenant is absent. */
  stores: ReadonlyMap<string, Pick<Store, 'discountLimits'>>;
}

/** Which users and stores `questions` need facts about. */
export interface FactsWanted {
  userIds: readonly string[];
  storeIds: readonly string[];
}

export type LoadFacts = (tenantId: string, wanted: FactsWanted) => Promise<AuthzFacts>;

export function factsWantedBy(questions: readonly AuthzQuestion[]): FactsWanted {
  const userIds = new Set(questions.map((q) => q.userId));
  const storeIds = new Set(questions.flatMap((q) => (q.storeId === undefined ? [] : [q.storeId])));
  return { userIds: [...userIds], storeIds: [...storeIds] };
}

const NO_ROLES: Omit<AuthzSubject, 'userId'> = { tenantRoles: [], storeRoles: {} };

/**
 * The shared model's answer. A store that is not live in the tenant is refused before any role
 * counts: Permify only knows live stores, so an owner's tenant-wide roles reach no other.
 */
export function decideWithFacts(question: AuthzQuestion, facts: AuthzFacts): AuthzDecision {
  const { tenantId, userId, action, storeId, discountMilliPercent } = question;
  const store = storeId === undefined ? undefined : facts.stores.get(storeId);
  if (storeId !== undefined && store === undefined) {
    return { allowed: false, reason: 'This store is closed or not part of this organisation' };
  }

  return authorize({
    subject: facts.subjects.get(userId) ?? { userId, ...NO_ROLES },
    action,
    tenantId,
    ...(storeId === undefined ? {} : { storeId }),
    ...(store === undefined ? {} : { store }),
    ...(discountMilliPercent === undefined ? {} : { discountMilliPercent }),
  });
}
