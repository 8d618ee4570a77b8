import type { CollectionName, DocumentOf } from '@pos/shared';
import type { JsonSchema, RxJsonSchema } from 'rxdb';

/** A replicated document as RxDB stores it: RxDB keeps `_deleted` itself. */
export type RxDoc<C extends CollectionName> = Omit<DocumentOf<C>, '_deleted'>;

interface SchemaOptions<T> {
  indexes?: (keyof T & string)[][];
  optional?: (keyof T & string)[];
}

/**
 * Top level of a till collection's schema: primary key `id`, version 0. Indexed fields must be
 * required (Dexie refuses optional ones) and bounded (RxDB builds fixed-width index strings).
 */
export function collectionSchema<T>(
  title: string,
  properties: { [K in keyof T & string]-?: JsonSchema },
  options: SchemaOptions<T> = {},
): RxJsonSchema<T> {
  const optional: string[] = options.optional ?? [];

  return {
    title,
    version: 0,
    primaryKey: 'id' as RxJsonSchema<T>['primaryKey'],
    type: 'object',
    properties: properties as RxJsonSchema<T>['properties'],
    required: Object.keys(properties).filter(
      (key) => !optional.includes(key),
    ) as RxJsonSchema<T>['required'] & string[],
    ...(options.indexes === undefined ? {} : { indexes: options.indexes }),
    additionalProperties: false,
  };
}
