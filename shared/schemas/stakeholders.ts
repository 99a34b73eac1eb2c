import * as z from 'zod/mini';
import { Id, Int, IsoDate, Line, LineOut, PageQuery, Text, TextOut, Timestamp, Version, page } from '#shared/schemas/common.ts';
import { msg, saying } from '#shared/messages/index.ts';
import * as M from '#shared/messages/catalogue.ts';
import { built } from '#shared/built.ts';

/*
 * The customer's people (domain.md §4: the key-account database). Written in the forms
 * classic zod and zod/mini share, so only the import changes when the schemas move.
 */

export const decisionRoles = ['decision_maker', 'influencer', 'user', 'gatekeeper', 'champion', 'blocker'] as const;
export const DecisionRole = /* @__PURE__ */ z.enum(decisionRoles);
/** Influence and relationship strength: 1 (low) to 5 (high). */
const Rating = /* @__PURE__ */ Int(1, 5);

/** Confidential: read under the dossier's rules (grant or relation, every read logged). */
export const ContactBody = /* @__PURE__ */ built(() => z.strictObject({
  phone: z.optional(Line(40)),
  email: z.optional(Line(200)),
  wechat: z.optional(Line(100)),
  address: z.optional(Line(500)),
  note: z.optional(Text(2000)),
}));
export type ContactInput = z.infer<typeof ContactBody>;

export const StakeholderBody = /* @__PURE__ */ built(() => z.strictObject({
  name: Line(100),
  title: Line(200),
  department: z.optional(Line(200)),
  decisionRole: DecisionRole,
  influence: Rating,
  relationshipStrength: Rating,
  /** Which of our people owns the relationship. */
  relationshipOwnerId: Id,
  contact: z.optional(ContactBody),
}));
export type StakeholderInput = z.infer<typeof StakeholderBody>;

export const StakeholderPatchBody = /* @__PURE__ */ built(() => z
  .strictObject({
    name: z.optional(Line(100)),
    title: z.optional(Line(200)),
    department: z.optional(z.nullable(Line(200))),
    decisionRole: z.optional(DecisionRole),
    influence: z.optional(Rating),
    relationshipStrength: z.optional(Rating),
    relationshipOwnerId: z.optional(Id),
    /** Replaces the contact details as a whole. */
    contact: z.optional(ContactBody),
  })
  .check(z.refine((body) => Object.keys(body).length > 0, saying(msg(M.field_nothingToChange)))));
export type StakeholderPatch = z.infer<typeof StakeholderPatchBody>;

export const DepartureBody = /* @__PURE__ */ built(() => z.strictObject({ leftOn: IsoDate, note: z.optional(Line(500)) }));
export type DepartureInput = z.infer<typeof DepartureBody>;

export const Stakeholder = /* @__PURE__ */ built(() => z
  .object({
    id: Id,
    accountId: Id,
    name: LineOut(100),
    title: LineOut(200),
    department: z.nullable(LineOut(200)),
    decisionRole: DecisionRole,
    influence: Rating,
    relationshipStrength: Rating,
    relationshipOwnerId: Id,
    status: z.enum(['active', 'left']),
    leftOn: z.nullable(IsoDate),
    leftNote: z.nullable(LineOut(500)),
    /** The last visit that named them (visits' `stakeholderIds`). */
    lastContactOn: z.nullable(IsoDate),
    /** Whether contact details are kept (they are read apart, under the dossier's rules). */
    hasContact: z.boolean(),
    createdBy: Id,
    createdAt: Timestamp,
    updatedBy: Id,
    updatedAt: Timestamp,
    version: Version,
  })
  .register(z.globalRegistry, { id: 'Stakeholder' }));
export type Stakeholder = z.infer<typeof Stakeholder>;

export const StakeholderContact = /* @__PURE__ */ built(() => z
  .object({
    accountId: Id,
    stakeholderId: Id,
    phone: z.nullable(LineOut(40)),
    email: z.nullable(LineOut(200)),
    wechat: z.nullable(LineOut(100)),
    address: z.nullable(LineOut(500)),
    note: z.nullable(TextOut(2000)),
    /** The stakeholder's version these details were written with. */
    version: Version,
  })
  .register(z.globalRegistry, { id: 'StakeholderContact' }));
export type StakeholderContact = z.infer<typeof StakeholderContact>;

export const StakeholderParams = /* @__PURE__ */ z.strictObject({ id: Id, stakeholderId: Id });
export const StakeholdersQuery = /* @__PURE__ */ built(() => z.strictObject({ status: z.optional(z.enum(['active', 'left'])), ...PageQuery }));
export type StakeholdersQuery = z.infer<typeof StakeholdersQuery>;

/** Distinct stakeholder ids (a visit, a plan). */
export const StakeholderIds = (max: number) =>
  z.array(Id).check(
    z.maxLength(max),
    z.refine((ids) => new Set(ids).size === ids.length, saying(msg(M.field_noRepeat, {}))),
  );

export const StakeholderPage = /* @__PURE__ */ built(() => page(Stakeholder).register(z.globalRegistry, { id: 'StakeholderPage' }));
