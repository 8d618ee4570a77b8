import type { Role } from '@pos/shared';

/** Who is calling, taken only from a verified access token. */
export interface AuthContext {
  tenantId: string;
  userId: string;
  roles: Role[];
  name: string;
  email: string;
}
