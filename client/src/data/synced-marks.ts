const TRACKED = new Set(['shifts', 'cash_movements']);

/** Whether the server's copy of a collection's documents is tracked here (see SyncedMarks). */
export function tracksSyncedMarks(collection: string): boolean {
  return TRACKED.has(collection);
}

function memoryStorage(): Pick<Storage, 'getItem' | 'setItem'> {
  const items = new Map<string, string>();
  return {
    getItem: (key) => items.get(key) ?? null,
    setItem: (key, value) => void items.set(key, value),
  };
}

/**
 * The version (`updatedAt`) of each shift and cash movement the server is known to hold: set
 * when a push is accepted or a pull brings the document. Unlike sales, the server adds no field
 * to these documents, so without this the till could not tell a stored shift from a queued one.
 * Kept in localStorage so every tab of the till agrees on what is still waiting.
 */
export class SyncedMarks {
  private marks: Record<string, string>;
  private readonly listeners = new Set<() => void>();

  constructor(
    readonly storageKey: string,
    private readonly storage: Pick<Storage, 'getItem' | 'setItem'>,
  ) {
    this.marks = this.load();
  }

  private load(): Record<string, string> {
    try {
      const parsed: unknown = JSON.parse(this.storage.getItem(this.storageKey) ?? '{}');
      return typeof parsed === 'object' && parsed !== null
        ? (parsed as Record<string, string>)
        : {};
    } catch {
      return {};
    }
  }

  isSynced(doc: { id: string; updatedAt: string }): boolean {
    return this.marks[doc.id] === doc.updatedAt;
  }

  mark(docs: readonly Record<string, unknown>[]): void {
    let changed = false;
    for (const doc of docs) {
      const { id, updatedAt } = doc;
      if (typeof id !== 'string' || typeof updatedAt !== 'string') continue;
      if (this.marks[id] === updatedAt) continue;
      this.marks[id] = updatedAt;
      changed = true;
    }
    if (!changed) return;

    this.storage.setItem(this.storageKey, JSON.stringify(this.marks));
    this.listeners.forEach((listener) => listener());
  }

  /** Another tab wrote the marks. */
  reload(): void {
    this.marks = this.load();
    this.listeners.forEach((listener) => listener());
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}

const byDatabase = new Map<string, SyncedMarks>();

/** One instance per tenant database in this tab, shared by replication and the waiting count. */
export function syncedMarksFor(databaseName: string): SyncedMarks {
  let marks = byDatabase.get(databaseName);
  if (marks === undefined) {
    const storage = typeof localStorage === 'undefined' ? memoryStorage() : localStorage;
    marks = new SyncedMarks(`pos.synced.${databaseName}`, storage);
    byDatabase.set(databaseName, marks);
  }
  return marks;
}

const acknowledgedByDatabase = new Map<string, SyncedMarks>();

/**
 * Sales the server answered as stored in this tab, until their server copy (with its `server`
 * field) arrives by stream or pull. That copy can be late: while Redis is down, a sale pushed
 * to one instance never reaches a stream open on another until Redis returns. Held in memory
 * only, since every sale would otherwise pile up in localStorage; after a reload the first pull
 * brings the server copies.
 */
export function acknowledgedSalesFor(databaseName: string): SyncedMarks {
  let marks = acknowledgedByDatabase.get(databaseName);
  if (marks === undefined) {
    marks = new SyncedMarks(`pos.acknowledged.${databaseName}`, memoryStorage());
    acknowledgedByDatabase.set(databaseName, marks);
  }
  return marks;
}
