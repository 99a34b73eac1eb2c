import * as z from 'zod/mini';
import { Count, Email, EmailOut, Id, IsoDate, Line, LineOut, PageQuery, Role, Score, Timestamp, Version, page } from '#shared/schemas/common.ts';
import { msg, saying } from '#shared/messages/index.ts';
import * as M from '#shared/messages/catalogue.ts';
import { SatisfactionDerivation } from '#shared/schemas/loyalty.ts';
import { built } from '#shared/built.ts';

const Name = /* @__PURE__ */ Line(100);
const Department = /* @__PURE__ */ Line(100);
const Grade = /* @__PURE__ */ Line(20);
const Roles = /* @__PURE__ */ built(() => z
  .array(Role).check(z.minLength(1), z.maxLength(6), z.refine((list) => new Set(list).size === list.length, saying(msg(M.field_noRepeat, { items: 'roles' })))));

export const CertificationLevel = /* @__PURE__ */ z.enum(['junior', 'intermediate', 'senior']);

/**
 * A sign-in change (Cognito user created, e-mail changed, user disabled and signed out)
 * recorded in the same write as the staff change and cleared once the identity provider
 * has done it (shared/usecases/sign-in.ts). Present only while it is not yet done.
 */
export const SignInPending = /* @__PURE__ */ built(() => z
  .object({
    id: Id,
    since: Timestamp,
    attempts: Count,
    /** The identity provider's error name of the last failed attempt (e.g. `TooManyRequestsException`); null before the first. */
    lastError: z.nullable(z.string().check(z.maxLength(200), z.regex(/^[A-Za-z0-9_.:-]+$/))),
  })
  .register(z.globalRegistry, { id: 'SignInPending' }));
export type SignInPending = z.infer<typeof SignInPending>;

export const Staff = /* @__PURE__ */ built(() => z
  .object({
    id: Id,
    name: LineOut(100),
    department: LineOut(100),
    roles: z.array(Role).check(z.maxLength(6)),
    grade: LineOut(20),
    /** Where the sign-in invitation goes; required when the deployment signs in with Cognito. */
    email: z.optional(EmailOut),
    status: z.enum(['active', 'departed']),
    leftOn: z.nullable(IsoDate),
    training: z.object({ basicPassed: z.boolean(), rotationPassed: z.boolean() }),
    certification: z.nullable(z.object({ level: CertificationLevel, awardedOn: IsoDate })),
    signInPending: z.optional(SignInPending),
    version: Version,
  }).register(z.globalRegistry, { id: 'Staff' }));
export type Staff = z.infer<typeof Staff>;

export const StaffIdParams = /* @__PURE__ */ z.strictObject({ id: Id });

export const CreateStaffBody = /* @__PURE__ */ built(() => z.strictObject({
  name: Name,
  department: Department,
  roles: Roles,
  grade: Grade,
  email: z.optional(Email),
}));
export type CreateStaffInput = z.infer<typeof CreateStaffBody>;

export const PatchStaffBody = /* @__PURE__ */ built(() => z
  .strictObject({
    name: z.optional(Name),
    department: z.optional(Department),
    roles: z.optional(Roles),
    grade: z.optional(Grade),
    email: z.optional(Email),
  }).check(z.refine((body) => Object.keys(body).length > 0, saying(msg(M.field_nothingToChange)))));
export type PatchStaffInput = z.infer<typeof PatchStaffBody>;

export const ListStaffQuery = /* @__PURE__ */ built(() => z.strictObject({
  role: z.optional(Role),
  department: z.optional(Department),
  ...PageQuery,
}));

export const TrainingBody = /* @__PURE__ */ built(() => z.strictObject({
  kind: z.enum(['basic', 'rotation']),
  passed: z.boolean(),
  completedOn: IsoDate,
  score: z.optional(Score),
  departments: z.optional(z.array(Department).check(z.maxLength(20))),
}));
export type TrainingInput = z.infer<typeof TrainingBody>;

export const CertificationBody = /* @__PURE__ */ built(() => z.strictObject({
  level: CertificationLevel,
  awardedOn: IsoDate,
  /** `satisfaction: "surveys"` takes it from the satisfaction surveys of the person's accounts over the last year (issue 13). */
  scores: z.strictObject({ performance: Score, satisfaction: z.union([Score, z.literal('surveys')]), professionalism: Score }),
}));
export type CertificationInput = z.infer<typeof CertificationBody>;

/** The award's reply: the staff member, the scores it was judged on, and how a satisfaction from surveys was derived. */
export const CertifiedStaff = /* @__PURE__ */ built(() => z
  .object({
    ...Staff.shape,
    scores: z.object({ performance: z.number().check(z.gte(0), z.lte(100)), satisfaction: z.number().check(z.gte(0), z.lte(100)), professionalism: z.number().check(z.gte(0), z.lte(100)) }),
    satisfactionDerivation: z.nullable(SatisfactionDerivation),
  })
  .register(z.globalRegistry, { id: 'CertifiedStaff' }));

export const DepartureBody = /* @__PURE__ */ z.strictObject({ leftOn: IsoDate });

export const StaffPage = /* @__PURE__ */ built(() => page(Staff).register(z.globalRegistry, { id: 'StaffPage' }));
