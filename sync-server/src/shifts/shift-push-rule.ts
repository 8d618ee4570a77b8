import type { Shift } from '@pos/shared';

import type { PushRule } from '../replication/push-rule.ts';
import type { StoredDocument } from '../replication/write-documents.ts';
import { checkClosedShiftCash } from './check-closed-shift-cash.ts';
import { findOtherOpenShift } from './find-open-shift.ts';
import { drawerQuestions, refuseUnpermittedDrawer } from './staff-at-drawer.ts';

/** Documents of the shifts collection were validated against the shift schema before this. */
function asShift(document: StoredDocument): Shift {
  return document as unknown as Shift;
}

/**
 * Shifts are edited as they go (opened, then closed with the count), compare-and-set as
 * usual. A device has at most one open shift; a second opening is quarantined. A closing
 * gets the server's own expected cash.
 */
export const shiftPushRule: PushRule = {
  immutable: false,

  questions: (_pusher, document) => drawerQuestions(asShift(document)),

  // A till that closed one shift and opened the next may push both at once: closings first.
  priority: (document) => (asShift(document).status === 'closed' ? 0 : 1),

  async decide(tx, context, { document, pending }) {
    const shift = asShift(document);
    const refused = refuseUnpermittedDrawer(context, shift);
    if (refused !== undefined) return refused;

    if (shift.status === 'open' && !shift._deleted) {
      const open = await findOtherOpenShift(tx, context.tenantId, shift, pending);
      if (open !== undefined) {
        return {
          kind: 'rejected',
          rejected: {
            id: shift.id,
            code: 'shift_already_open',
            message: `device ${shift.deviceId} already has shift ${open} open`,
          },
        };
      }
    }
    return { kind: 'accepted', document };
  },

  async afterWrite(tx, context, written) {
    const closed = written.map(asShift).filter((s) => s.status === 'closed' && !s._deleted);
    return checkClosedShiftCash(tx, context.tenantId, closed);
  },
};
