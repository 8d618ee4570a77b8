import { ROLE_LADDER, type AuthzSubject, type Device, type Store } from '@pos/shared';

import type { TenantAuthzDocuments } from './read-tenant-facts.ts';
import { staffSubject } from '../auth/staff-member.ts';

export interface PermifyRef {
  type: 'user' | 'organization' | 'store' | 'device';
  id: string;
}

/** `entity#relation@subject` */
export interface PermifyTuple {
  entity: PermifyRef;
  relation: string;
  subject: PermifyRef;
}

/** `entity$attribute|integer:value`; the schema has integer attributes only. */
export interface PermifyAttribute {
  entity: PermifyRef;
  attribute: string;
  value: number;
}

/** Everything Permify holds for one POS tenant (deploy/permify/README.md has the table). */
export interface TenantModel {
  tuples: PermifyTuple[];
  attributes: PermifyAttribute[];
}

export interface TenantModelInput {
  tenantId: string;
  subjects: readonly AuthzSubject[];
  stores: readonly Pick<Store, 'id' | 'discountLimits'>[];
  devices: readonly Pick<Device, 'id' | 'storeId'>[];
}

/**
 * The relationships and attributes that make Permify answer as `authorize()` does. Store roles
 * and devices of a store that is not live are left out: `decideWithFacts` refuses such a store
 * outright, and a store Permify has no `org` for gives no tenant role either.
 */
export function tenantModel({
  tenantId,
  subjects,
  stores,
  devices,
}: TenantModelInput): TenantModel {
  const organization: PermifyRef = { type: 'organization', id: tenantId };
  const liveStores = new Set(stores.map((store) => store.id));
  const tuples: PermifyTuple[] = [];
  const attributes: PermifyAttribute[] = [];

  for (const store of stores) {
    const entity: PermifyRef = { type: 'store', id: store.id };
    tuples.push({ entity, relation: 'org', subject: organization });
    // Only the limits the store sets: an unwritten attribute reads as 0, as a missing limit does.
    for (const role of ROLE_LADDER) {
      const limit = store.discountLimits[role];
      if (limit !== undefined)
        attributes.push({ entity, attribute: limitAttribute(role), value: limit });
    }
  }

  for (const subject of subjects) {
    const user: PermifyRef = { type: 'user', id: subject.userId };
    for (const role of new Set(subject.tenantRoles)) {
      tuples.push({ entity: organization, relation: role, subject: user });
    }
    for (const [storeId, roles] of Object.entries(subject.storeRoles)) {
      if (!liveStores.has(storeId)) continue;
      for (const role of new Set(roles)) {
        tuples.push({ entity: { type: 'store', id: storeId }, relation: role, subject: user });
      }
    }
  }

  for (const device of devices) {
    if (!liveStores.has(device.storeId)) continue;
    const store: PermifyRef = { type: 'store', id: device.storeId };
    tuples.push({ entity: { type: 'device', id: device.id }, relation: 'store', subject: store });
  }

  return { tuples, attributes };
}

/** The model of a tenant's live documents, with each staff member's roles as `staffSubject` reads them. */
export function tenantModelFromDocuments(
  tenantId: string,
  documents: TenantAuthzDocuments,
): TenantModel {
  return tenantModel({
    tenantId,
    subjects: documents.staff.map(staffSubject),
    stores: documents.stores,
    devices: documents.devices,
  });
}

export function limitAttribute(role: (typeof ROLE_LADDER)[number]): string {
  return `${role}_discount_limit`;
}

export function tupleKey(tuple: PermifyTuple): string {
  const { entity, relation, subject } = tuple;
  return `${entity.type}:${entity.id}#${relation}@${subject.type}:${subject.id}`;
}

export function attributeKey(attribute: Pick<PermifyAttribute, 'entity' | 'attribute'>): string {
  return `${attribute.entity.type}:${attribute.entity.id}$${attribute.attribute}`;
}
