import { collectionNames, collections } from '@pos/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';

import { insertableDocument } from '../validate-document.ts';
import { openTestDatabase } from '../testing/test-database.ts';
import { sampleDocuments } from '../testing/sample-documents.ts';
import type { TillDatabase } from '../till-database.ts';
import { parkedCartSchema } from './parked-cart-schema.ts';
import { localRxSchemas, replicatedRxSchemas } from './rx-schemas.ts';

interface Schema {
  type?: string | readonly string[];
  anyOf?: readonly Schema[];
  properties?: Record<string, Schema>;
  required?: readonly string[];
  items?: Schema | readonly Schema[];
  additionalProperties?: boolean | Schema;
  enum?: readonly unknown[];
  propertyNames?: { enum?: readonly string[] };
}

/** What both schemas must agree on: types, fields, required fields, enums, nesting. */
interface Shape {
  types: string[];
  enum?: string;
  properties?: Record<string, Shape>;
  required?: string[];
  items?: Shape;
  values?: Shape;
}

function shape(schema: Schema): Shape {
  if (schema.anyOf) {
    const members = schema.anyOf.map(shape);
    const merged: Shape = { types: [...new Set(members.flatMap((m) => m.types))].sort() };
    for (const member of members) Object.assign(merged, { ...member, types: merged.types });
    return merged;
  }

  const types = schema.type === undefined ? [] : [schema.type].flat();
  const result: Shape = { types: [...types].sort() };
  if (schema.enum) result.enum = JSON.stringify([...schema.enum].sort());
  if (schema.properties) {
    result.properties = Object.fromEntries(
      Object.entries(schema.properties).map(([key, value]) => [key, shape(value)]),
    );
  }
  if (schema.required) result.required = [...schema.required].sort();
  if (schema.items && !Array.isArray(schema.items)) result.items = shape(schema.items as Schema);
  const values = schema.additionalProperties;
  const keys = schema.propertyNames?.enum;
  if (typeof values === 'object' && keys) {
    // A record over an enum (z.record(roleSchema, …)) is an object with exactly those keys.
    result.properties = Object.fromEntries(keys.map((key) => [key, shape(values)]));
  } else if (typeof values === 'object') {
    result.values = shape(values);
  }
  return result;
}

function zodShape(schema: z.ZodType): Shape {
  const json = z.toJSONSchema(schema, { io: 'input' }) as Schema;
  const { _deleted: _d, ...properties } = json.properties ?? {};
  return shape({
    ...json,
    properties,
    required: (json.required ?? []).filter((key) => key !== '_deleted'),
  });
}

describe('RxDB schemas', () => {
  it.each(collectionNames)('%s mirrors its zod schema', (name) => {
    expect(shape(replicatedRxSchemas[name] as Schema)).toEqual(zodShape(collections[name].schema));
  });

  it('parked_carts mirrors its zod schema', () => {
    expect(shape(localRxSchemas.parked_carts as Schema)).toEqual(zodShape(parkedCartSchema));
  });

  it.each(collectionNames)('%s: primary key id, version 0, indexed fields required', (name) => {
    const schema = replicatedRxSchemas[name];
    expect(schema.primaryKey).toBe('id');
    expect(schema.version).toBe(0);
    expect(schema.properties).not.toHaveProperty('_deleted');
    for (const field of (schema.indexes ?? []).flat()) {
      expect(schema.required, `${name}.${field} is indexed`).toContain(field);
    }
  });

  it('never indexes the server-only field of sales, which stays optional', () => {
    const schema = replicatedRxSchemas.sales;
    expect(schema.required).not.toContain('server');
    expect((schema.indexes ?? []).flat()).not.toContain('server');
  });

  describe('in a database', () => {
    let db: TillDatabase;
    beforeAll(async () => {
      db = await openTestDatabase();
    });
    afterAll(async () => {
      await db.close();
    });

    it('opens 12 collections: the replicated ones and parked carts', () => {
      expect(Object.keys(db.collections).sort()).toEqual(
        [...collectionNames, 'parked_carts'].sort(),
      );
    });

    it.each(collectionNames)('stores a valid %s document as given', async (name) => {
      const doc = insertableDocument(name, sampleDocuments[name]);
      const collection = db[name] as unknown as {
        insert(doc: unknown): Promise<{ toJSON(): unknown }>;
      };
      const stored = await collection.insert(doc);
      expect(stored.toJSON()).toEqual(doc);
    });

    it('refuses a document the zod schema refuses, before RxDB sees it', () => {
      expect(() =>
        insertableDocument('products', { ...sampleDocuments.products, price: 1.5 }),
      ).toThrow(/price/);
    });
  });
});
