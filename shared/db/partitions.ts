/**
 * Partitions that several entity modules share, with every sort-key prefix taken in each:
 * a new record beside an account takes a prefix here first (a test checks each declared
 * sort key starts with one, and that no prefix starts another).
 */
export const accountPartition = {
  pk: 'ACCOUNT#<accountId>',
  prefixes: {
    account: 'PROFILE',
    assignment: 'ASSIGN#',
    handover: 'HANDOVER#',
    targets: 'TARGETS#',
    revenue: 'REVENUE#',
    visit: 'VISIT#',
    report: 'REPORT#',
    meetingLink: 'MEETING#',
    dossierEntry: 'DOSSIER#',
    dossierVersion: 'DOSSIERV#',
    dossierGrant: 'GRANT#',
    survey: 'SURVEY#',
    health: 'HEALTH#',
    stakeholder: 'STAKEHOLDER#',
    stakeholderContact: 'STAKECONTACT#',
    accountPlan: 'PLAN#',
    accountPlanVersion: 'PLANV#',
    priorityRequest: 'REQUEST#',
    accountNews: 'NEWS#',
    payChange: 'PAYCHANGE#',
  },
} as const;

export const accountPk = accountPartition.pk;

/**
 * The pay-data index (gsi4): a pay-relevant record under the period its date falls in
 * (a quarter; a peer score under the period it scores), sorted by when it was recorded,
 * so a close finds what came in after a period was finalised with one Query per period.
 * Written as attributes on the record itself: no extra write.
 */
export const payDataIndex = (kind: string, id: string) => ({
  pk: 'PAYDATA#<payPeriod>',
  sk: `<recordedAt>#${kind}#${id}`,
  when: (r: Record<string, unknown>) => typeof r.recordedAt === 'string',
  note: 'late records for the pay close',
});

/** The quarter (`YYYY-Qn`) of a `YYYY-MM-DD` date or `YYYY-MM` month. */
export const quarterOf = (date: string): string => `${date.slice(0, 4)}-Q${Math.ceil(Number(date.slice(5, 7)) / 3)}`;
