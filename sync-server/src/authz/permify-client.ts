import { ApiError } from '../http/api-error.ts';
import { silentLogger, type Logger } from '../observability/logger.ts';
import type { PermifyAttribute, PermifyRef, TenantModel } from './tenant-model.ts';
import type { DataDeletion } from './tenant-sync-plan.ts';

export interface PermifyCheck {
  entity: PermifyRef;
  permission: string;
  subject: PermifyRef;
}

/** Values the schema's rules read as `context.data.<key>`. */
export type CheckContext = Readonly<Record<string, number>>;

export interface PermifyClientOptions {
  /** The REST gateway, e.g. http://127.0.0.1:3476. */
  url: string;
  timeoutMs?: number;
  logger?: Logger;
}

/** Permify understood the request and refused it (4xx): a bug or a missing tenant, not an outage. */
export class PermifyRequestError extends Error {
  override readonly name = 'PermifyRequestError';

  constructor(
    readonly status: number,
    /** Permify's own error name, e.g. ERROR_CODE_SCHEMA_NOT_FOUND. */
    readonly permifyMessage: string,
  ) {
    super(`Permify refused the request (${status}): ${permifyMessage}`);
  }

  get isMissingTenant(): boolean {
    return /SCHEMA_NOT_FOUND|TENANT_NOT_FOUND/.test(this.permifyMessage);
  }
}

export interface PermifyClient {
  /** Creates the tenant; one that exists already is fine. */
  createTenant(tenantId: string): Promise<void>;
  writeSchema(tenantId: string, schema: string): Promise<string>;
  /** Returns the snap token of the write, or undefined when there was nothing to write. */
  writeData(tenantId: string, data: TenantModel): Promise<string | undefined>;
  deleteData(tenantId: string, deletion: DataDeletion): Promise<string>;
  readData(tenantId: string, snapToken?: string): Promise<TenantModel>;
  check(
    tenantId: string,
    check: PermifyCheck,
    context?: CheckContext,
    snapToken?: string,
  ): Promise<boolean>;
  /** One round trip for up to BULK_CHECK_LIMIT checks that share one context. */
  bulkCheck(
    tenantId: string,
    checks: readonly PermifyCheck[],
    context?: CheckContext,
    snapToken?: string,
  ): Promise<boolean[]>;
}

/** Permify's validation refuses bulk checks of more items. */
export const BULK_CHECK_LIMIT = 100;
// The server refuses writes larger than its database-max-data-per-write (1000 by default).
const WRITE_CHUNK = 500;
const PAGE_SIZE = 500;
// Deep enough for store -> org -> role; Permify refuses anything below 3.
const CHECK_DEPTH = 20;
const INTEGER_VALUE = 'type.googleapis.com/base.v1.IntegerValue';

export const UNAVAILABLE_MESSAGE = 'permission service unreachable, retry later';

interface WireRef {
  type: string;
  id: string;
}
interface WireTuple {
  entity: WireRef;
  relation: string;
  subject: WireRef;
}
interface WireAttribute {
  entity: WireRef;
  attribute: string;
  value?: { data?: unknown };
}
interface WireCheckResult {
  can?: string;
}

