import { logger } from '#shared/logger.ts';
import { optionalSetting } from '#shared/config.ts';
import type { AuditContext } from '#shared/db/audit.ts';
import { parsePayPeriod } from '#shared/domain/pay/period.ts';
import type { Lang } from '#shared/messages/index.ts';
import { closePeriod, failClose, startClose } from '#shared/usecases/close.ts';
import { closeRunView } from '#shared/usecases/close-run-view.ts';

/** One Step Functions client per warm function, made on first use (local mode never loads it). */
let client: Promise<import('@aws-sdk/client-sfn').SFNClient> | undefined;
const stepFunctions = () => (client ??= import('@aws-sdk/client-sfn').then(({ SFNClient }) => new SFNClient({})));

/**
 * `POST /v1/periods/{period}/close` (api.md): the run starts here — the period's lock taken
 * for it (409 while another close runs or once final), the policy checked (422), the run
 * recorded as running — then, in AWS, the same Step Functions workflow the schedules start
 * runs it (its plan step finds the lock and the run already its own); locally the same
 * steps run in-process before the reply, so the run is done, or failed with its reason.
 */
export const startCloseRun = async (periodId: string, runId: string, audit: AuditContext, lang: Lang) => {
  const period = parsePayPeriod(periodId);
  await startClose(period.id, runId, audit.actorId);
  const workflow = optionalSetting('CLOSE_STATE_MACHINE_ARN');
  if (workflow === undefined) {
    try {
      await closePeriod(period.id, audit, runId);
    } catch (error) {
      // The run holds the reason (shared/usecases/close.ts); the reply shows it.
      logger.warn('Close run failed', { period: period.id, runId, error });
    }
  } else {
    try {
      const { StartExecutionCommand } = await import('@aws-sdk/client-sfn');
      const input = { job: 'period-close', periodKind: period.kind === 'year' ? 'year' : 'quarter', period: period.id, runId };
      await (await stepFunctions()).send(new StartExecutionCommand({ stateMachineArn: workflow, name: runId, input: JSON.stringify(input) }));
    } catch (error) {
      await failClose(period.id, runId, error);
      throw error;
    }
  }
  return closeRunView(period.id, runId, lang);
};
