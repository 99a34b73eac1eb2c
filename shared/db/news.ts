import type { AuditContext } from '#shared/db/audit.ts';
import { insertAudited, replaceAudited } from '#shared/db/audited.ts';
import { defineEntity, page } from '#shared/db/entity.ts';
import { equals } from '#shared/db/query.ts';
import type { Page } from '#shared/db/pagination.ts';
import { accountPk } from '#shared/db/partitions.ts';
import { NotFound } from '#shared/errors.ts';
import { AccountNews } from '#shared/schemas/news.ts';
import { msg } from '#shared/messages/index.ts';
import * as M from '#shared/messages/catalogue.ts';

/*
 * An item of news lives beside its account (keyed by id, so support is added to it by
 * id); by the day it happened it is in the account's feed (gsi3), the coordination
 * group's feed (gsi1) and that feed of its kind (gsi2), all newest first.
 */
export const accountNews = /* @__PURE__ */ defineEntity({
  kind: 'account-news', label: 'account news (with the support given)', schema: AccountNews, versioned: true,
  stored: { write: ({ kind, ...news }) => ({ ...news, newsKind: kind }), read: ({ newsKind, ...item }) => ({ ...item, kind: newsKind }) },
  derive: (n) => ({ newsKind: n.kind }),
  keys: {
    pk: accountPk, sk: 'NEWS#<id>',
    gsi1: { pk: 'NEWSFEED', sk: '<happenedOn>#<accountId>#<id>' },
    gsi2: { pk: 'NEWSFEED#<newsKind>', sk: '<happenedOn>#<accountId>#<id>' },
    gsi3: { pk: 'ACCOUNT#<accountId>#NEWS', sk: '<happenedOn>#<id>' },
  },
  patterns: {
    ofAccount: { doc: "an account's news, newest first (of a kind: filtered)", index: 'gsi3', pk: 'ACCOUNT#<accountId>#NEWS', newestFirst: true },
    feed: { doc: "the coordination group's news feed, every account, newest first", index: 'gsi1', pk: 'NEWSFEED', newestFirst: true },
    feedOfKind: { doc: "the coordination group's news feed of one kind, newest first", index: 'gsi2', pk: 'NEWSFEED#<newsKind>', newestFirst: true },
  },
});

export const insertNews = (news: AccountNews, ctx: AuditContext) =>
  insertAudited(accountNews, news, { ctx, action: 'record' });

export const replaceNews = (before: AccountNews, after: AccountNews, ctx: AuditContext) =>
  replaceAudited(accountNews, before, after, {
    ctx,
    action: 'support',
    gone: () => new NotFound(msg(M.news_notFound, { id: before.id, accountId: before.accountId })),
  });

/** Access pattern: an account's news, newest first, optionally of one kind. */
export const listAccountNews = (accountId: string, limit: number, cursor?: string, kind?: AccountNews['kind']): Promise<Page<AccountNews>> =>
  page(accountNews, 'ofAccount', { accountId }, limit, cursor, { filter: equals('newsKind', kind) });

/** Access pattern: the coordination group's feed, newest first, all kinds or one. */
export const listNewsFeed = (limit: number, cursor?: string, kind?: AccountNews['kind']): Promise<Page<AccountNews>> =>
  kind === undefined ? page(accountNews, 'feed', {}, limit, cursor) : page(accountNews, 'feedOfKind', { newsKind: kind }, limit, cursor);
