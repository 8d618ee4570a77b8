import { z } from 'zod';

/**
 * Where the live event stream can be opened: the sync servers' own public base URLs, because
 * the gateway in front of them buffers responses and cannot carry Server-Sent Events. Absent or
 * empty: the till's own origin serves the stream (one server, no gateway).
 */
const streamUrlsSchema = z.array(z.url()).optional();

/**
 * GET /api/client-config: how the till signs in and where it streams from. Public, because the
 * till asks before anyone has signed in, and cached by the till so it can start offline.
 */
export const clientConfigSchema = z.discriminatedUnion('mode', [
  z.object({ mode: z.literal('embedded'), streamUrls: streamUrlsSchema }),
  z.object({
    mode: z.literal('keycloak'),
    url: z.url(),
    realm: z.string().min(1),
    clientId: z.string().min(1),
    streamUrls: streamUrlsSchema,
  }),
]);
export type ClientConfig = z.infer<typeof clientConfigSchema>;
export type KeycloakClientConfig = Extract<ClientConfig, { mode: 'keycloak' }>;
