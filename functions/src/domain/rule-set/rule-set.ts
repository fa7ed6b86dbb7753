// The legal rule set a dossier is handled under. A dossier pins the rule set in force on the day it was
// received and keeps it to the end, even when the law changes while it is being processed.
import { z } from 'zod';
import type { LocalDate } from '../time/schemas.js';

export const RuleSet = z
  .enum(['nd61-2018', 'nd118-2025'])
  .describe('Bộ quy định áp dụng / legal rule set (Decree 61/2018 or Decree 118/2025)');
export type RuleSet = z.infer<typeof RuleSet>;

/**
 * Dates in force, inclusive. Decree 118/2025 (reported in force from 01/07/2025, also the day the
 * district level was abolished) is not verified from the gazette: these are data, easy to correct.
 */
export const RULE_SETS = {
  'nd61-2018': {
    effectiveFrom: '2018-06-21',
    effectiveTo: '2025-06-30',
    label: {
      vi: 'Nghị định 61/2018/NĐ-CP (sửa đổi bởi Nghị định 107/2021/NĐ-CP)',
      en: 'Decree 61/2018 (amended by Decree 107/2021)',
    },
  },
  'nd118-2025': {
    effectiveFrom: '2025-07-01',
    effectiveTo: undefined,
    label: { vi: 'Nghị định 118/2025/NĐ-CP', en: 'Decree 118/2025' },
  },
} as const satisfies Record<
  RuleSet,
  { effectiveFrom: LocalDate; effectiveTo: LocalDate | undefined; label: { vi: string; en: string } }
>;

/** Last day on which district-level agencies existed (two-tier local government from 01/07/2025). */
export const DISTRICT_LEVEL_LAST_DAY: LocalDate = '2025-06-30';

/** The rule set in force on a local date; undefined before Decree 61/2018. */
export function findRuleSetOn(date: LocalDate): RuleSet | undefined {
  for (const [id, set] of Object.entries(RULE_SETS) as [RuleSet, (typeof RULE_SETS)[RuleSet]][]) {
    if (date >= set.effectiveFrom && (set.effectiveTo === undefined || date <= set.effectiveTo)) return id;
  }
  return undefined;
}
