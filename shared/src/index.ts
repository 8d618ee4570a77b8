export * from './documents/common.ts';
export * from './documents/catalog.ts';
export * from './documents/organisation.ts';
export * from './documents/sale.ts';
export * from './documents/collections.ts';
export * from './protocol/replication.ts';
export * from './protocol/auth.ts';
export * from './errors/wire-error.ts';
