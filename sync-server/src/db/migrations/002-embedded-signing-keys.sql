-- The embedded development issuer's RS256 key pair, made at first start and kept so tokens
-- survive restarts. Keycloak keeps its own keys; this table stays empty in oidc mode.
create table embedded_signing_keys (
  kid text primary key,
  private_jwk jsonb not null,
  public_jwk jsonb not null,
  created_at timestamptz not null default now()
);
