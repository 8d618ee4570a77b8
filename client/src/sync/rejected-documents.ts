import type { RejectedDocument } from '@pos/shared';
import { z } from 'zod';

const MAX_KEPT = 200;

const entrySchema = z.object({
  collection: z.string(),
  id: z.string(),
  code: z.string(),
  message: z.string(),
  at: z.string(),
});
export type RejectedEntry = z.infer<typeof entrySchema>;

/**
 * Documents the server would not apply (it keeps them in quarantine) or refused outright.
 * Remembered per tenant across reloads so the till can show them; the documents themselves
 * stay in the local database, nothing is deleted.
 */
export class RejectedDocuments {
  private entries: RejectedEntry[];
  private readonly listeners = new Set<() => void>();
  private readonly key: string;

  constructor(
    tenantId: string,
    private readonly storage: Storage = localStorage,
  ) {
    this.key = `pos.rejected.${tenantId}`;
    this.entries = this.load();
  }

  list(): readonly RejectedEntry[] {
    return this.entries;
  }

  ids(): Set<string> {
    return new Set(this.entries.map((entry) => entry.id));
  }

  remember(collection: string, rejected: readonly RejectedDocument[], now = new Date()): void {
    if (rejected.length === 0) return;
    const at = now.toISOString();
    const incoming = rejected.map((r) => ({
      collection,
      id: r.id,
      code: r.code,
      message: r.message,
      at,
    }));
    const replaced = new Set(incoming.map((entry) => `${entry.collection}/${entry.id}`));

    this.entries = [
      ...incoming,
      ...this.entries.filter((entry) => !replaced.has(`${entry.collection}/${entry.id}`)),
    ].slice(0, MAX_KEPT);
    this.storage.setItem(this.key, JSON.stringify(this.entries));
    this.listeners.forEach((listener) => listener());
  }

  /** Another tab remembered some. */
  reload(): void {
    this.entries = this.load();
    this.listeners.forEach((listener) => listener());
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private load(): RejectedEntry[] {
    try {
      const parsed = z
        .array(entrySchema)
        .safeParse(JSON.parse(this.storage.getItem(this.key) ?? '[]'));
      return parsed.success ? parsed.data : [];
    } catch {
      return [];
    }
  }

  get storageKey(): string {
    return this.key;
  }
}
