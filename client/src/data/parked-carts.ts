import { newId } from '@pos/shared';

import { withExclusiveLock } from './exclusive-lock.ts';
import { plainDocument } from './plain-document.ts';
import { parkedCartSchema } from './schema/parked-cart-schema.ts';
import type { TillDatabase } from './till-database.ts';
import type { Cart, ParkedCart } from './till-api.ts';

/** Carts put aside on this till; local only, so another till never sees them. */
export class ParkedCarts {
  constructor(private readonly db: TillDatabase) {}

  async park(cart: Cart, note: string, now = new Date()): Promise<ParkedCart> {
    const parked = parkedCartSchema.parse({
      id: newId(),
      cart,
      note: note.trim().slice(0, 200),
      parkedAt: now.toISOString(),
    } satisfies ParkedCart);

    await this.db.parked_carts.insert(parked);
    return parked;
  }

  /** Newest first. */
  async list(): Promise<ParkedCart[]> {
    const docs = await this.db.parked_carts.find().exec();
    return docs
      .map((doc) => {
        const { _deleted: _d, ...parked } = plainDocument<ParkedCart>(doc._data);
        return parked;
      })
      .sort((a, b) => (a.parkedAt < b.parkedAt ? 1 : a.parkedAt > b.parkedAt ? -1 : 0));
  }

  /** Takes the cart off the parked list; two tabs resuming the same cart get it only once. */
  resume(id: string): Promise<Cart | undefined> {
    return withExclusiveLock('parked-carts', async () => {
      // Read the storage, not the query cache: another tab may have just taken this cart.
      const collection = this.db.parked_carts;
      const [stored] = await collection.storageInstance.findDocumentsById([id], false);
      const doc = stored ? await collection.findOne(id).exec() : null;
      if (!stored || !doc) return undefined;

      await doc.remove();
      return plainDocument<ParkedCart>(stored).cart;
    });
  }
}
