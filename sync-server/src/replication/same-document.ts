import type { StoredDocument } from './write-documents.ts';

/**
 * The part of a document the till owns. The server adds `server` to sales; a till's assumed
 * master may or may not carry it, so comparisons leave it out.
 */
export function clientPart(document: Record<string, unknown>): Record<string, unknown> {
  if (!Object.hasOwn(document, 'server')) return document;
  const { server: _server, ...rest } = document;
  return rest;
}

/**
 * Deep equality of JSON values, ignoring key order: jsonb hands keys back sorted its own way,
 * so a round trip through the database must still compare equal.
 */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;

  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every((item, index) => sameJson(item, b[index]));
  }

  const left = a as Record<string, unknown>;
  const right = b as Record<string, unknown>;
  const leftKeys = Object.keys(left).filter((key) => left[key] !== undefined);
  const rightKeys = Object.keys(right).filter((key) => right[key] !== undefined);
  if (leftKeys.length !== rightKeys.length) return false;
  return leftKeys.every((key) => Object.hasOwn(right, key) && sameJson(left[key], right[key]));
}

export function sameClientDocument(
  a: Record<string, unknown> | StoredDocument,
  b: Record<string, unknown> | StoredDocument,
): boolean {
  return sameJson(clientPart(a), clientPart(b));
}
