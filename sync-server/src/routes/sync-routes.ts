import {
  isCollectionName,
  pushRequestSchema,
  readCheckpoint,
  type CollectionName,
} from '@pos/shared';
import { Hono } from 'hono';

import type { Database } from '../db/database.ts';
import { ApiError } from '../http/api-error.ts';
import type { AppEnv } from '../http/app-env.ts';
import { readBody } from '../http/read-body.ts';
import type { ChangeBus } from '../replication/change-bus.ts';
import { pullDocuments, readPullLimit } from '../replication/pull-documents.ts';
import { pushDocuments } from '../replication/push-documents.ts';
import { mayPush } from '../replication/push-permissions.ts';
import { streamChanges } from '../replication/stream-changes.ts';

export interface SyncRouteDeps {
  db: Database;
  bus: ChangeBus;
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

    return c.json(await pullDocuments(deps.db, c.get('auth').tenantId, collection, since, limit));
  });

  app.post('/:collection/push', async (c) => {
    const collection = collectionParam(c.req.param('collection'));
    const auth = c.get('auth');
    if (!mayPush(auth, collection)) {
      throw new ApiError('forbidden', `your roles may not write ${collection}`);
    }
    const { rows } = await readBody(c, pushRequestSchema);

    const context = { tenantId: auth.tenantId, userId: auth.userId, now: deps.now() };
    const { response, notices } = await pushDocuments(deps.db, deps.bus, context, collection, rows);

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
