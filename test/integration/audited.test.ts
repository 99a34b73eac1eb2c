import { beforeAll, describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { listAuditTrail } from '#shared/db/audit.ts';
import { insertAudited, moveAudited, replaceAudited, upsertAudited } from '#shared/db/audited.ts';
import { defineEntity, get, overwrite } from '#shared/db/entity.ts';
import { Conflict, NotFound, PreconditionFailed } from '#shared/errors.ts';
import { verbatim } from '#shared/messages/index.ts';
import { createTestTable } from '#test/support/table.ts';

// A test-only entity: what a newcomer declares, and the four audited writes over it.
const Note = z.strictObject({ id: z.string(), year: z.number(), status: z.enum(['open', 'closed']), text: z.string(), version: z.number() });
type Note = z.infer<typeof Note>;
const notes = defineEntity({
  kind: 'test-note', label: 'test note', schema: Note, versioned: true,
  keys: { pk: 'TESTNOTE#<id>', sk: 'PROFILE' },
});
const yearly = defineEntity({
  kind: 'test-yearly', label: 'test yearly note', schema: Note, versioned: true,
  keys: { pk: 'TESTYEARLY#<year>', sk: 'PROFILE' },
  audit: { entity: 'yearly-note', id: (n) => `Y${n.year}` },
});
const companions = defineEntity({ kind: 'test-companion', label: 'test companion', schema: z.strictObject({ id: z.string() }), keys: { pk: 'TESTCOMP#<id>', sk: 'C' } });

const ctx = { actorId: 'TESTER', requestId: 'req-audited', at: '2026-12-03T09:00:00.000Z' };
let n = 0;
const note = (over: Partial<Note> = {}): Note => ({ id: `N-${Date.now()}-${++n}`, year: 2000 + n, status: 'open', text: '初稿', version: 1, ...over });

beforeAll(createTestTable);

describe('a change and its audit entry, all or nothing (shared/db/audited.ts)', () => {
  it('inserts a record with its companions and an audit entry named by kind and id', async () => {
    const record = note();
    await insertAudited(notes, record, { ctx, action: 'create', also: [overwrite(companions, { id: record.id })] });

    expect(await get(notes, { id: record.id })).toEqual(record);
    expect(await get(companions, { id: record.id })).toEqual({ id: record.id });
    const trail = await listAuditTrail('test-note', record.id);
    expect(trail).toHaveLength(1);
    expect(trail[0]).toMatchObject({ entity: 'test-note', entityId: record.id, action: 'create', after: record, actorId: 'TESTER', requestId: 'req-audited' });
    expect(trail[0]).not.toHaveProperty('before');
  });

  it('a second insert with the same key gets the given error and writes nothing more', async () => {
    const record = note();
    await insertAudited(notes, record, { ctx, action: 'create' });
    const again = insertAudited(notes, { ...record, text: '另一份' }, { ctx, action: 'create', also: [overwrite(companions, { id: `${record.id}-2` })] }, () => new Conflict(verbatim('taken')));

    await expect(again).rejects.toBeInstanceOf(Conflict);
    expect(await get(notes, { id: record.id })).toEqual(record);
    expect(await get(companions, { id: `${record.id}-2` })).toBeUndefined();
    expect(await listAuditTrail('test-note', record.id)).toHaveLength(1);
  });

  it('replaces at the version read: 412 when it changed, 404 (by `gone` or `what`) when it is gone', async () => {
    const record = note();
    await insertAudited(notes, record, { ctx, action: 'create' });
    const after = { ...record, text: '改稿', version: 2 };
    await replaceAudited(notes, record, after, { ctx, action: 'edit', what: verbatim('note') });

    expect(await get(notes, { id: record.id })).toEqual(after);
    const trail = await listAuditTrail('test-note', record.id);
    expect(trail.at(-1)).toMatchObject({ action: 'edit', before: record, after });

    const stale = replaceAudited(notes, record, { ...record, text: '过期', version: 2 }, { ctx, action: 'edit', what: verbatim('note') });
    await expect(stale).rejects.toBeInstanceOf(PreconditionFailed);
    const missing = note();
    await expect(replaceAudited(notes, missing, { ...missing, version: 2 }, { ctx, action: 'edit', what: verbatim('note') })).rejects.toBeInstanceOf(NotFound);
    await expect(replaceAudited(notes, missing, { ...missing, version: 2 }, { ctx, action: 'edit', gone: () => new Conflict(verbatim('gone')) })).rejects.toBeInstanceOf(Conflict);
    expect(await listAuditTrail('test-note', record.id)).toHaveLength(2);
  });

  it('moves a status once: the second move from the same state is `moved`, a newer version is `changed`', async () => {
    const record = note();
    await insertAudited(notes, record, { ctx, action: 'create' });
    const closed = { ...record, status: 'closed' as const, version: 2 };
    const errors = { gone: () => new NotFound(verbatim('gone')), moved: () => new Conflict(verbatim('moved')), changed: () => new PreconditionFailed() };
    await moveAudited(notes, record, closed, 'open', errors, { ctx, action: 'close' });

    await expect(moveAudited(notes, record, closed, 'open', errors, { ctx, action: 'close' })).rejects.toThrow('moved');
    const edited = note();
    await insertAudited(notes, edited, { ctx, action: 'create' });
    await replaceAudited(notes, edited, { ...edited, version: 2 }, { ctx, action: 'edit', what: verbatim('note') });
    await expect(moveAudited(notes, edited, { ...edited, status: 'closed', version: 2 }, 'open', errors, { ctx, action: 'close' })).rejects.toBeInstanceOf(PreconditionFailed);
    expect((await listAuditTrail('test-note', record.id)).map((e) => e.action)).toEqual(['create', 'close']);
  });

  it('upserts: created when new, updated at the version read, 412 otherwise; the trail uses the declared name and id', async () => {
    const record = note();
    await upsertAudited(yearly, record, null, { ctx, before: undefined });
    await expect(upsertAudited(yearly, record, null, { ctx, before: undefined })).rejects.toBeInstanceOf(PreconditionFailed);
    const after = { ...record, text: '年度', version: 2 };
    await upsertAudited(yearly, after, 1, { ctx, before: record });
    await expect(upsertAudited(yearly, { ...after, version: 3 }, 1, { ctx, before: after })).rejects.toBeInstanceOf(PreconditionFailed);

    expect(await get(yearly, { year: record.year })).toEqual(after);
    const trail = await listAuditTrail('yearly-note', `Y${record.year}`);
    expect(trail.map((e) => [e.action, e.after])).toEqual([
      ['create', record],
      ['update', after],
    ]);
    expect(trail[1]?.before).toEqual(record);
  });
});
