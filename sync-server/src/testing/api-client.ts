import type { PushResponse } from '@pos/shared';

import { bearer, pushBody, type TestApp } from './test-app.ts';

export type Doc = Record<string, unknown> & { id: string };

export interface ApiClient {
  /** Pushes new documents (no assumed master) unless rows say otherwise. */
  push(
    collection: string,
    documents: readonly unknown[],
  ): Promise<{ status: number; body: PushResponse<Doc> }>;
  pushRows(
    collection: string,
    rows: { assumedMasterState: Record<string, unknown> | null; newDocumentState: unknown }[],
  ): Promise<{ status: number; body: PushResponse<Doc> }>;
  get<T>(path: string): Promise<{ status: number; body: T }>;
}

/** Requests against the test app as one signed-in user. */
export function apiClient(t: TestApp, token: string): ApiClient {
  const pushRows: ApiClient['pushRows'] = async (collection, rows) => {
    const response = await t.app.request(`/api/sync/${collection}/push`, {
      method: 'POST',
      headers: bearer(token),
      body: pushBody(rows),
    });
    return { status: response.status, body: (await response.json()) as PushResponse<Doc> };
  };

  return {
    pushRows,
    push: (collection, documents) =>
      pushRows(
        collection,
        documents.map((document) => ({ assumedMasterState: null, newDocumentState: document })),
      ),
    async get<T>(path: string) {
      const response = await t.app.request(path, { headers: bearer(token) });
      return { status: response.status, body: (await response.json()) as T };
    },
  };
}
