import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

import { isStoreOnlyAction, type AuthzDecision } from '@pos/shared';

import type { Queryable } from '../db/database.ts';
import { silentLogger, type Logger } from '../observability/logger.ts';
import type { Authorizer, AuthzQuestion } from './authorizer.ts';
import { decideWithFacts, factsWantedBy, type LoadFacts } from './authz-facts.ts';
import { createDecisionCache } from './decision-cache.ts';
import {
  BULK_CHECK_LIMIT,
  createPermifyClient,
  PermifyRequestError,
  type CheckContext,
  type PermifyCheck,
  type PermifyClient,
} from './permify-client.ts';
import { readAuthzFacts, readTenantAuthzDocuments } from './read-tenant-facts.ts';
import { tenantModelFromDocuments, type TenantModel } from './tenant-model.ts';
import { createPermifyTenantSync } from './permify-tenant-sync.ts';

export const DEFAULT_SCHEMA_PATH = fileURLToPath(
  new URL('../../../deploy/permify/schema.perm', import.meta.url),
);

export interface PermifyAuthorizerOptions {
  db: Queryable;
  /** Permify's REST gateway, e.g. http://127.0.0.1:3476. */
  permifyUrl: string;
  schemaPath?: string;
  /** How long an answer is reused within this process; 0 turns the cache off. */
  cacheTtlMs?: number;
  /** How long one request to Permify may take before the answer is `unavailable`. */
  timeoutMs?: number;
  logger?: Logger;
}

export function createPermifyAuthorizer({
  db,
  permifyUrl,
  schemaPath = DEFAULT_SCHEMA_PATH,
  cacheTtlMs = 5000,
  timeoutMs,
  logger = silentLogger,
}: PermifyAuthorizerOptions): Authorizer {
  const client = createPermifyClient({
    url: permifyUrl,
    logger,
    ...(timeoutMs === undefined ? {} : { timeoutMs }),
  });
  return permifyAuthorizer({
    client,
    readSchema: () => readFile(schemaPath, 'utf8'),
    readModel: async (tenantId) =>
      tenantModelFromDocuments(tenantId, await readTenantAuthzDocuments(db, tenantId)),
    loadFacts: (tenantId, wanted) => readAuthzFacts(db, tenantId, wanted),
    cacheTtlMs,
    logger,
  });
}

export interface PermifyAuthorizerParts {
  client: PermifyClient;
  readSchema: () => Promise<string>;
  /** What Permify should hold for the tenant now. */
  readModel: (tenantId: string) => Promise<TenantModel>;
  /** The same tenant as facts, to word a refusal as the shared model does. */
  loadFacts: LoadFacts;
  cacheTtlMs: number;
  logger: Logger;
}

/** Shown when Permify refuses what the documents allow, which only a lagging sync causes. */
const DRIFT_REASON = 'Not allowed by the permissions of this organisation';
const ALLOWED: AuthzDecision = { allowed: true };

/**
 * Asks Permify, one tenant per POS tenant. Answers pass the snap token of this process's last
 * write to the tenant, so a check right after `syncTenant` sees what it wrote.
 */
