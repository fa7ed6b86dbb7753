// Tunables of the deadline sweep in one place, so an administrator's change is one edit and tests read
// the same values.
import { CLOCK_RUNNING_STATUSES } from '../../domain/index.js';

export const SWEEP_CONFIG = {
  /**
   * Statuses in which the processing clock runs (as domain `deadlineFlags` counts them): only these can be
   * due soon or overdue. Awaiting a supplement stops the clock, so those dossiers are left out.
   */
  openStatuses: CLOCK_RUNNING_STATUSES,
  /**
   * Escalation level n is reached when a dossier has been overdue for at least `escalationAfterWorkingDays[n-1]`
   * working days: 1 handler → 2 agency lead → 3 one-stop desk head (lead of the receiving agency) →
   * 4 province monitor.
   */
  escalationAfterWorkingDays: [0, 1, 2, 3] as const,
  /** Firestore allows 500 writes in one batch. */
  batchSize: 500,
} as const;

export type EscalationLevel = 0 | 1 | 2 | 3 | 4;

export const ESCALATION_AUDIENCE = {
  1: 'handler',
  2: 'agencyLead',
  3: 'deskHead',
  4: 'provinceMonitor',
} as const;
