import * as z from 'zod/mini';
import { Id, IsoDate, Line, LineOut, PageQuery, Text, TextOut, Timestamp, Version, page } from '#shared/schemas/common.ts';
import { built } from '#shared/built.ts';

/* Account news (domain.md §4; paper §4.3): the customer's PR, business and product-strategy moves, with the support we gave. */

export const NewsKind = /* @__PURE__ */ z.enum(['public_relations', 'business', 'product_strategy']);
export const SupportBody = /* @__PURE__ */ built(() => z.strictObject({ what: Text(2000), byStaffId: Id, givenOn: IsoDate }));
export type SupportInput = z.infer<typeof SupportBody>;

export const NewsBody = /* @__PURE__ */ built(() => z.strictObject({
  kind: NewsKind,
  happenedOn: IsoDate,
  source: Line(500),
  summary: Text(5000),
  support: z.optional(z.array(SupportBody).check(z.maxLength(20))),
}));
export type NewsInput = z.infer<typeof NewsBody>;

export const NewsSupport = /* @__PURE__ */ built(() => z.object({ id: Id, what: TextOut(2000), byStaffId: Id, givenOn: IsoDate, recordedBy: Id, recordedAt: Timestamp }));
export const AccountNews = /* @__PURE__ */ built(() => z
  .object({
    id: Id,
    accountId: Id,
    kind: NewsKind,
    happenedOn: IsoDate,
    source: LineOut(500),
    summary: TextOut(5000),
    /** What the company gave in support: what, who, when. */
    support: z.array(NewsSupport).check(z.maxLength(20)),
    recordedBy: Id,
    recordedAt: Timestamp,
    version: Version,
  })
  .register(z.globalRegistry, { id: 'AccountNews' }));
export type AccountNews = z.infer<typeof AccountNews>;

export const NewsParams = /* @__PURE__ */ z.strictObject({ id: Id, newsId: Id });
export const NewsQuery = /* @__PURE__ */ built(() => z.strictObject({ kind: z.optional(NewsKind), ...PageQuery }));
export type NewsQuery = z.infer<typeof NewsQuery>;
export const AccountNewsPage = /* @__PURE__ */ built(() => page(AccountNews).register(z.globalRegistry, { id: 'AccountNewsPage' }));
