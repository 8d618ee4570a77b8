// Every path the till and the back office call on the sync servers, and what the gateway
// checks before passing it on. The sync servers still verify the token and the permissions
// themselves; the gateway only turns away what can never succeed.

/** Headers a protected API call needs downstream; the last two are set from the token. */
export const API_HEADERS = [
  'Authorization',
  'Content-Type',
  'Accept',
  'X-Request-Id',
  'X-Tenant-Id',
  'X-User-Id',
];

/** Which claim becomes which header. The sync servers read neither: they verify the token. */
export const CLAIM_HEADERS = [
  ['tenant_id', 'X-Tenant-Id'],
  ['sub', 'X-User-Id'],
];

/**
 * `limit` names a class in the settings' `limits`; `public` routes skip token validation and
 * are limited per client address instead of per user.
 */
export const ROUTES = [
  { method: 'GET', path: '/api/client-config', public: true, limit: 'public' },
  { method: 'GET', path: '/api/me', limit: 'api' },
  { method: 'POST', path: '/api/devices/claim', limit: 'rare' },

  // Replication: pulls of whole pages and pushes of up to 50 documents take the longest.
  {
    method: 'GET',
    path: '/api/sync/{collection}/pull',
    query: ['seq', 'limit'],
    limit: 'sync',
    slow: true,
  },
  { method: 'POST', path: '/api/sync/{collection}/push', limit: 'sync', slow: true },

  { method: 'GET', path: '/api/sales', query: ['storeId', 'receiptNumber', 'limit'], limit: 'api' },
  { method: 'GET', path: '/api/sales/{id}', query: ['storeId'], limit: 'api' },
  { method: 'GET', path: '/api/stock/on-hand', query: ['storeId'], limit: 'api' },
  { method: 'GET', path: '/api/shifts', query: ['status', 'storeId', 'limit'], limit: 'api' },
  { method: 'GET', path: '/api/shifts/{id}/report', limit: 'api' },
  { method: 'GET', path: '/api/customers', query: ['query', 'limit'], limit: 'api' },
  { method: 'GET', path: '/api/receipt-outbox', query: ['status', 'limit'], limit: 'api' },
  { method: 'GET', path: '/api/quarantine', query: ['limit'], limit: 'api' },

  // The built till, served by the sync servers: the gateway is the till's origin.
  { method: 'GET', path: '/', public: true, limit: 'static', static: true },
  { method: 'GET', path: '/{file}', public: true, limit: 'static', static: true },
  { method: 'GET', path: '/assets/{file}', public: true, limit: 'static', static: true },
  { method: 'GET', path: '/icons/{file}', public: true, limit: 'static', static: true },
];
