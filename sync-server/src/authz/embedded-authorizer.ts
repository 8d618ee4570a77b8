import type { Queryable } from '../db/database.ts';
import type { Authorizer, AuthzQuestion } from './authorizer.ts';
import { decideWithFacts, factsWantedBy, type LoadFacts } from './authz-facts.ts';
import { readAuthzFacts } from './read-tenant-facts.ts';

/**
 * The default without Permify: reads the staff and store documents each question names and asks
 * the shared model. Always current, so there is nothing to sync.
 */
export function createEmbeddedAuthorizer({ db }: { db: Queryable }): Authorizer {
  return factsAuthorizer((tenantId, wanted) => readAuthzFacts(db, tenantId, wanted));
}

/** An authorizer over any source of facts; tests give it the shared permission cases. */
export function factsAuthorizer(loadFacts: LoadFacts): Authorizer {
  async function checkMany(questions: readonly AuthzQuestion[]) {
    const facts = new Map(
      await Promise.all(
        [...groupByTenant(questions)].map(
          async ([tenantId, asked]) =>
            [tenantId, await loadFacts(tenantId, factsWantedBy(asked))] as const,
        ),
      ),
    );
    return questions.map((question) => {
      const tenantFacts = facts.get(question.tenantId);
      if (tenantFacts === undefined) throw new Error('facts were loaded for every tenant asked');
      return decideWithFacts(question, tenantFacts);
    });
  }

  return {
    checkMany,
    async check(question) {
      const [decision] = await checkMany([question]);
      if (decision === undefined) throw new Error('one question gets one answer');
      return decision;
    },
    async syncTenant() {},
  };
}

export function groupByTenant(questions: readonly AuthzQuestion[]): Map<string, AuthzQuestion[]> {
  const groups = new Map<string, AuthzQuestion[]>();
  for (const question of questions) {
    const group = groups.get(question.tenantId) ?? [];
    group.push(question);
    groups.set(question.tenantId, group);
  }
  return groups;
}
