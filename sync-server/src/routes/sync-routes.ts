import {
  isCollectionName,
  pushRequestSchema,
  readCheckpoint,
  type CollectionName,
} from '@pos/shared';
import { Hono } from 'hono';

import type { Authorizer } from '../authz/authorizer.ts';
import type { PullPageCache } from '../cache/pull-page-cache.ts';
import type { Database } from '../db/database.ts';
import { ApiError } from '../http/api-error.ts';
import type { AppEnv } from '../http/app-env.ts';
import { readBody } from '../http/read-body.ts';
import { tenantAuthz } from '../http/tenant-database.ts';
import { changesPermissions, type AuthzSync } from '../replication/authz-sync.ts';
import type { ChangeBus } from '../replication/change-bus.ts';
import { readPullLimit } from '../replication/pull-documents.ts';
import { pushDocuments } from '../replication/push-documents.ts';
import { requirePushPermission } from '../replication/push-permissions.ts';
import { streamChanges } from '../replication/stream-changes.ts';

export interface SyncRouteDeps {
  db: Database;
  bus: ChangeBus;
  authorizer: Authorizer;
  authzSync: AuthzSync;
  /** Reads pull pages, through Redis for the catalog when the server has it. */
  pullPages: PullPageCache;
  now: () => Date;
  shutdown: AbortSignal;
}

function collectionParam(name: string): CollectionName {
  if (!isCollectionName(name)) throw new ApiError('not_found', `no collection named ${name}`);
  return name;
}

/** The RxDB replication endpoints; mounted behind `authenticate`. */
export function syncRoutes(deps: SyncRouteDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.get('/stream', (c) => streamChanges(c, deps.bus, deps.shutdown));

  app.get('/:collection/pull', async (c) => {
    const collection = collectionParam(c.req.param('collection'));
    const since = readCheckpoint(c.req.query('seq'));
    const limit = readPullLimit(c.req.query('limit'));

    const page = await deps.pullPages.pull(c.get('auth').tenantId, collection, since, limit);
    return c.body(page, 200, { 'content-type': 'application/json' });
  });

  app.post('/:collection/push', async (c) => {
    const collection = collectionParam(c.req.param('collection'));
    const auth = c.get('auth');
    await requirePushPermission(tenantAuthz(c, deps.authorizer), auth, collection);
    const { rows } = await readBody(c, pushRequestSchema);

    const pusher = { tenantId: auth.tenantId, userId: auth.userId, now: deps.now() };
    const { response, notices, written } = await pushDocuments(deps, pusher, collection, rows);
    // Committed already: a failed sync is logged and retried, and never fails this push.
    if (changesPermissions(written)) await deps.authzSync.tenantChanged(auth.tenantId);

    const logger = c.get('logger');
    for (const notice of notices) logger.warn(notice.event, { collection, ...notice.fields });
    for (const rejected of response.rejected) {
      logger.warn('document quarantined', {
        collection,
        documentId: rejected.id,
        code: rejected.code,
      });
    }
    logger.info('push applied', {
      collection,
      rows: rows.length,
      conflicts: response.conflicts.length,
      rejected: response.rejected.length,
    });
    return c.json(response);
  });

  return app;
}
