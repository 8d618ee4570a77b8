import type { CollectionName } from '@pos/shared';
import type { RxJsonSchema } from 'rxdb';

import type { ParkedCart } from '../till-api.ts';
import { categoryRxSchema, productRxSchema, taxRateRxSchema } from './catalog-rx-schemas.ts';
import type { RxDoc } from './collection-schema.ts';
import {
  cashMovementRxSchema,
  customerRxSchema,
  deviceRxSchema,
  shiftRxSchema,
  staffRxSchema,
  storeRxSchema,
} from './organisation-rx-schemas.ts';
import { parkedCartRxSchema } from './parked-cart-schema.ts';
import { saleRxSchema, stockMovementRxSchema } from './sale-rx-schemas.ts';

export const replicatedRxSchemas: { [C in CollectionName]: RxJsonSchema<RxDoc<C>> } = {
  products: productRxSchema,
  categories: categoryRxSchema,
  tax_rates: taxRateRxSchema,
  stores: storeRxSchema,
  devices: deviceRxSchema,
  staff: staffRxSchema,
  customers: customerRxSchema,
  sales: saleRxSchema,
  stock_movements: stockMovementRxSchema,
  shifts: shiftRxSchema,
  cash_movements: cashMovementRxSchema,
};

export const LOCAL_COLLECTION = 'parked_carts';

export const localRxSchemas: { parked_carts: RxJsonSchema<ParkedCart> } = {
  parked_carts: parkedCartRxSchema,
};
