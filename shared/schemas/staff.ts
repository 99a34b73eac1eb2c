import * as z from 'zod/mini';
import { Id, IsoDate, Line, LineOut, PageQuery, Role, Score, Version, page } from '#shared/schemas/common.ts';
import { msg, saying } from '#shared/messages/index.ts';
import * as M from '#shared/messages/catalogue.ts';

const Name = Line(100);
const Department = Line(100);
const Grade = Line(20);
const Roles = z
  .array(Role).check(z.minLength(1), z.maxLength(6), z.refine((list) => new Set(list).size === list.length, saying(msg(M.field_noRepeat, { items: 'roles' }))));

export const CertificationLevel = z.enum(['junior', 'intermediate', 'senior']);

export const Staff = z
  .object({
    id: Id,
    name: LineOut(100),
    department: LineOut(100),
    roles: z.array(Role).check(z.maxLength(6)),
    grade: LineOut(20),
    status: z.enum(['active', 'departed']),
    leftOn: z.nullable(IsoDate),
    training: z.object({ basicPassed: z.boolean(), rotationPassed: z.boolean() }),
    certification: z.nullable(z.object({ level: CertificationLevel, awardedOn: IsoDate })),
    version: Version,
  }).register(z.globalRegistry, { id: 'Staff' });
export type Staff = z.infer<typeof Staff>;

export const StaffIdParams = z.strictObject({ id: Id });

export const CreateStaffBody = z.strictObject({
  name: Name,
  department: Department,
  roles: Roles,
  grade: Grade,
});
export type CreateStaffInput = z.infer<typeof CreateStaffBody>;

export const PatchStaffBody = z
  .strictObject({
    name: z.optional(Name),
    department: z.optional(Department),
    roles: z.optional(Roles),
    grade: z.optional(Grade),
  }).check(z.refine((body) => Object.keys(body).length > 0, saying(msg(M.field_nothingToChange))));
export type PatchStaffInput = z.infer<typeof PatchStaffBody>;

export const ListStaffQuery = z.strictObject({
  role: z.optional(Role),
  department: z.optional(Department),
  ...PageQuery,
});

export const TrainingBody = z.strictObject({
  kind: z.enum(['basic', 'rotation']),
  passed: z.boolean(),
  completedOn: IsoDate,
  score: z.optional(Score),
  departments: z.optional(z.array(Department).check(z.maxLength(20))),
});
export type TrainingInput = z.infer<typeof TrainingBody>;

export const CertificationBody = z.strictObject({
  level: CertificationLevel,
  awardedOn: IsoDate,
  scores: z.strictObject({ performance: Score, satisfaction: Score, professionalism: Score }),
});
export type CertificationInput = z.infer<typeof CertificationBody>;

export const DepartureBody = z.strictObject({ leftOn: IsoDate });

export const StaffPage = page(Staff).register(z.globalRegistry, { id: 'StaffPage' });
