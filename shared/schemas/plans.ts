import * as z from 'zod/mini';
import { Fen, Id, Int, IsoDate, Line, LineOut, PageQuery, Text, TextOut, Timestamp, Version, Year, YearOut, page } from '#shared/schemas/common.ts';
import { StakeholderIds } from '#shared/schemas/stakeholders.ts';
import { msg, saying, schemaText } from '#shared/messages/index.ts';
import * as M from '#shared/messages/catalogue.ts';
import { built } from '#shared/built.ts';

/*
 * The account plan (一企一策, domain.md §4; paper §4.4): one per key account and year, kept
 * in numbered versions. A draft is edited; an approved version never is: a change starts
 * the next draft, and the approved one stays in force until that is approved.
 */

export const objectiveStatuses = ['not_started', 'in_progress', 'done', 'dropped'] as const;
export const ObjectiveStatus = /* @__PURE__ */ z.enum(objectiveStatuses);
const TargetMeasure = /* @__PURE__ */ z.enum(['contract', 'collection']);

const Situation = /* @__PURE__ */ built(() => z.strictObject({
  strategy: Text(5000),
  businessLayout: Text(5000),
  challenges: Text(5000),
  competitors: z.array(Line(200)).check(z.maxLength(20)),
}));
const Objective = /* @__PURE__ */ built(() => z.strictObject({
  title: Line(200),
  /** One of the account's people: its contact leader or sales manager. */
  ownerId: Id,
  dueOn: IsoDate,
  measure: Line(500),
  status: z.optional(ObjectiveStatus),
  /** Which of the year's targets it serves, and with how much (fen). */
  targetLink: z.optional(z.nullable(z.strictObject({ measure: TargetMeasure, amount: Fen }))),
}));
export type ObjectiveInput = z.infer<typeof Objective>;
const OnSite = /* @__PURE__ */ built(() => z
  .strictObject({ staffId: Id, location: Line(200), from: IsoDate, to: IsoDate })
  .check(z.refine((s) => s.from <= s.to, { ...saying(msg(M.field_notAfterField, { other: 'to' })), path: ['from'] })));

/** What a version holds; every field optional in a body (a draft may start thin), arrays replaced whole. */
const contentFields = /* @__PURE__ */ built(() => ({
  situation: z.optional(Situation),
  objectives: z.optional(z.array(Objective).check(z.maxLength(30))),
  tailoredServices: z.optional(z.array(Text(1000)).check(z.maxLength(30))),
  pricing: z.optional(Text(5000)),
  onSiteStaff: z.optional(z.array(OnSite).check(z.maxLength(20))),
  stakeholderIds: z.optional(StakeholderIds(50)),
}));
export const CreatePlanBody = /* @__PURE__ */ z.strictObject({ year: YearOut, ...contentFields });
export type CreatePlanInput = z.infer<typeof CreatePlanBody>;
export const PlanChangesBody = /* @__PURE__ */ z.strictObject(contentFields);
export type PlanChanges = z.infer<typeof PlanChangesBody>;
export const PatchPlanBody = /* @__PURE__ */ built(() => PlanChangesBody.check(z.refine((body) => Object.keys(body).length > 0, saying(msg(M.field_nothingToChange)))));

const SituationOut = /* @__PURE__ */ built(() => z.object({ strategy: TextOut(5000), businessLayout: TextOut(5000), challenges: TextOut(5000), competitors: z.array(LineOut(200)).check(z.maxLength(20)) }));
export const PlanObjective = /* @__PURE__ */ built(() => z.object({
  id: Id,
  title: LineOut(200),
  ownerId: Id,
  dueOn: IsoDate,
  measure: LineOut(500),
  status: ObjectiveStatus,
  targetLink: z.nullable(z.object({ measure: TargetMeasure, amount: Fen })),
}));
export type PlanObjective = z.infer<typeof PlanObjective>;
export const PlanNumber = /* @__PURE__ */ Int(1, 99_999_999);

