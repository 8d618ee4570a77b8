import type { Device } from '@pos/shared';

import type { Permits, PushQuestion } from './push-permits.ts';
import type { Pusher, PushRule, WriteDecision } from './push-rule.ts';
import type { StoredDocument } from './write-documents.ts';

/** `manage_stores` in one store, or of the whole organisation when no store is named. */
function mayManage(pusher: Pusher, storeId?: string): PushQuestion {
  const where = storeId === undefined ? {} : { storeId };
  return { userId: pusher.userId, action: 'manage_stores', ...where };
}

/** Writes the document when the question is allowed, or quarantines it as not permitted. */
function asPermitted(
  permits: Permits,
  document: StoredDocument,
  question: PushQuestion,
): WriteDecision {
  const decision = permits.decision(question);
  if (decision.allowed) return { kind: 'accepted', document };

  const where = question.storeId === undefined ? 'the organisation' : `store ${question.storeId}`;
  const message = `${where}: ${decision.reason}`;
  return { kind: 'rejected', rejected: { id: document.id, code: 'not_permitted', message } };
}

/**
 * A live store is managed in itself, so its own owner may change it; opening a new store (or
 * reopening a closed one) is the organisation's decision, as Permify knows no such store yet.
 */
export const storePushRule: PushRule = {
  immutable: false,

  questions: (pusher, document) => [mayManage(pusher, document.id), mayManage(pusher)],

  async decide(_tx, context, { document, master }) {
    const live = master !== undefined && !master._deleted;
    return asPermitted(
      context.permits,
      document,
      mayManage(context, live ? document.id : undefined),
    );
  },
};

/**
 * A till belongs to one store and is managed there; moving it to another store takes it from
 * the first, so only the organisation's owners may.
 */
export const devicePushRule: PushRule = {
  immutable: false,

  questions: (pusher, document) => {
    const device = document as unknown as Device;
    return [mayManage(pusher, device.storeId), mayManage(pusher)];
  },

  async decide(_tx, context, { document, master }) {
    const storeId = (document as unknown as Device).storeId;
    const moved = master !== undefined && master['storeId'] !== storeId;
    return asPermitted(context.permits, document, mayManage(context, moved ? undefined : storeId));
  },
};
