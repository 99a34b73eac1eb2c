import * as z from 'zod';
import { Count, Email, EmailOut, Id, IsoDate, Line, LineOut, PageQuery, Role, Score, Timestamp, Version, page } from '#shared/schemas/common.ts';
import { msg, saying } from '#shared/messages/index.ts';
import { SatisfactionDerivation } from '#shared/schemas/loyalty.ts';

const Name = Line(100);
const Department = Line(100);
const Grade = Line(20);
const Roles = z
  .array(Role)
  .min(1)
  .max(6)
  .refine((list) => new Set(list).size === list.length, saying(msg('field.noRepeat', { items: 'roles' })));

export const CertificationLevel = z.enum(['junior', 'intermediate', 'senior']);

/**
 * A sign-in change (Cognito user created, e-mail changed, user disabled and signed out)
 * recorded in the same write as the staff change and cleared once the identity provider
 * has done it (shared/usecases/sign-in.ts). Present only while it is not yet done.
 */
export const SignInPending = z
  .object({
    id: Id,
    since: Timestamp,
    attempts: Count,
    /** The identity provider's error name of the last failed attempt (e.g. `TooManyRequestsException`); null before the first. */
    lastError: z.string().max(200).regex(/^[A-Za-z0-9_.:-]+$/).nullable(),
  })
  .meta({ id: 'SignInPending' });
export type SignInPending = z.infer<typeof SignInPending>;

export const Staff = z
  .object({
    id: Id,
    name: LineOut(100),
    department: LineOut(100),
    roles: z.array(Role).max(6),
    grade: LineOut(20),
    /** Where the sign-in invitation goes; required when the deployment signs in with Cognito. */
    email: EmailOut.optional(),
    status: z.enum(['active', 'departed']),
    leftOn: IsoDate.nullable(),
    training: z.object({ basicPassed: z.boolean(), rotationPassed: z.boolean() }),
    certification: z.object({ level: CertificationLevel, awardedOn: IsoDate }).nullable(),
    signInPending: SignInPending.optional(),
    version: Version,
  })
  .meta({ id: 'Staff' });
export type Staff = z.infer<typeof Staff>;

export const StaffIdParams = z.strictObject({ id: Id });

export const CreateStaffBody = z.strictObject({
  name: Name,
  department: Department,
  roles: Roles,
  grade: Grade,
  email: Email.optional(),
});
export type CreateStaffInput = z.infer<typeof CreateStaffBody>;

export const PatchStaffBody = z
  .strictObject({
    name: Name.optional(),
    department: Department.optional(),
    roles: Roles.optional(),
    grade: Grade.optional(),
    email: Email.optional(),
  })
  .refine((body) => Object.keys(body).length > 0, saying(msg('field.nothingToChange')));
export type PatchStaffInput = z.infer<typeof PatchStaffBody>;

export const ListStaffQuery = z.strictObject({
  role: Role.optional(),
  department: Department.optional(),
  ...PageQuery,
});

export const TrainingBody = z.strictObject({
  kind: z.enum(['basic', 'rotation']),
  passed: z.boolean(),
  completedOn: IsoDate,
  score: Score.optional(),
  departments: z.array(Department).max(20).optional(),
});
export type TrainingInput = z.infer<typeof TrainingBody>;

export const CertificationBody = z.strictObject({
  level: CertificationLevel,
  awardedOn: IsoDate,
  /** `satisfaction: "surveys"` takes it from the satisfaction surveys of the person's accounts over the last year (issue 13). */
  scores: z.strictObject({ performance: Score, satisfaction: z.union([Score, z.literal('surveys')]), professionalism: Score }),
});
export type CertificationInput = z.infer<typeof CertificationBody>;

/** The award's reply: the staff member, the scores it was judged on, and how a satisfaction from surveys was derived. */
export const CertifiedStaff = z
  .object({
    ...Staff.shape,
    scores: z.object({ performance: z.number().check(z.gte(0), z.lte(100)), satisfaction: z.number().check(z.gte(0), z.lte(100)), professionalism: z.number().check(z.gte(0), z.lte(100)) }),
    satisfactionDerivation: z.nullable(SatisfactionDerivation),
  })
  .meta({ id: 'CertifiedStaff' });

export const DepartureBody = z.strictObject({ leftOn: IsoDate });

export const StaffPage = page(Staff).meta({ id: 'StaffPage' });
