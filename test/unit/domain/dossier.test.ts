import { describe, expect, it } from 'vitest';
import { designate, newAccount } from '#shared/domain/accounts.ts';
import {
  dossierReadAccess,
  editEntry,
  grantValidOn,
  keepsDossier,
  knowsOfDossier,
  newEntry,
  newGrant,
} from '#shared/domain/dossier.ts';
import { type Caller, newStaff, recordDeparture } from '#shared/domain/staff.ts';
import { RuleViolation } from '#shared/errors.ts';
import type { Role } from '#shared/schemas/common.ts';
import type { DossierGrant } from '#shared/schemas/dossier.ts';

const person = (id: string, roles: Role[]): Caller => ({ id, roles, department: '市场部' });
const normal = newAccount('A1', { name: '国家电网', industry: '能源' }, 'C1', '2026-01-01T00:00:00.000Z');
const account = designate(normal, 'LEADER', 'MANAGER', '2026-01-01');
const grant = (staffId: string, expiresOn: string, id = `G-${staffId}-${expiresOn}`): DossierGrant => ({
  id, accountId: 'A1', staffId, expiresOn, grantedBy: 'COORD', grantedAt: '2026-03-01T00:00:00.000Z',
});
const today = '2026-03-10';

describe('who reads the dossier without a grant', () => {
  it('lets the current sales manager and contact leader read implicitly, each named as the basis', () => {
    expect(dossierReadAccess(person('MANAGER', ['sales_manager']), account, [], today)).toEqual({ kind: 'read', basis: 'sales_manager', grantId: null });
    expect(dossierReadAccess(person('LEADER', ['contact_leader']), account, [], today)).toEqual({ kind: 'read', basis: 'contact_leader', grantId: null });
  });

  it('lets leadership read every dossier', () => {
    expect(dossierReadAccess(person('BOSS', ['leadership']), account, [], today)).toEqual({ kind: 'read', basis: 'leadership', grantId: null });
  });

  it('takes implicit access from the account’s current holders, so a reassigned sales manager loses it and the new one gains it', () => {
    // Prepare
    const reassigned = { ...account, salesManagerId: 'NEW-MANAGER' };
    // Act & Assess
    // The former manager still knows the account (a sales role): refused, no longer let in.
    expect(dossierReadAccess(person('MANAGER', ['sales_manager']), reassigned, [], today)).toEqual({ kind: 'grant-required' });
    expect(dossierReadAccess(person('NEW-MANAGER', ['sales_manager']), reassigned, [], today).kind).toBe('read');
  });
});

describe('who needs a grant', () => {
  const cases: [string, Caller][] = [
    ['a coordinator', person('COORD', ['coordinator'])],
    ['finance', person('FIN', ['finance'])],
  ];
  it.each(cases)('%s, who sees the account, is told a grant is required', (_who, caller) => {
    expect(dossierReadAccess(caller, account, [], today)).toEqual({ kind: 'grant-required' });
  });

  it('hides the dossier (404) from people with no relation to the account', () => {
    const stranger = person('DEPT', ['department_staff']);
    expect(dossierReadAccess(stranger, account, [], today)).toEqual({ kind: 'hidden' });
    expect(knowsOfDossier(stranger, account, [])).toBe(false);
  });

  it('asks the sales roles, who know every account (the one account rule), for a grant; a tie does the same for department staff', () => {
    for (const seller of [person('OTHER', ['sales_manager']), person('CL2', ['contact_leader'])]) {
      expect(dossierReadAccess(seller, account, [], today)).toEqual({ kind: 'grant-required' });
      expect(knowsOfDossier(seller, account, [])).toBe(true);
    }
    expect(dossierReadAccess(person('DEPT', ['department_staff']), account, [], today, true)).toEqual({ kind: 'grant-required' });
  });
});

