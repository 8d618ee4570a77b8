import type { PullResponse } from '@pos/shared';

import { bearer, type TestApp } from './test-app.ts';

type Doc = Record<string, unknown> & { id: string };

export interface PulledCollection {
  /** Each page's body exactly as the server sent it. */
  pages: string[];
  /** Every document in the order the pages brought them, older versions included. */
  documents: Doc[];
}

/** Pulls one collection from the start to its end, page by page, as a fresh till does. */
export async function pullAll(
  t: TestApp,
  token: string,
  collection: string,
  limit: number,
): Promise<PulledCollection> {
  const pages: string[] = [];
  const documents: Doc[] = [];
  let seq = 0;
  for (;;) {
    const response = await t.app.request(`/api/sync/${collection}/pull?seq=${seq}&limit=${limit}`, {
      headers: bearer(token),
    });
    if (response.status !== 200) throw new Error(`pull answered ${response.status}`);
    const text = await response.text();
    const page = JSON.parse(text) as PullResponse<Doc>;
    pages.push(text);
    documents.push(...page.documents);
    if (page.documents.length < limit || page.checkpoint === null) break;
    seq = page.checkpoint.seq;
  }
  return { pages, documents };
}