export const PlanVersion = /* @__PURE__ */ built(() => z
  .object({
    accountId: Id,
    year: YearOut,
    /** The plan's version number: 1, 2, … (`version` is the ETag of this version's edits). */
    number: PlanNumber,
    status: z.enum(['draft', 'approved']),
    /** The number of the approved version this draft was started from. */
    basedOn: z.nullable(PlanNumber),
    situation: z.nullable(SituationOut),
    objectives: z.array(PlanObjective).check(z.maxLength(30)),
    tailoredServices: z.array(TextOut(1000)).check(z.maxLength(30)),
    pricing: z.nullable(TextOut(5000)),
    onSiteStaff: z.array(z.object({ staffId: Id, location: LineOut(200), from: IsoDate, to: IsoDate })).check(z.maxLength(20)),
    stakeholderIds: z.array(Id).check(z.maxLength(50)),
    draftedBy: Id,
    draftedAt: Timestamp,
    updatedBy: Id,
    updatedAt: Timestamp,
    approvedBy: z.nullable(Id),
    approvedAt: z.nullable(Timestamp),
    version: Version,
  })
  .register(z.globalRegistry, { id: 'PlanVersion' }));
export type PlanVersion = z.infer<typeof PlanVersion>;

/** Which version of a year's plan is in force and which is being drafted (stored beside the versions). */
export const PlanHead = /* @__PURE__ */ built(() => z.object({
  accountId: Id,
  year: YearOut,
  inForce: z.nullable(PlanNumber),
  draft: z.nullable(PlanNumber),
  latest: PlanNumber,
  version: Version,
}));
export type PlanHead = z.infer<typeof PlanHead>;

export const AccountPlan = /* @__PURE__ */ built(() => z
  .object({
    accountId: Id,
    year: YearOut,
    /** The approved version in force (none until one is approved). */
    inForce: z.nullable(PlanVersion),
    /** The open draft: the first one, or the next version of an approved plan. */
    draft: z.nullable(PlanVersion),
    versions: PlanNumber,
  })
  .register(z.globalRegistry, { id: 'AccountPlan' }));
export type AccountPlan = z.infer<typeof AccountPlan>;

export const OverdueObjective = /* @__PURE__ */ built(() => z
  .object({ accountId: Id, year: YearOut, number: PlanNumber, objective: PlanObjective })
  .register(z.globalRegistry, { id: 'OverdueObjective' }));
export type OverdueObjective = z.infer<typeof OverdueObjective>;

export const MissingPlan = /* @__PURE__ */ built(() => z
  .object({ accountId: Id, name: LineOut(200), year: YearOut, draft: z.nullable(PlanNumber) })
  .register(z.globalRegistry, { id: 'MissingPlan' }));
export type MissingPlan = z.infer<typeof MissingPlan>;

/** A version number in a path: its length stated in the document only, so a bad one gets one message. */
const NumberParam = /* @__PURE__ */ built(() => z.pipe(z.string().check(z.regex(/^[1-9][0-9]{0,7}$/, schemaText(msg(M.field_planNumber)))).register(z.globalRegistry, { maxLength: 8 }), z.transform(Number)));
export const PlanParams = /* @__PURE__ */ z.strictObject({ id: Id, year: Year });
export const PlanVersionParams = /* @__PURE__ */ z.strictObject({ id: Id, year: Year, number: NumberParam });
export const PlanVersionsQuery = /* @__PURE__ */ z.strictObject({ ...PageQuery });
export const MissingPlansQuery = /* @__PURE__ */ z.strictObject({ year: Year, ...PageQuery });

export const PlanVersionPage = /* @__PURE__ */ built(() => page(PlanVersion).register(z.globalRegistry, { id: 'PlanVersionPage' }));
export const OverdueObjectivePage = /* @__PURE__ */ built(() => page(OverdueObjective).register(z.globalRegistry, { id: 'OverdueObjectivePage' }));
export const MissingPlanPage = /* @__PURE__ */ built(() => page(MissingPlan).register(z.globalRegistry, { id: 'MissingPlanPage' }));
