import { permissionSnapshot } from '../../session/permission-snapshot.ts';
import type { TillContext } from '../till-api.ts';
import { sampleDevice, sampleStaff, sampleStore } from './sample-documents.ts';

export const sampleTillContext: TillContext = {
  session: {
    me: {
      userId: sampleStaff.id,
      tenantId: 'demo',
      tenantName: 'Demo shop',
      displayName: sampleStaff.displayName,
      email: sampleStaff.email,
      roles: ['cashier'],
      storeIds: [sampleStore.id],
    },
    accessToken: 'test-token',
    accessTokenExpiresAt: Date.now() + 3_600_000,
    signedInAt: '2025-03-01T09:00:00.000Z',
  },
  store: sampleStore,
  device: sampleDevice,
  cashier: { id: sampleStaff.id, displayName: sampleStaff.displayName, roles: ['cashier'] },
  permissions: permissionSnapshot(
    { userId: sampleStaff.id, tenantId: 'demo', roles: ['cashier'] },
    sampleStore,
  ),
};
