import * as store from '#shared/db/pay.ts';
import { NotFound } from '#shared/errors.ts';
import { type Lang, msg } from '#shared/messages/index.ts';
import type { CloseRun, CloseSummary, StoredStatement } from '#shared/schemas/pay.ts';
import * as M from '#shared/messages/catalogue.ts';

/** A run as the API shows it: once done, with the first page of the period's statements as they are now. */
type CloseRunView = Omit<CloseRun, 'result'> & { result: (CloseSummary & { statements: StoredStatement[]; nextCursor: string | null }) | null };
export const closeRunView = async (periodId: string, runId: string, lang: Lang): Promise<CloseRunView> => {
  const run = await store.getCloseRun(periodId, runId);
  if (run === undefined) throw new NotFound(msg(M.pay_closeRunNotFound, { period: periodId, runId }));
  const first = run.result === null ? undefined : await store.listStatementsPage(periodId, 200);
  return {
    ...run,
    result: run.result === null || first === undefined ? null : { ...run.result, statements: first.items, nextCursor: first.nextCursor },
    reason: run.reason === null ? null : run.reason[lang],
  };
};