/** A small client of Permify's REST API, only what the POS model needs. */
export function createPermifyClient({
  url,
  timeoutMs = 3000,
  logger = silentLogger,
}: PermifyClientOptions): PermifyClient {
  const base = url.replace(/\/+$/, '');

  async function post<T>(path: string, body: unknown): Promise<T> {
    let response: Response;
    let text: string;
    try {
      response = await fetch(`${base}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(timeoutMs),
      });
      text = await response.text();
    } catch (error) {
      // Refused, reset or timed out: Permify is down or too slow to wait for at a till.
      logger.warn('permify unreachable', { path, error });
      throw new ApiError('unavailable', UNAVAILABLE_MESSAGE);
    }

    // Overloaded (429) or failing (5xx): the request may succeed later, so the caller retries.
    if (response.status === 429 || response.status >= 500) {
      logger.warn('permify failed', { path, status: response.status, body: text.slice(0, 500) });
      throw new ApiError('unavailable', UNAVAILABLE_MESSAGE);
    }
    if (!response.ok) {
      throw new PermifyRequestError(response.status, messageOf(text));
    }
    return JSON.parse(text) as T;
  }

  const tenantPath = (tenantId: string, rest: string) =>
    `/v1/tenants/${encodeURIComponent(tenantId)}/${rest}`;

  async function readAll<T>(
    path: string,
    snapToken: string | undefined,
    pick: (page: Record<string, unknown>) => T[],
  ): Promise<T[]> {
    const items: T[] = [];
    let continuousToken = '';
    do {
      const page = await post<Record<string, unknown>>(path, {
        metadata: snapToken === undefined ? {} : { snap_token: snapToken },
        filter: {},
        page_size: PAGE_SIZE,
        ...(continuousToken === '' ? {} : { continuous_token: continuousToken }),
      });
      items.push(...pick(page));
      continuousToken =
        typeof page['continuous_token'] === 'string' ? page['continuous_token'] : '';
    } while (continuousToken !== '');
    return items;
  }

  return {
    async createTenant(tenantId) {
      try {
        await post('/v1/tenants/create', { id: tenantId, name: tenantId });
      } catch (error) {
        if (
          error instanceof PermifyRequestError &&
          /UNIQUE_CONSTRAINT/.test(error.permifyMessage)
        ) {
          return;
        }
        throw error;
      }
    },

    async writeSchema(tenantId, schema) {
      const written = await post<{ schema_version: string }>(
        tenantPath(tenantId, 'schemas/write'),
        { schema },
      );
      return written.schema_version;
    },

    async writeData(tenantId, { tuples, attributes }) {
      const items = [
        ...tuples.map((tuple) => ({ tuple })),
        ...attributes.map((attribute) => ({ attribute })),
      ];
      let snapToken: string | undefined;
      for (let start = 0; start < items.length; start += WRITE_CHUNK) {
        const chunk = items.slice(start, start + WRITE_CHUNK);
        const written = await post<{ snap_token: string }>(tenantPath(tenantId, 'data/write'), {
          metadata: {},
          tuples: chunk.flatMap((item) => ('tuple' in item ? [item.tuple] : [])),
          attributes: chunk.flatMap((item) =>
            'attribute' in item ? [wireAttribute(item.attribute)] : [],
          ),
        });
        snapToken = written.snap_token;
      }
      return snapToken;
    },

    async deleteData(tenantId, { tuples, attributes }) {
      const deleted = await post<{ snap_token: string }>(tenantPath(tenantId, 'data/delete'), {
        tuple_filter:
          tuples === undefined
            ? {}
            : {
                entity: { type: tuples.entity.type, ids: [tuples.entity.id] },
                relation: tuples.relation,
                subject: { type: tuples.subjectType, ids: tuples.subjectIds },
              },
        attribute_filter:
          attributes === undefined
            ? {}
            : {
                entity: { type: attributes.entity.type, ids: [attributes.entity.id] },
                attributes: attributes.names,
              },
      });
      return deleted.snap_token;
    },

    async readData(tenantId, snapToken) {
      const tuples = await readAll(
        tenantPath(tenantId, 'data/relationships/read'),
        snapToken,
        (page) => (page['tuples'] as WireTuple[] | undefined) ?? [],
      );
      const attributes = await readAll(
        tenantPath(tenantId, 'data/attributes/read'),
        snapToken,
        (page) => (page['attributes'] as WireAttribute[] | undefined) ?? [],
      );
      return {
        tuples: tuples.map((t) => ({
          entity: ref(t.entity),
          relation: t.relation,
          subject: ref(t.subject),
        })),
        attributes: attributes.flatMap((a) =>
          typeof a.value?.data === 'number'
            ? [{ entity: ref(a.entity), attribute: a.attribute, value: a.value.data }]
            : [],
        ),
      };
    },

    async check(tenantId, check, context, snapToken) {
      const result = await post<WireCheckResult>(tenantPath(tenantId, 'permissions/check'), {
        metadata: metadataOf(snapToken),
        ...check,
        ...(context === undefined ? {} : { context: { data: context } }),
      });
      return result.can === 'CHECK_RESULT_ALLOWED';
    },

    async bulkCheck(tenantId, checks, context, snapToken) {
      if (checks.length === 0) return [];
      if (checks.length > BULK_CHECK_LIMIT) {
        throw new RangeError(`at most ${BULK_CHECK_LIMIT} checks per bulk check`);
      }
      const response = await post<{ results?: WireCheckResult[] }>(
        tenantPath(tenantId, 'permissions/bulk-check'),
        {
          metadata: metadataOf(snapToken),
          items: checks,
          ...(context === undefined ? {} : { context: { data: context } }),
        },
      );
      const results = response.results ?? [];
      if (results.length !== checks.length) {
        throw new Error(`Permify answered ${results.length} of ${checks.length} bulk checks`);
      }
      return results.map((result) => result.can === 'CHECK_RESULT_ALLOWED');
    },
  };
}

function metadataOf(snapToken: string | undefined) {
  return { depth: CHECK_DEPTH, ...(snapToken === undefined ? {} : { snap_token: snapToken }) };
}

function wireAttribute({ entity, attribute, value }: PermifyAttribute) {
  return { entity, attribute, value: { '@type': INTEGER_VALUE, data: value } };
}

function ref(wire: WireRef): PermifyRef {
  return { type: wire.type as PermifyRef['type'], id: wire.id };
}

function messageOf(text: string): string {
  try {
    const body = JSON.parse(text) as { message?: unknown };
    return typeof body.message === 'string' ? body.message : text.slice(0, 200);
  } catch {
    return text.slice(0, 200);
  }
}
