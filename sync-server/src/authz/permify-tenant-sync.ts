import type { Logger } from '../observability/logger.ts';
import { PermifyRequestError, type PermifyClient } from './permify-client.ts';
import type { TenantModel } from './tenant-model.ts';
import { planTenantSync } from './tenant-sync-plan.ts';

export interface PermifyTenantSync {
  /** Makes Permify hold what `readModel` says of the tenant now. */
  syncTenant(tenantId: string): Promise<void>;
  /** The token of this process's last write to the tenant, for read-after-write checks. */
  snapToken(tenantId: string): string | undefined;
}

export interface PermifyTenantSyncParts {
  client: PermifyClient;
  readSchema: () => Promise<string>;
  readModel: (tenantId: string) => Promise<TenantModel>;
  /** Called after every attempt, failed ones too: what Permify holds may have changed. */
  onSynced: (tenantId: string) => void;
  logger: Logger;
}

export function createPermifyTenantSync(parts: PermifyTenantSyncParts): PermifyTenantSync {
  const { client, logger } = parts;
  const snapTokens = new Map<string, string>();
  // Tenants this process created and gave the schema; the schema ships with the server.
  const prepared = new Set<string>();
  const running = new Map<string, Promise<void>>();
  let schema: Promise<string> | undefined;

  async function prepare(tenantId: string) {
    if (prepared.has(tenantId)) return;
    schema ??= parts.readSchema();
    await client.createTenant(tenantId);
    await client.writeSchema(tenantId, await schema);
    prepared.add(tenantId);
  }

  async function rewrite(tenantId: string) {
    await prepare(tenantId);
    const [desired, current] = await Promise.all([
      parts.readModel(tenantId),
      client.readData(tenantId, snapTokens.get(tenantId)),
    ]);
    const plan = planTenantSync(current, desired);

    // Writes before deletions, so a permission both versions grant never lapses in between.
    let snapToken = await client.writeData(tenantId, plan.write);
    for (const deletion of plan.deletions) {
      snapToken = await client.deleteData(tenantId, deletion);
    }
    if (snapToken !== undefined) snapTokens.set(tenantId, snapToken);

    logger.info('permify tenant synced', {
      tenantId,
      tuplesWritten: plan.write.tuples.length,
      attributesWritten: plan.write.attributes.length,
      deletions: plan.deletions.length,
    });
  }

  async function syncOnce(tenantId: string) {
    try {
      await rewrite(tenantId);
    } catch (error) {
      // Permify lost the tenant since this process prepared it (its database was reset).
      if (!(error instanceof PermifyRequestError && error.isMissingTenant)) throw error;
      prepared.delete(tenantId);
      await rewrite(tenantId);
    } finally {
      parts.onSynced(tenantId);
    }
  }

  return {
    // One rewrite per tenant at a time: two interleaved diffs could undo each other's writes.
    syncTenant(tenantId) {
      const previous = running.get(tenantId) ?? Promise.resolve();
      const next = previous.catch(() => undefined).then(() => syncOnce(tenantId));
      running.set(tenantId, next);
      const forget = () => {
        if (running.get(tenantId) === next) running.delete(tenantId);
      };
      next.then(forget, forget);
      return next;
    },

    snapToken: (tenantId) => snapTokens.get(tenantId),
  };
}
