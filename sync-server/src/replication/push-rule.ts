import type { RejectedDocument, StockMovement } from '@pos/shared';

import type { Queryable } from '../db/database.ts';
import type { Permits, PushQuestion } from './push-permits.ts';
import type { StoredDocument } from './write-documents.ts';

/** Who pushes: tenant and user come from the verified token only. */
export interface Pusher {
  tenantId: string;
  userId: string;
}

export interface PushContext extends Pusher {
  now: Date;
  /** The answers to what the rule's `questions` raised for this push's documents. */
  permits: Permits;
}

/** Something a push found that operators should hear about; the route logs it. */
export interface PushNotice {
  event: string;
  fields: Record<string, unknown>;
}

/** One write a push asks for, after validation and compare-and-set. */
export interface WriteProposal {
  document: StoredDocument;
  /** The stored (or earlier in this push accepted) version; undefined for a new document. */
  master: StoredDocument | undefined;
  /** Documents of the same collection accepted earlier in this push, not yet written. */
  pending: ReadonlyMap<string, StoredDocument>;
}

export type WriteDecision =
  | { kind: 'accepted'; document: StoredDocument; movements?: StockMovement[] }
  | { kind: 'rejected'; rejected: RejectedDocument };

/** What a collection adds to the generic push: its own checks and follow-ups. */
export interface PushRule {
  /** Never changes once stored: another version of it is a conflict, however assumed. */
  immutable: boolean;
  /**
   * The permission questions a valid document raises; they are answered before the push's
   * transaction and read in `decide` through `context.permits`.
   */
  questions?: (pusher: Pusher, document: StoredDocument) => PushQuestion[];
  /** Rows apply lowest first (stable), e.g. a shift's closing before the next one's opening. */
  priority?: (document: StoredDocument) => number;
  decide: (tx: Queryable, context: PushContext, proposal: WriteProposal) => Promise<WriteDecision>;
  /** Runs in the same transaction once the accepted documents are written. */
  afterWrite?: (
    tx: Queryable,
    context: PushContext,
    written: readonly StoredDocument[],
  ) => Promise<PushNotice[]>;
}

export async function acceptAsPushed(
  _tx: Queryable,
  _context: PushContext,
  proposal: WriteProposal,
): Promise<WriteDecision> {
  return { kind: 'accepted', document: proposal.document };
}
