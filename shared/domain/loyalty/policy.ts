/*
 * The loyalty policy of a year (issue 13): feedback deadlines by severity, the pilots'
 * key-account-first window and the weights of account health. A year without one set
 * takes these defaults.
 */

export const severities = ['low', 'medium', 'high', 'critical'] as const;
export type Severity = (typeof severities)[number];

export interface Deadline {
  /** Working days to acknowledge. */
  acknowledge: number;
  /** Working days to report the result back. */
  reportBack: number;
}

export const healthParts = ['visits', 'reports', 'plan', 'objectives', 'complaints', 'satisfaction', 'receivables', 'pipeline'] as const;
export type HealthPart = (typeof healthParts)[number];

export interface LoyaltyPolicy {
  deadlines: Record<Severity, Deadline>;
  /** Days from a pilot's start during which only key accounts may be enrolled. */
  pilotKeyAccountDays: number;
  /** Integer weights of the health parts; the figure divides by the weights of the parts with data. */
  healthWeights: Record<HealthPart, number>;
}

export const defaultLoyaltyPolicy: LoyaltyPolicy = {
  deadlines: {
    critical: { acknowledge: 1, reportBack: 5 },
    high: { acknowledge: 2, reportBack: 10 },
    medium: { acknowledge: 3, reportBack: 15 },
    low: { acknowledge: 5, reportBack: 30 },
  },
  pilotKeyAccountDays: 14,
  healthWeights: { visits: 15, reports: 10, plan: 10, objectives: 10, complaints: 15, satisfaction: 15, receivables: 15, pipeline: 10 },
};

/** The longest deadline of a policy, in working days (how far calendars are needed). */
export const longestDeadline = (policy: LoyaltyPolicy): number => Math.max(...severities.map((s) => policy.deadlines[s].reportBack));
