import { ulid } from 'ulid';
import type { AuditContext } from '#shared/db/audit.ts';
import { type StaffFilter, getStaffById, insertStaff, listStaff, replaceStaff, staffRecordPut } from '#shared/db/staff.ts';
import type { Page } from '#shared/db/pagination.ts';
import { type TransactItem, transactWrite } from '#shared/db/transact.ts';
import { type Holding, flagForReassignment, listHoldings } from '#shared/db/accounts.ts';
import * as rules from '#shared/domain/staff.ts';
import type { Caller } from '#shared/domain/staff.ts';
import { Conflict, Forbidden, NotFound, PreconditionFailed } from '#shared/errors.ts';
import { withRetry } from '#shared/usecases/retry.ts';
import type { CertificationInput, CreateStaffInput, PatchStaffInput, SignInPending, Staff, TrainingInput } from '#shared/schemas/staff.ts';
import { msg } from '#shared/messages/index.ts';
import * as M from '#shared/messages/catalogue.ts';
import { satisfactionFromSurveys } from '#shared/usecases/loyalty/surveys.ts';

export const staffLocation = (id: string) => `/v1/staff/${encodeURIComponent(id)}`;

const mustGet = async (id: string): Promise<Staff> => {
  const staff = await getStaffById(id);
  if (staff === undefined) throw new NotFound(msg(M.staff_notFound, { id }));
  return staff;
};

/**
 * The sign-in change a staff write needs, recorded on the record in the same write
 * (shared/usecases/sign-in.ts clears it once the identity provider has done it).
 */
export type SignInChange = (before: Staff | undefined, after: Staff) => SignInPending | undefined;
const withPending = (before: Staff | undefined, after: Staff, signIn: SignInChange | undefined): Staff => {
  const pending = signIn?.(before, after);
  return pending === undefined ? after : { ...after, signInPending: pending };
};

export const createStaff = async (input: CreateStaffInput, audit: AuditContext, signIn?: SignInChange): Promise<Staff> => {
  const staff = withPending(undefined, rules.newStaff(ulid(), input), signIn);
  if (!(await insertStaff(staff, audit))) throw new Conflict(msg(M.staff_idTaken, { id: staff.id }));
  return staff;
};

export const readStaff = async (caller: Caller, id: string): Promise<Staff> => {
  if (!rules.canReadStaff(caller, id)) {
    throw new Forbidden(msg(M.staff_readOwn), 'role-not-allowed');
  }
  return mustGet(id);
};

export const findStaff = (filter: StaffFilter): Promise<Page<Staff>> => listStaff(filter);

export const updateStaff = async (id: string, ifMatch: number, patch: PatchStaffInput, audit: AuditContext, signIn?: SignInChange): Promise<Staff> => {
  const before = await mustGet(id);
  if (before.version !== ifMatch) throw new PreconditionFailed();
  const after = withPending(before, rules.patchStaff(before, patch), signIn);
  await replaceStaff(before, after, 'update', audit);
  return after;
};

/** A POST that changes the record (training, certification, departure) needs no If-Match: withRetry re-reads on a race. */
export const changeStaff = (
  id: string,
  action: string,
  change: (staff: Staff) => Staff,
  audit: AuditContext,
  extra: (after: Staff) => TransactItem[] = () => [],
): Promise<Staff> =>
  withRetry(msg(M.changing, { kind: 'staff', id }), async () => {
    const before = await mustGet(id);
    const after = change(before);
    await replaceStaff(before, after, action, audit, extra(after));
    return after;
  });

export const recordTraining = (id: string, training: TrainingInput, audit: AuditContext) =>
  changeStaff(id, 'training', (staff) => rules.recordTraining(staff, training), audit, (after) => [
    staffRecordPut(after.id, 'training', training.completedOn, { ...training, recordedBy: audit.actorId }),
  ]);

/** A satisfaction of `"surveys"` is taken from the surveys of the person's accounts over the year to the award, and shown with its derivation. */
export const awardCertification = async (id: string, award: CertificationInput, audit: AuditContext) => {
  const derivation = award.scores.satisfaction === 'surveys' ? await satisfactionFromSurveys(id, award.awardedOn) : null;
  const scores = { ...award.scores, satisfaction: derivation?.score ?? (award.scores.satisfaction as number) };
  const staff = await changeStaff(id, 'certification', (before) => rules.awardCertification(before, award), audit, (after) => [
    staffRecordPut(after.id, 'certification', award.awardedOn, { ...award, scores, satisfactionDerivation: derivation, awardedBy: audit.actorId }),
  ]);
  return { ...staff, scores, satisfactionDerivation: derivation };
};

/** Holdings flagged in the departure's own transaction; any beyond follow in batches. */
const flagsWithDeparture = 40;
const flagsPerBatch = 45;

const flagHoldings = async (holdings: readonly Holding[], leftOn: string): Promise<void> => {
  for (let i = 0; i < holdings.length; i += flagsPerBatch) {
    await transactWrite(holdings.slice(i, i + flagsPerBatch).flatMap((h) => flagForReassignment(h.accountId, h.role, leftOn)));
  }
};

/**
 * Departure: status `departed`, access ends at once (the caller check reads the record),
 * and every account the person holds is flagged for reassignment. Sending the same
 * departure again finishes any flagging a failure interrupted.
 */
export const recordDeparture = async (id: string, leftOn: string, audit: AuditContext, signIn?: SignInChange): Promise<Staff> => {
  const before = await mustGet(id);
  const holdings = await listHoldings(id);
  if (before.status === 'departed' && before.leftOn === leftOn) {
    await flagHoldings(holdings, leftOn);
    return before;
  }
  const first = holdings.slice(0, flagsWithDeparture);
  const after = await changeStaff(id, 'departure', (staff) => withPending(staff, rules.recordDeparture(staff, leftOn), signIn), audit, () =>
    first.flatMap((h) => flagForReassignment(h.accountId, h.role, leftOn)),
  );
  await flagHoldings(holdings.slice(flagsWithDeparture), leftOn);
  return after;
};
