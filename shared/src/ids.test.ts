import { describe, expect, it } from 'vitest';

import { idSchema } from './documents/common.ts';
import { newId } from './ids.ts';

describe('newId', () => {
  it('makes distinct UUIDs that are valid document ids', () => {
    const a = newId();
    expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(newId()).not.toBe(a);
    expect(idSchema.safeParse(a).success).toBe(true);
  });
});
