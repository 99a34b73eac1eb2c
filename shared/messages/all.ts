/**
 * Every catalogue message by id: for the tests and the documents that list them all. Route
 * code never imports this (it would carry every message): it says `msg(M.some_id, …)`.
 */
import * as M from '#shared/messages/catalogue.ts';
import type { MessageEntry } from '#shared/messages/catalogue.ts';
import type { MessageId } from '#shared/messages/index.ts';

const isEntry = (value: unknown): value is MessageEntry<MessageId, never> =>
  typeof value === 'object' && value !== null && typeof (value as { id?: unknown }).id === 'string' && typeof (value as { en?: unknown }).en === 'function';

export const messages = Object.fromEntries((Object.values(M) as unknown[]).filter(isEntry).map((e) => [e.id, e])) as Record<MessageId, MessageEntry<MessageId, never>>;
export const catalogueIds = Object.keys(messages) as MessageId[];
