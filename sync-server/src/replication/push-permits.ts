import type { AuthzDecision } from '@pos/shared';

import type { Authorizer, AuthzQuestion } from '../authz/authorizer.ts';

/** A question about the pushing tenant: its tenant is the token's, never a document's. */
export type PushQuestion = Omit<AuthzQuestion, 'tenantId'>;

/**
 * The answers to every question a push raises. They are asked in one round trip before the
 * push's transaction: a rule must never wait on the permission backend while it holds the
 * tenant's write lock, and on PGlite the embedded authorizer's reads would wait for that very
 * transaction.
 */
export interface Permits {
  decision(question: PushQuestion): AuthzDecision;
}

export async function askPermits(
  authorizer: Authorizer,
  tenantId: string,
  questions: readonly PushQuestion[],
): Promise<Permits> {
  const unique = new Map(questions.map((question) => [questionKey(question), question]));
  const asked = [...unique.values()];
  const answers =
    asked.length === 0
      ? []
      : await authorizer.checkMany(asked.map((question) => ({ ...question, tenantId })));
  if (answers.length !== asked.length) {
    throw new Error(`the authorizer answered ${answers.length} of ${asked.length} questions`);
  }
  const byKey = new Map(asked.map((question, index) => [questionKey(question), answers[index]]));

  return {
    decision(question) {
      const answer = byKey.get(questionKey(question));
      // A rule asking what its `questions` did not raise is a bug, not a refusal: failing the
      // push keeps the till's rows queued instead of quarantining them for nothing.
      if (answer === undefined)
        throw new Error(`not asked before the push: ${questionKey(question)}`);
      return answer;
    },
  };
}

function questionKey(question: PushQuestion): string {
  const { userId, action, storeId, discountMilliPercent } = question;
  return JSON.stringify([userId, action, storeId ?? null, discountMilliPercent ?? null]);
}
