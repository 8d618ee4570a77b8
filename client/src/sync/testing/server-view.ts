import { collectionNames, pullResponseSchema, pushResponseSchema } from '@pos/shared';

import type { Snapshot } from './simulated-till.ts';

type Doc = Record<string, unknown>;

/** Deep equality of JSON values whatever the key order (jsonb sorts keys its own way). */
function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const left = a as Doc;
  const right = b as Doc;
  const keys = new Set([...Object.keys(left), ...Object.keys(right)]);
  return [...keys].every((key) => sameJson(left[key], right[key]));
}

/**
 * Differences between the server's documents and a till's, per collection: documents one side
 * lacks, and documents whose version or content differ (with the differing fields).
 */
export function describeDifferences(who: string, server: Snapshot, till: Snapshot): string[] {
  const problems: string[] = [];
  for (const name of collectionNames) {
    const theirs = new Map((till[name] ?? []).map((doc) => [String(doc['id']), doc]));
    for (const doc of server[name] ?? []) {
      const id = String(doc['id']);
      const local = theirs.get(id);
      theirs.delete(id);
      if (local === undefined) {
        problems.push(`${who}: ${name}/${id} missing`);
      } else if (!sameJson(doc, local)) {
        const fields = Object.keys({ ...doc, ...local }).filter((k) => !sameJson(doc[k], local[k]));
        problems.push(`${who}: ${name}/${id} differs in ${fields.join(', ')}`);
      }
    }
    for (const id of theirs.keys()) problems.push(`${who}: ${name}/${id} not on the server`);
  }
  return problems;
}

/** The server's side, read over HTTP as the manager, bypassing every till's network. */
export class ServerView {
  constructor(
    private readonly baseUrl: string,
    private readonly token: string,
  ) {}

  private async get(path: string, token = this.token): Promise<unknown> {
    const response = await fetch(`${this.baseUrl}${path}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    if (!response.ok) throw new Error(`GET ${path} answered ${response.status}`);
    return response.json();
  }

  /** The current master of every document, collection by collection (pulled from zero). */
  async snapshot(): Promise<Snapshot> {
    const snapshot: Snapshot = {};
    for (const name of collectionNames) {
      const byId = new Map<string, Doc>();
      let seq = 0;
      for (;;) {
        const page = pullResponseSchema.parse(
          await this.get(`/api/sync/${name}/pull?seq=${seq}&limit=1000`),
        );
        for (const doc of page.documents) byId.set(String(doc['id']), doc);
        if (page.documents.length < 1000 || page.checkpoint === null) break;
        seq = page.checkpoint.seq;
      }
      snapshot[name] = [...byId.values()];
    }
    return snapshot;
  }

  async onHand(storeId: string): Promise<Record<string, number>> {
    const raw = (await this.get(`/api/stock/on-hand?storeId=${storeId}`)) as Record<
      string,
      unknown
    >;
    return Object.fromEntries(Object.entries(raw).map(([id, value]) => [id, Number(value)]));
  }

  async push(token: string, collection: string, documents: readonly Doc[]): Promise<void> {
    const response = await fetch(`${this.baseUrl}/api/sync/${collection}/push`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        rows: documents.map((doc) => ({ assumedMasterState: null, newDocumentState: doc })),
      }),
    });
    const body = pushResponseSchema.parse(await response.json());
    if (body.conflicts.length > 0 || body.rejected.length > 0) {
      throw new Error(`setup push to ${collection} refused: ${JSON.stringify(body)}`);
    }
  }
}
