import * as z from 'zod/mini';
import { all, defineEntity, put } from '#shared/db/entity.ts';
import { accountPk } from '#shared/db/partitions.ts';
import type { TransactItem } from '#shared/db/transact.ts';
import { Id, IsoDate, Timestamp } from '#shared/schemas/common.ts';
import { built } from '#shared/built.ts';

/**
 * A change that moves pay for every period it reaches, not for one day: who holds an
 * account (designation, reassignment) from a day on, and an account's targets for a year.
 * Such a change can reach back into a finalised period (a reassignment dated last quarter),
 * so it is noted here, in the same transaction as the change itself, and the close's late
 * records (shared/usecases/prior-periods.ts) find every note recorded after a finalised
 * period was accounted for whose days overlap it: that period is priced again and the
 * difference paid once, as for a late payment or visit. Nothing recorded is left out of pay.
 *
 * All notes share one index partition (gsi4 `PAYDATA#CHANGES`), sorted by when they were
 * recorded: such changes are a few a day, and one Query from a watermark finds them.
 */
export const PayChange = /* @__PURE__ */ built(() => z.object({
  accountId: Id,
  change: z.enum(['designation', 'assignment', 'targets']),
  /** The changed record: `<role>#<from>` of an assignment, the targets' year. */
  id: z.string().check(z.maxLength(100)),
  /** The first and last day the change reaches (null: from then on). */
  from: IsoDate,
  to: z.nullable(IsoDate),
  recordedAt: Timestamp,
}));
export type PayChange = z.infer<typeof PayChange>;

export const payChanges = /* @__PURE__ */ defineEntity({
  kind: 'pay-change', label: 'pay-relevant change (who holds an account, its targets)', schema: PayChange,
  keys: {
    pk: accountPk, sk: 'PAYCHANGE#<recordedAt>#<change>#<id>',
    gsi4: { pk: 'PAYDATA#CHANGES', sk: '<recordedAt>#pay-change#<accountId>#<change>#<id>', note: 'late changes for the pay close' },
  },
  patterns: {
    recordedSince: { doc: '**pay-relevant changes recorded after T** (designations, reassignments, targets: late changes for the close)', index: 'gsi4' },
  },
});

/** The note of a change, to write in the change's own transaction. */
export const payChangeNote = (change: PayChange): TransactItem => put(payChanges, change, 'new').item;

/** Access pattern: every change recorded at or after `since` (one Query, all pages). */
export const listPayChangesSince = (since: string): Promise<PayChange[]> => all(payChanges, 'recordedSince', {}, { range: { from: since, to: '\uffff' } });
