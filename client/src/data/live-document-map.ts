import type { MangoQuerySelector, RxCollection } from 'rxdb';
import type { Subscription } from 'rxjs';

import { plainDocument } from './plain-document.ts';
import { readAllDocuments } from './read-all-documents.ts';

export type Live<T> = T & { _deleted: boolean };

/**
 * Every live document of a collection (or of a selector) as plain objects in a Map, kept
 * current from RxDB's change events, including those of other tabs. Indexes are built from
 * this map instead of re-querying IndexedDB, which stays fast with 50,000 products.
 */
export class LiveDocumentMap<T extends { id: string }> {
  readonly docs = new Map<string, Live<T>>();
  readonly ready: Promise<void>;
  private readonly subscription: Subscription;

  constructor(
    collection: RxCollection<T>,
    private readonly onChange: () => void,
    private readonly keep: (doc: Live<T>) => boolean = () => true,
    selector: MangoQuerySelector<T> = {},
  ) {
    const touchedWhileLoading = new Set<string>();
    let loading = true;

    this.subscription = collection.eventBulks$.subscribe((bulk) => {
      for (const event of bulk.events) {
        if (loading) touchedWhileLoading.add(event.documentId);
        this.apply(event.documentId, plainDocument<T>(event.documentData));
      }
      this.onChange();
    });

    const load =
      Object.keys(selector).length === 0
        ? readAllDocuments(collection)
        : collection
            .find({ selector })
            .exec()
            .then((docs) => docs.map((doc) => doc._data));

    this.ready = load.then((found) => {
      for (const data of found) {
        // A change event that arrived during the load is newer than what the load read.
        if (!touchedWhileLoading.has(data.id)) this.apply(data.id, plainDocument<T>(data));
      }
      loading = false;
      this.onChange();
    });
  }

  private apply(id: string, doc: Live<T>): void {
    if (doc._deleted || !this.keep(doc)) this.docs.delete(id);
    else this.docs.set(id, doc);
  }

  close(): void {
    this.subscription.unsubscribe();
  }
}
