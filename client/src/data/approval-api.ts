import type { AuthzDecision, Staff } from '@pos/shared';

import {
  decideApproval,
  type ApprovalRequest,
  type ApprovalScope,
} from '../approval/approval-request.ts';
import { findApprover, type ApproverMatch } from '../approval/find-approver.ts';
import { cashierSubject } from '../approval/staff-subject.ts';
import { plainDocument } from './plain-document.ts';
import type { RxDoc } from './schema/collection-schema.ts';
import type { TillContext } from './till-api.ts';
import type { TillDatabase } from './till-database.ts';

export interface ApprovalApi {
  /** Whether the cashier at the till may do this alone, and if not, why. */
  cashierMay(request: ApprovalRequest): AuthzDecision;
  /** Checks a manager PIN against the synced staff list, offline. */
  approve(request: ApprovalRequest, pin: string): Promise<ApproverMatch>;
}

export function createApprovalApi(db: TillDatabase, context: () => TillContext): ApprovalApi {
  function scope(): ApprovalScope {
    const till = context();
    return { tenantId: till.session.me.tenantId, store: till.store };
  }

  return {
    cashierMay(request) {
      const till = context();
      return decideApproval(cashierSubject(till.cashier, till.store.id), request, scope());
    },

    async approve(request, pin) {
      const docs = await db.staff.find().exec();
      const staff = docs.map((doc) => plainDocument<RxDoc<'staff'>>(doc._data) as Staff);
      return findApprover(pin, staff, request, scope());
    },
  };
}
