import { attributeKey, tupleKey, type PermifyRef, type TenantModel } from './tenant-model.ts';

/**
 * One Permify delete. Its filters match every combination of the ids they list, so a deletion
 * is grouped only where that combination is exactly what has to go: one entity and relation
 * with several subjects, or one entity with several attributes.
 */
export interface DataDeletion {
  tuples?: { entity: PermifyRef; relation: string; subjectType: string; subjectIds: string[] };
  attributes?: { entity: PermifyRef; names: string[] };
}

export interface TenantSyncPlan {
  write: TenantModel;
  deletions: DataDeletion[];
}

/**
 * What turns `current` into `desired`. Writes go first and deletions after, so a permission
 * both models grant never disappears in between; an unchanged tenant needs no request at all.
 */
export function planTenantSync(current: TenantModel, desired: TenantModel): TenantSyncPlan {
  const currentTuples = new Set(current.tuples.map(tupleKey));
  const desiredTuples = new Set(desired.tuples.map(tupleKey));
  const currentValues = new Map(current.attributes.map((a) => [attributeKey(a), a.value]));
  const desiredNames = new Set(desired.attributes.map(attributeKey));

  const write: TenantModel = {
    tuples: unique(
      desired.tuples.filter((t) => !currentTuples.has(tupleKey(t))),
      tupleKey,
    ),
    attributes: unique(
      desired.attributes.filter((a) => currentValues.get(attributeKey(a)) !== a.value),
      attributeKey,
    ),
  };

  const tupleGroups = new Map<string, Required<DataDeletion>['tuples']>();
  for (const tuple of current.tuples) {
    if (desiredTuples.has(tupleKey(tuple))) continue;
    const { entity, relation, subject } = tuple;
    const key = `${entity.type}:${entity.id}#${relation}@${subject.type}`;
    const group = tupleGroups.get(key) ?? {
      entity,
      relation,
      subjectType: subject.type,
      subjectIds: [],
    };
    group.subjectIds.push(subject.id);
    tupleGroups.set(key, group);
  }

  const attributeGroups = new Map<string, Required<DataDeletion>['attributes']>();
  for (const attribute of current.attributes) {
    if (desiredNames.has(attributeKey(attribute))) continue;
    const key = `${attribute.entity.type}:${attribute.entity.id}`;
    const group = attributeGroups.get(key) ?? { entity: attribute.entity, names: [] };
    group.names.push(attribute.attribute);
    attributeGroups.set(key, group);
  }

  const deletions: DataDeletion[] = [
    ...[...tupleGroups.values()].map((tuples) => ({ tuples })),
    ...[...attributeGroups.values()].map((attributes) => ({ attributes })),
  ];
  return { write, deletions };
}

function unique<T>(items: readonly T[], key: (item: T) => string): T[] {
  return [...new Map(items.map((item) => [key(item), item])).values()];
}
