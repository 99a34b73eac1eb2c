import * as z from 'zod/mini';
import { Id, IsoDate, Line, LineOut, PageQuery, RawText, TextOut, Timestamp, Version, maxPage, page } from '#shared/schemas/common.ts';
import { msg, saying } from '#shared/messages/index.ts';
import * as M from '#shared/messages/catalogue.ts';
import { built } from '#shared/built.ts';

export const dossierKinds = ['basic_facts', 'contact', 'contract', 'history', 'note'] as const;
export const DossierKind = /* @__PURE__ */ z.enum(dossierKinds);

const Title = /* @__PURE__ */ Line(200);
/** Kept as written (indentation and line breaks matter in a dossier), but never blank. */
const Content = /* @__PURE__ */ RawText(20_000);

export const DossierEntry = /* @__PURE__ */ built(() => z
  .object({
    id: Id,
    accountId: Id,
    kind: DossierKind,
    title: LineOut(200),
    content: TextOut(20_000),
    version: Version,
    createdBy: Id,
    createdAt: Timestamp,
    updatedBy: Id,
    updatedAt: Timestamp,
  }).register(z.globalRegistry, { id: 'DossierEntry' }));
export type DossierEntry = z.infer<typeof DossierEntry>;

export const DossierEntryParams = /* @__PURE__ */ z.strictObject({ id: Id, entryId: Id });

export const CreateDossierEntryBody = /* @__PURE__ */ z.strictObject({ kind: DossierKind, title: Title, content: Content });
export type CreateDossierEntryInput = z.infer<typeof CreateDossierEntryBody>;

export const PatchDossierEntryBody = /* @__PURE__ */ built(() => z
  .strictObject({ title: z.optional(Title), content: z.optional(Content) }).check(z.refine((body) => Object.keys(body).length > 0, saying(msg(M.field_nothingToChange)))));
export type PatchDossierEntryInput = z.infer<typeof PatchDossierEntryBody>;

export const DossierPageQuery = /* @__PURE__ */ z.strictObject({ ...PageQuery });
export type DossierPageQuery = z.infer<typeof DossierPageQuery>;

export const DossierGrant = /* @__PURE__ */ built(() => z
  .object({
    id: Id,
    accountId: Id,
    staffId: Id,
    /** The last day the grant is valid (inclusive), in the company's time zone. */
    expiresOn: IsoDate,
    grantedBy: Id,
    grantedAt: Timestamp,
  }).register(z.globalRegistry, { id: 'DossierGrant' }));
export type DossierGrant = z.infer<typeof DossierGrant>;

export const GrantBody = /* @__PURE__ */ z.strictObject({ staffId: Id, expiresOn: IsoDate });
export type GrantInput = z.infer<typeof GrantBody>;

export const ListGrantsQuery = /* @__PURE__ */ built(() => z.strictObject({
  /** Only this person's grants. */
  staffId: z.optional(Id),
  ...PageQuery,
}));
export type ListGrantsQuery = z.infer<typeof ListGrantsQuery>;

/** The reads that are logged, named by their route id. */
export const DossierReadOperation = /* @__PURE__ */ z.enum(['listDossier', 'getDossierEntry', 'listDossierEntryVersions', 'getStakeholderContact']);
export type DossierReadOperation = z.infer<typeof DossierReadOperation>;

/** Why the reader was let in: their current place on the account, leadership, or a grant. */
export const DossierReadBasis = /* @__PURE__ */ z.enum(['sales_manager', 'contact_leader', 'leadership', 'grant']);
export type DossierReadBasis = z.infer<typeof DossierReadBasis>;

export const DossierAccess = /* @__PURE__ */ built(() => z
  .object({
    id: Id,
    accountId: Id,
    readerId: Id,
    at: Timestamp,
    operation: DossierReadOperation,
    basis: DossierReadBasis,
    /** The grant relied on, when the basis is `grant`. */
    grantId: z.nullable(Id),
    /** Exactly what was returned: each entry and the version of it (for `getStakeholderContact`, the stakeholder and the version of its details). */
    entries: z.array(z.object({ id: Id, version: Version })).check(z.maxLength(maxPage)),
  }).register(z.globalRegistry, { id: 'DossierAccess' }));
export type DossierAccess = z.infer<typeof DossierAccess>;

export const DossierEntryPage = /* @__PURE__ */ built(() => page(DossierEntry).register(z.globalRegistry, { id: 'DossierEntryPage' }));
export const DossierGrantPage = /* @__PURE__ */ built(() => page(DossierGrant).register(z.globalRegistry, { id: 'DossierGrantPage' }));
export const DossierAccessPage = /* @__PURE__ */ built(() => page(DossierAccess).register(z.globalRegistry, { id: 'DossierAccessPage' }));
