import { z } from 'zod';

import { roleSchema } from '../documents/common.ts';

export const API_AUDIENCE = 'pos-api';

/** The access-token claims the server relies on; Keycloak and the embedded issuer both issue them. */
export const accessClaimsSchema = z.object({
  sub: z.string().min(1),
  tenant_id: z.string().min(1),
  aud: z.union([z.string(), z.array(z.string())]),
  realm_access: z.object({ roles: z.array(z.string()) }),
  name: z.string().optional(),
  email: z.string().optional(),
});
export type AccessClaims = z.infer<typeof accessClaimsSchema>;

export const tokenResponseSchema = z.object({
  access_token: z.string(),
  refresh_token: z.string(),
  expires_in: z.number().int(),
  token_type: z.literal('Bearer'),
});
export type TokenResponse = z.infer<typeof tokenResponseSchema>;

/** GET /api/me answers this: who is signed in and what the till may show them. */
export const meResponseSchema = z.object({
  userId: z.string(),
  tenantId: z.string(),
  tenantName: z.string(),
  displayName: z.string(),
  email: z.string(),
  roles: z.array(roleSchema),
  storeIds: z.array(z.string()),
});
export type MeResponse = z.infer<typeof meResponseSchema>;

/** POST /api/devices/claim: a till installation asks for its device in a store. */
export const deviceClaimRequestSchema = z
  .object({ installationId: z.string().min(8).max(128), storeId: z.string().min(1) })
  .strict();