export function permifyAuthorizer(parts: PermifyAuthorizerParts): Authorizer {
  const { client, logger } = parts;
  const cache = createDecisionCache({ ttlMs: parts.cacheTtlMs });
  const tenants = createPermifyTenantSync({
    client,
    readSchema: parts.readSchema,
    readModel: parts.readModel,
    onSynced: (tenantId) => cache.clearTenant(tenantId),
    logger,
  });

  async function askPermify(tenantId: string, asked: readonly AuthzQuestion[]): Promise<boolean[]> {
    const groups = new Map<string, { context?: CheckContext; indexes: number[] }>();
    asked.forEach((question, index) => {
      const discount =
        question.action === 'apply_discount' ? question.discountMilliPercent : undefined;
      const key = String(discount);
      const group = groups.get(key) ?? {
        indexes: [],
        ...(discount === undefined ? {} : { context: { discount } }),
      };
      group.indexes.push(index);
      groups.set(key, group);
    });

    const answers: boolean[] = new Array<boolean>(asked.length).fill(false);
    const snapToken = tenants.snapToken(tenantId);
    const requests = [...groups.values()].flatMap(({ context, indexes }) =>
      chunks(indexes, BULK_CHECK_LIMIT).map(async (chunk) => {
        const checks = chunk.map((index) => permifyCheck(asked[index] as AuthzQuestion));
        const allowed =
          checks.length === 1
            ? [await client.check(tenantId, checks[0] as PermifyCheck, context, snapToken)]
            : await client.bulkCheck(tenantId, checks, context, snapToken);
        chunk.forEach((index, at) => (answers[index] = allowed[at] === true));
      }),
    );
    await Promise.all(requests);
    return answers;
  }

  async function askPermifyOrSync(tenantId: string, asked: readonly AuthzQuestion[]) {
    try {
      return await askPermify(tenantId, asked);
    } catch (error) {
      // A tenant Permify has never heard of (a fresh Permify, or created by another server).
      if (!(error instanceof PermifyRequestError && error.isMissingTenant)) throw error;
      logger.warn('permify tenant missing, syncing it', { tenantId });
      await tenants.syncTenant(tenantId);
      return askPermify(tenantId, asked);
    }
  }

  async function decideTenant(
    tenantId: string,
    asked: readonly AuthzQuestion[],
  ): Promise<AuthzDecision[]> {
    const cached = asked.map((question) =>
      answerable(question) ? cache.get(question) : undefined,
    );
    const toAsk = new Set(asked.filter((q, index) => cached[index] === undefined && answerable(q)));

    const answers = await askPermifyOrSync(tenantId, [...toAsk]);
    const permitted = new Set([...toAsk].filter((_, at) => answers[at] === true));

    // Permify says only no; the shared model over the same documents says why.
    const refused = asked.filter((q, index) => cached[index] === undefined && !permitted.has(q));
    const facts =
      refused.length === 0 ? undefined : await parts.loadFacts(tenantId, factsWantedBy(refused));

    return asked.map((question, index) => {
      const decision =
        cached[index] ??
        (permitted.has(question) || facts === undefined
          ? ALLOWED
          : refusal(question, decideWithFacts(question, facts)));
      if (toAsk.has(question)) cache.set(question, decision);
      return decision;
    });
  }

  function refusal(question: AuthzQuestion, embedded: AuthzDecision): AuthzDecision {
    if (!embedded.allowed) return embedded;
    if (!answerable(question)) return { allowed: false, reason: 'That is not a discount' };

    logger.warn('permify refused what the documents allow', {
      tenantId: question.tenantId,
      userId: question.userId,
      action: question.action,
      storeId: question.storeId,
    });
    return { allowed: false, reason: DRIFT_REASON };
  }

  async function checkMany(questions: readonly AuthzQuestion[]): Promise<AuthzDecision[]> {
    const byTenant = new Map<string, number[]>();
    questions.forEach((question, index) => {
      byTenant.set(question.tenantId, [...(byTenant.get(question.tenantId) ?? []), index]);
    });

    const decisions = new Array<AuthzDecision>(questions.length);
    await Promise.all(
      [...byTenant].map(async ([tenantId, indexes]) => {
        const answers = await decideTenant(
          tenantId,
          indexes.map((index) => questions[index] as AuthzQuestion),
        );
        indexes.forEach((index, at) => (decisions[index] = answers[at] as AuthzDecision));
      }),
    );
    return decisions;
  }

  return {
    checkMany,
    async check(question) {
      const [decision] = await checkMany([question]);
      if (decision === undefined) throw new Error('one question gets one answer');
      return decision;
    },
    syncTenant: (tenantId) => tenants.syncTenant(tenantId),
  };
}

/**
 * Questions Permify cannot take: a till action without a store has no permission on the
 * organization, and a discount rule without an integer discount fails instead of refusing.
 * They are refused here, with the shared model's reason.
 */
function answerable({ action, storeId, discountMilliPercent: discount }: AuthzQuestion): boolean {
  if (storeId === undefined && isStoreOnlyAction(action)) return false;
  if (action !== 'apply_discount') return true;
  return discount !== undefined && Number.isSafeInteger(discount) && discount >= 0;
}

function permifyCheck({ tenantId, userId, action, storeId }: AuthzQuestion): PermifyCheck {
  return {
    entity:
      storeId === undefined
        ? { type: 'organization', id: tenantId }
        : { type: 'store', id: storeId },
    permission: action,
    subject: { type: 'user', id: userId },
  };
}

function chunks<T>(items: readonly T[], size: number): T[][] {
  const result: T[][] = [];
  for (let start = 0; start < items.length; start += size) {
    result.push(items.slice(start, start + size));
  }
  return result;
}
