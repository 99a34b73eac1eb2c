import { ulid } from 'ulid';
import type { AuditContext } from '#shared/db/audit.ts';
import { get } from '#shared/db/entity.ts';
import * as store from '#shared/db/news.ts';
import type { Page } from '#shared/db/pagination.ts';
import { getStaffById } from '#shared/db/staff.ts';
import { todayInShanghai } from '#shared/domain/dates.ts';
import type { Caller } from '#shared/domain/staff.ts';
import { type FieldError, fieldError, NotFound, RuleViolation } from '#shared/errors.ts';
import type { AccountNews, NewsInput, NewsQuery, SupportInput } from '#shared/schemas/news.ts';
import { loadAccountFor } from '#shared/usecases/account-guard.ts';
import { withRetry } from '#shared/usecases/retry.ts';
import { msg } from '#shared/messages/index.ts';
import * as M from '#shared/messages/catalogue.ts';

/*
 * Account news (domain.md §4; paper §4.3): recorded by the account's people or a
 * coordinator (exclusive ownership on a key account), read by those who read the account;
 * the coordination group reads the feed of every account.
 */

const maxSupport = 20;
const today = (audit: AuditContext) => todayInShanghai(new Date(audit.at));
/** An item of news has no page of its own; its place is the account's feed of its kind. */
export const newsLocation = (n: Pick<AccountNews, 'accountId' | 'kind'>) => `/v1/accounts/${encodeURIComponent(n.accountId)}/news?kind=${n.kind}`;

/** Who gave the support must be active staff; nothing is recorded before it happened (422). */
const assertSupport = async (items: readonly SupportInput[], path: string, day: string): Promise<void> => {
  const people = await Promise.all(items.map((s) => getStaffById(s.byStaffId)));
  const errors: FieldError[] = items.flatMap((s, i) => {
    const person = people[i];
    const who = person === undefined ? [fieldError(`${path}.${i}.byStaffId`, msg(M.field_noSuchStaff))] : [];
    const when = s.givenOn > day ? [fieldError(`${path}.${i}.givenOn`, msg(M.field_notInFuture))] : [];
    return [...who, ...when];
  });
  if (errors.length > 0) throw new RuleViolation('unknown-or-departed-staff', msg(M.upkeep_staffNotActive), errors);
};

const support = (input: SupportInput, by: string, at: string) => ({ id: ulid(), what: input.what, byStaffId: input.byStaffId, givenOn: input.givenOn, recordedBy: by, recordedAt: at });

export const recordNews = async (caller: Caller, accountId: string, input: NewsInput, audit: AuditContext): Promise<AccountNews> => {
  await loadAccountFor(caller, accountId, 'act');
  if (input.happenedOn > today(audit)) throw new RuleViolation('news-in-future', msg(M.news_inFuture), [fieldError('body.happenedOn', msg(M.field_notInFuture))]);
  await assertSupport(input.support ?? [], 'body.support', today(audit));
  const news: AccountNews = {
    id: ulid(), accountId, kind: input.kind, happenedOn: input.happenedOn, source: input.source, summary: input.summary,
    support: (input.support ?? []).map((s) => support(s, caller.id, audit.at)), recordedBy: caller.id, recordedAt: audit.at, version: 1,
  };
  await store.insertNews(news, audit);
  return news;
};

export const addNewsSupport = (caller: Caller, accountId: string, newsId: string, input: SupportInput, audit: AuditContext) =>
  withRetry(msg(M.changing, { kind: 'news', id: newsId }), async () => {
    await loadAccountFor(caller, accountId, 'act');
    const before = await get(store.accountNews, { accountId, id: newsId });
    if (before === undefined) throw new NotFound(msg(M.news_notFound, { id: newsId, accountId }));
    await assertSupport([input], 'body', today(audit));
    if (before.support.length >= maxSupport) throw new RuleViolation('news-support-full', msg(M.news_supportFull, { max: maxSupport }));
    const after = { ...before, support: [...before.support, support(input, caller.id, audit.at)], version: before.version + 1 };
    await store.replaceNews(before, after, audit);
    return after;
  });

export const accountNewsFeed = async (caller: Caller, accountId: string, query: NewsQuery): Promise<Page<AccountNews>> => {
  await loadAccountFor(caller, accountId, 'read');
  return store.listAccountNews(accountId, query.limit, query.cursor, query.kind);
};

export const newsFeed = (query: NewsQuery): Promise<Page<AccountNews>> => store.listNewsFeed(query.limit, query.cursor, query.kind);
