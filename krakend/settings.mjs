// What differs between one gateway and another: where the sync servers and Keycloak are, the
// till's origin, the limits. `npm run stack` uses these defaults; tests override them.

/** Requests per second and burst size; per user (or client address) and per gateway. */
export const DEFAULT_LIMITS = {
  // A till pulls pages one after another and pushes in batches: a few a second at worst.
  sync: { client: { rate: 20, burst: 200 }, overall: { rate: 1000, burst: 2000 } },
  api: { client: { rate: 10, burst: 50 }, overall: { rate: 500, burst: 1000 } },
  rare: { client: { rate: 1, burst: 10 }, overall: { rate: 50, burst: 100 } },
  public: { client: { rate: 10, burst: 50 }, overall: { rate: 500, burst: 1000 } },
  static: { client: { rate: 50, burst: 500 }, overall: { rate: 1000, burst: 2000 } },
};

export const DEFAULT_SETTINGS = {
  port: 8000,
  // Loopback like the sync servers: on one machine nothing else needs to reach it.
  listenIp: '127.0.0.1',
  backends: ['http://127.0.0.1:8081', 'http://127.0.0.1:8082'],
  issuer: 'http://localhost:8180/realms/pos',
  jwksUrl: 'http://localhost:8180/realms/pos/protocol/openid-connect/certs',
  audience: 'pos-api',
  roles: ['cashier', 'manager', 'owner'],
  tillOrigins: ['http://localhost:8000'],
  // The till gives up on a request after 30 s; the gateway answers before it does.
  timeouts: { default: '10s', slow: '25s' },
  limits: DEFAULT_LIMITS,
  logLevel: 'INFO',
};
