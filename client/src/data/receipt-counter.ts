const STORE = 'counters';

interface CounterRow {
  deviceId: string;
  lastSeq: number;
}

/**
 * The per-device receipt counter, in its own small IndexedDB database. Taking a number is one
 * readwrite transaction (read, increment, write), and IndexedDB runs readwrite transactions on
 * the same store one after another across every connection and tab: a number is never handed
 * out twice, also after a reload. A number taken for a sale that then fails to save is skipped,
 * never reused; a gap is acceptable, a duplicate receipt number is not.
 */
export class ReceiptCounter {
  private connection: Promise<IDBDatabase> | undefined;

  constructor(
    private readonly databaseName: string,
    private readonly factory: IDBFactory = indexedDB,
  ) {}

  /** The next number for the device, at least `atLeast` (e.g. past sales pulled back). */
  async next(deviceId: string, atLeast = 1): Promise<number> {
    const db = await this.open();

    return new Promise<number>((resolve, reject) => {
      const tx = db.transaction(STORE, 'readwrite', { durability: 'strict' });
      const store = tx.objectStore(STORE);
      let seq = 0;

      const read = store.get(deviceId);
      read.onsuccess = () => {
        const row = read.result as CounterRow | undefined;
        seq = Math.max((row?.lastSeq ?? 0) + 1, atLeast);
        store.put({ deviceId, lastSeq: seq } satisfies CounterRow);
      };

      // Only a committed number counts: resolving on `complete` means it is on disk.
      tx.oncomplete = () => resolve(seq);
      tx.onerror = () => reject(tx.error ?? new Error('The receipt counter could not be written'));
      tx.onabort = () => reject(tx.error ?? new Error('The receipt counter write was aborted'));
    });
  }

  private open(): Promise<IDBDatabase> {
    this.connection ??= new Promise<IDBDatabase>((resolve, reject) => {
      const request = this.factory.open(this.databaseName, 1);
      request.onupgradeneeded = () => {
        request.result.createObjectStore(STORE, { keyPath: 'deviceId' });
      };
      request.onsuccess = () => {
        const db = request.result;
        db.onversionchange = () => {
          db.close();
          this.connection = undefined;
        };
        resolve(db);
      };
      request.onerror = () => {
        this.connection = undefined;
        reject(request.error ?? new Error('The receipt counter database could not be opened'));
      };
    });
    return this.connection;
  }

  async close(): Promise<void> {
    const connection = this.connection;
    this.connection = undefined;
    if (connection) (await connection).close();
  }
}
