const STORE = 'counters';

interface CounterRow {
  deviceId: string;
  lastSeq: number;
}

/** Where the counter's high-water mark is copied, so eviction of IndexedDB alone loses nothing. */
export function receiptMarkKey(databaseName: string, deviceId: string): string {
  return `pos.receiptSeq.${databaseName}.${deviceId}`;
}

function storageOrNull(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

/**
 * The per-device receipt counter, in its own small IndexedDB database. Taking a number is one
 * readwrite transaction (read, increment, write), and IndexedDB runs readwrite transactions on
 * the same store one after another across every connection and tab: a number is never handed
 * out twice, also after a reload. A number taken for a sale that then fails to save is skipped,
 * never reused; a gap is acceptable, a duplicate receipt number is not.
 *
 * Browsers may evict IndexedDB and keep localStorage (or the other way round), so every number
 * taken is also written to a per-device high-water mark in localStorage, in the same step as the
 * IndexedDB row, and the mark is one more floor: losing either store alone never reuses a number.
 */
export class ReceiptCounter {
  private connection: Promise<IDBDatabase> | undefined;

  constructor(
    private readonly databaseName: string,
    private readonly factory: IDBFactory = indexedDB,
    private readonly marks: Storage | null = storageOrNull(),
  ) {}

  /** The highest number the localStorage mark says was handed out for the device (0 if none). */
  highWaterMark(deviceId: string): number {
    const raw = this.marks?.getItem(receiptMarkKey(this.databaseName, deviceId)) ?? null;
    const value = raw === null ? 0 : Number.parseInt(raw, 10);
    return Number.isSafeInteger(value) && value > 0 ? value : 0;
  }

  private writeMark(deviceId: string, seq: number): void {
    // Another tab may have gone further already: the mark only ever goes up.
    if (this.highWaterMark(deviceId) >= seq) return;
    this.marks?.setItem(receiptMarkKey(this.databaseName, deviceId), String(seq));
  }

  /**
   * The next number for the device: above the IndexedDB counter, above the localStorage mark,
   * and at least `atLeast` (e.g. past sales pulled back).
   */
  async next(deviceId: string, atLeast = 1): Promise<number> {
    const db = await this.open();

    return new Promise<number>((resolve, reject) => {
      const tx = db.transaction(STORE, 'readwrite', { durability: 'strict' });
      const store = tx.objectStore(STORE);
      let seq = 0;

      const read = store.get(deviceId);
      read.onsuccess = () => {
        const row = read.result as CounterRow | undefined;
        seq = Math.max((row?.lastSeq ?? 0) + 1, this.highWaterMark(deviceId) + 1, atLeast);
        try {
          // Before the commit: a mark ahead of a number that then fails is only a gap.
          this.writeMark(deviceId, seq);
        } catch {
          // A full or blocked localStorage must not stop selling; IndexedDB still counts.
        }
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
