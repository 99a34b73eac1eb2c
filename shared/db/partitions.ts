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
  },
} as const;

export const accountPk = accountPartition.pk;
