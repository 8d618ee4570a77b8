import type { JsonSchema } from 'rxdb';

/**
 * Small builders for RxDB JSON schemas. They mirror the zod document schemas in @pos/shared
 * field by field; `rx-schemas.test.ts` compares both so they cannot drift apart.
 */

export const id: JsonSchema = { type: 'string', minLength: 1, maxLength: 128 };

export function text(maxLength?: number, minLength?: number): JsonSchema {
  return {
    type: 'string',
    ...(maxLength === undefined ? {} : { maxLength }),
    ...(minLength === undefined ? {} : { minLength }),
  };
}

/** ISO-8601 instants are at most 35 characters; indexes need a bound, so every one gets it. */
export const isoInstant: JsonSchema = { type: 'string', maxLength: 40 };

export function int(minimum: number, maximum: number): JsonSchema {
  return { type: 'integer', minimum, maximum, multipleOf: 1 };
}

export const minor = int(-1_000_000_000_00, 1_000_000_000_00);
export const nonNegativeMinor = int(0, 1_000_000_000_00);
export const milliPercent = int(0, 100_000);
export const bool: JsonSchema = { type: 'boolean' };

export function oneOf(values: readonly string[]): JsonSchema {
  return { type: 'string', enum: [...values] };
}

export function nullable(schema: JsonSchema): JsonSchema {
  return { anyOf: [schema, { type: 'null' }] };
}

export function arrayOf(items: JsonSchema, maxItems?: number, minItems?: number): JsonSchema {
  return {
    type: 'array',
    items,
    ...(maxItems === undefined ? {} : { maxItems }),
    ...(minItems === undefined ? {} : { minItems }),
  };
}

/** A strict object: every listed field required unless named in `optional`. */
export function object(
  properties: Record<string, JsonSchema>,
  optional: readonly string[] = [],
): JsonSchema {
  return {
    type: 'object',
    properties,
    required: Object.keys(properties).filter((key) => !optional.includes(key)),
    additionalProperties: false,
  };
}

/** A map from free-form keys to one value schema, like zod's `z.record`. */
export function record(values: JsonSchema): JsonSchema {
  return { type: 'object', additionalProperties: values };
}

/** Fields every replicated document carries; `_deleted` is RxDB's own and never declared. */
export const replicatedProperties = { id, updatedAt: isoInstant } satisfies Record<
  string,
  JsonSchema
>;
