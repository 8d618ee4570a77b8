import type { AuthzDecision } from '@pos/shared';

import type { AuthzQuestion } from './authorizer.ts';

export interface DecisionCache {
  get(question: AuthzQuestion): AuthzDecision | undefined;
  set(question: AuthzQuestion, decision: AuthzDecision): void;
  /** Forgets every answer about one tenant, after its permissions were rewritten. */
  clearTenant(tenantId: string): void;
}

interface Entry {
  decision: AuthzDecision;
  expiresAt: number;
}

/**
 * Remembers answers for `ttlMs`, so a burst of pushes from one till asks Permify once. Bounded:
 * past `maxEntries` the oldest answers of the tenant cached longest go first.
 */
export function createDecisionCache({
  ttlMs,
  maxEntries = 10_000,
  now = Date.now,
}: {
  ttlMs: number;
  maxEntries?: number;
  now?: () => number;
}): DecisionCache {
  const byTenant = new Map<string, Map<string, Entry>>();
  let size = 0;

  function evictOldest() {
    for (const [tenantId, entries] of byTenant) {
      const oldest = entries.keys().next();
      if (oldest.done === true) {
        byTenant.delete(tenantId);
        continue;
      }
      entries.delete(oldest.value);
      size -= 1;
      return;
    }
  }

  return {
    get(question) {
      const entries = byTenant.get(question.tenantId);
      const key = keyOf(question);
      const entry = entries?.get(key);
      if (entry === undefined) return undefined;
      if (entry.expiresAt > now()) return entry.decision;

      entries?.delete(key);
      size -= 1;
      return undefined;
    },

    set(question, decision) {
      if (ttlMs <= 0) return;
      let entries = byTenant.get(question.tenantId);
      if (entries === undefined) {
        entries = new Map();
        byTenant.set(question.tenantId, entries);
      }
      const key = keyOf(question);
      if (!entries.delete(key)) size += 1;
      entries.set(key, { decision, expiresAt: now() + ttlMs });
      while (size > maxEntries) evictOldest();
    },

    clearTenant(tenantId) {
      size -= byTenant.get(tenantId)?.size ?? 0;
      byTenant.delete(tenantId);
    },
  };
}

function keyOf({ userId, action, storeId, discountMilliPercent }: AuthzQuestion): string {
  return JSON.stringify([userId, action, storeId ?? null, discountMilliPercent ?? null]);
}
