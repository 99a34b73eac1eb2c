/**
 * Messages in the users' language: catalogue ids with typed params, rendered in English or
 * Chinese when a problem is answered (shared/http/problem.ts). The English text is the one
 * errors carry for logs; the language is the request's Accept-Language.
 */
import type * as Catalogue from '#shared/messages/catalogue.ts';
import { type Entry, type MessageEntry, titles } from '#shared/messages/catalogue.ts';

export type Lang = 'en' | 'zh';
/** Every catalogue id (the messages themselves are exports of shared/messages/catalogue.ts). */
export type MessageId = Extract<(typeof Catalogue)[keyof typeof Catalogue], MessageEntry<string, never>>['id'];
export type ProblemSlug = keyof typeof titles;

export interface Message {
  readonly id: MessageId | 'verbatim' | 'title';
  readonly params: unknown;
  text(lang: Lang): string;
}

const render = (entry: Entry<never>, params: unknown, lang: Lang): string => (entry[lang] as (p: unknown) => string)(params);

/** A catalogue message: `msg(M.account_notFound, { id })` (`import * as M from '#shared/messages/catalogue.ts'`). */
export const msg = <I extends MessageId, P>(entry: MessageEntry<I, P>, ...params: [P] extends [void] ? [] : [P]): Message => {
  const given = params[0];
  return { id: entry.id, params: given, text: (lang) => render(entry as Entry<never>, given, lang) };
};

/** Text made outside the catalogue (old callers, tests): the same in every language. */
export const verbatim = (text: string): Message => ({ id: 'verbatim', params: text, text: () => text });

/** The problem type's title. */
export const titleOf = (slug: ProblemSlug): Message => {
  const entry: Entry<void> = titles[slug];
  return { id: 'title', params: slug, text: (lang) => entry[lang]() };
};

/** The language tag a response in `lang` declares (Content-Language). */
export const languageTag: Record<Lang, string> = { en: 'en', zh: 'zh-CN' };

/**
 * The best language for an Accept-Language header (RFC 9110 §12.5.4): the highest q-value
 * among the ranges we speak, the first of equals winning; any `zh…` range means our
 * Chinese (simplified, as company G writes), `en…` or `*` English. None: English.
 */
export const languageOf = (header: string | undefined): Lang => {
  if (header === undefined) return 'en';
  let best: { lang: Lang; q: number } | undefined;
  for (const part of header.split(',').slice(0, 20)) {
    const [range = '', ...options] = part.trim().split(';');
    const qOption = options.map((o) => o.trim()).find((o) => o.startsWith('q='));
    const q = qOption === undefined ? 1 : Number(qOption.slice(2));
    if (!Number.isFinite(q) || q <= 0 || q > 1) continue;
    const primary = range.trim().toLowerCase().split('-')[0];
    const lang: Lang | undefined = primary === 'zh' ? 'zh' : primary === 'en' || primary === '*' ? 'en' : undefined;
    if (lang !== undefined && (best === undefined || q > best.q)) best = { lang, q };
  }
  return best?.lang ?? 'en';
};

/*
 * Schema messages. zod keeps a message as text, so a schema builder says `schemaText(msg(…))`:
 * zod gets the English and the middleware finds the message again by that text. Only fixed
 * texts are kept here (built when the schemas load); a message made while parsing travels in
 * the params instead (`issueParams`).
 */
const byText = new Map<string, Message>();
export const schemaText = (message: Message): string => {
  const text = message.text('en');
  byText.set(text, message);
  return text;
};
export const schemaMessage = (text: string): Message | undefined => byText.get(text);

/** A custom zod issue's message and params: `ctx.addIssue({ code: 'custom', ...saying(m) })`. */
export const saying = (message: Message): { message: string; params: { said: Message } } => ({ message: message.text('en'), params: { said: message } });

// Every message id: shared/messages/all.ts (not here, so that no route carries them all).
export const problemSlugs = Object.keys(titles) as ProblemSlug[];