describe('grants', () => {
  it('are valid through their expiry day inclusive, and not a day after', () => {
    expect(grantValidOn({ expiresOn: '2026-03-10' }, '2026-03-09')).toBe(true);
    expect(grantValidOn({ expiresOn: '2026-03-10' }, '2026-03-10')).toBe(true);
    expect(grantValidOn({ expiresOn: '2026-03-10' }, '2026-03-11')).toBe(false);
  });

  it('let the grantee read until the expiry day, naming the grant relied on', () => {
    // Prepare
    const coordinator = person('COORD', ['coordinator']);
    const grants = [grant('COORD', '2026-03-10')];
    // Act & Assess
    expect(dossierReadAccess(coordinator, account, grants, '2026-03-10')).toEqual({ kind: 'read', basis: 'grant', grantId: 'G-COORD-2026-03-10' });
    expect(dossierReadAccess(coordinator, account, grants, '2026-03-11')).toEqual({ kind: 'grant-required' });
  });

  it('rely on the longest-running of several valid grants', () => {
    const grants = [grant('FIN', '2026-03-20'), grant('FIN', '2026-12-31'), grant('FIN', '2026-01-01')];
    expect(dossierReadAccess(person('FIN', ['finance']), account, grants, today)).toEqual({ kind: 'read', basis: 'grant', grantId: 'G-FIN-2026-12-31' });
  });

  it('make a stranger a reader while valid, and one who knows of the dossier (403, not 404) once expired', () => {
    // Prepare
    const stranger = person('DEPT', ['department_staff']);
    // Act & Assess
    expect(dossierReadAccess(stranger, account, [grant('DEPT', '2026-03-31')], today).kind).toBe('read');
    expect(dossierReadAccess(stranger, account, [grant('DEPT', '2026-03-01')], today)).toEqual({ kind: 'grant-required' });
  });

  it('count only the caller’s own grants on this account', () => {
    const others = [grant('SOMEONE-ELSE', '2026-12-31'), { ...grant('COORD', '2026-12-31'), accountId: 'A2' }];
    expect(dossierReadAccess(person('COORD', ['coordinator']), account, others, today)).toEqual({ kind: 'grant-required' });
  });

  it('are made for an active staff member through today or later', () => {
    // Prepare
    const grantee = newStaff('S1', { name: '李雷', department: '财务部', roles: ['finance'], grade: 'P6' });
    // Act
    const made = newGrant('G1', 'A1', { staffId: 'S1', expiresOn: today }, 'COORD', '2026-03-10T01:00:00.000Z', today, grantee);
    // Assess
    expect(made).toEqual({ id: 'G1', accountId: 'A1', staffId: 'S1', expiresOn: today, grantedBy: 'COORD', grantedAt: '2026-03-10T01:00:00.000Z' });
  });

  it('are refused (422) for a past expiry, an unknown or a departed person, naming each field', () => {
    // Prepare
    const departed = recordDeparture(newStaff('S2', { name: '韩梅梅', department: '市场部', roles: ['sales_manager'], grade: 'P6' }), '2026-02-28');
    const attempt = (grantee: typeof departed | undefined, expiresOn: string) => () =>
      newGrant('G2', 'A1', { staffId: 'S2', expiresOn }, 'COORD', 'now', today, grantee);
    // Act & Assess
    expect(attempt(departed, '2026-03-09')).toThrow(
      expect.objectContaining({
        slug: 'grantee-departed',
        errors: [
          { path: 'body.staffId', message: 'left on 2026-02-28' },
          { path: 'body.expiresOn', message: 'must be today (2026-03-10) or later' },
        ],
      }),
    );
    expect(attempt(undefined, today)).toThrow(expect.objectContaining({ slug: 'grantee-unknown' }));
    expect(attempt({ ...departed, status: 'active', leftOn: null }, '2026-03-09')).toThrow(expect.objectContaining({ slug: 'grant-expiry-past' }));
    expect(attempt(undefined, today)).toThrow(RuleViolation);
  });
});

describe('keeping the dossier', () => {
  it('is the current sales manager’s alone: not the contact leader, the coordination group or leadership', () => {
    expect(keepsDossier(person('MANAGER', ['sales_manager']), account)).toBe(true);
    for (const other of [person('LEADER', ['contact_leader']), person('COORD', ['coordinator']), person('BOSS', ['leadership'])]) {
      expect(keepsDossier(other, account)).toBe(false);
    }
  });

  it('has no keeper on a normal account', () => {
    expect(keepsDossier(person('MANAGER', ['sales_manager']), normal)).toBe(false);
  });

  it('starts an entry at version 1 and makes each edit the next version, by whom and when', () => {
    // Prepare
    const entry = newEntry('E1', 'A1', { kind: 'contact', title: '董事长', content: '张总 138xxxx' }, 'MANAGER', '2026-03-01T00:00:00.000Z');
    // Act
    const edited = editEntry(entry, { content: '张总 139xxxx' }, 'NEW-MANAGER', '2026-03-02T00:00:00.000Z');
    // Assess
    expect(entry).toMatchObject({ version: 1, createdBy: 'MANAGER', updatedBy: 'MANAGER' });
    expect(edited).toEqual({
      ...entry, content: '张总 139xxxx', version: 2, updatedBy: 'NEW-MANAGER', updatedAt: '2026-03-02T00:00:00.000Z',
    });
  });
});
