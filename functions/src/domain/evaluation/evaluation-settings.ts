// Points, targets and thresholds of the evaluation indices. The reference marks them "reported" (Decision
// 766's sub-indicator points and targets, Circular 01's per-index scoring and class boundaries), so they are
// defaults here that an administrator corrects without a deploy: Firestore `evaluationSettings/current`,
// parsed by `EvaluationSettings`, read through the store's reference-data cache and merged over these.
import { z } from 'zod';
import { AgencyId } from '../agency/agency-id.js';
import { FEEDBACK_DEADLINE_DEFAULTS, FeedbackDeadlineSettings } from '../feedback/deadlines.js';
import { bi } from '../shared/bilingual.js';
import { D766_SUB_INDICATORS, type D766SubIndicator } from './d766-labels.js';

const Rate = z.number().min(0).max(1);

export const D766SubIndicatorSetting = z.strictObject({
  points: z.number().min(0).max(100).describe('Điểm tối đa / maximum points'),
  target: z.number().gt(0, bi('Chỉ tiêu phải lớn hơn 0', 'the target must be above 0')).max(1).describe('Chỉ tiêu (tỷ lệ 0–1) / target rate'),
});
export type D766SubIndicatorSetting = z.infer<typeof D766SubIndicatorSetting>;

/** Index scored 2 at or above `full`, 1 at or above `half`, else 0 (rates 0–1). */
export const RateThresholds = z
  .strictObject({ full: Rate, half: Rate })
  .refine((t) => t.full >= t.half, { path: ['half'], error: bi('Ngưỡng 1 điểm không cao hơn ngưỡng 2 điểm', 'the 1-point threshold must not exceed the 2-point one') });
export type RateThresholds = z.infer<typeof RateThresholds>;

/** Lower bounds (inclusive) of the classes on the 18-point total. */
export const ClassThresholds = z
  .strictObject({ excellent: z.number().min(0).max(18), good: z.number().min(0).max(18), fair: z.number().min(0).max(18), average: z.number().min(0).max(18) })
  .refine((t) => t.excellent >= t.good && t.good >= t.fair && t.fair >= t.average, {
    error: bi('Ngưỡng xếp loại phải giảm dần: Xuất sắc ≥ Tốt ≥ Khá ≥ Trung bình', 'class bounds must descend: excellent ≥ good ≥ fair ≥ average'),
  });
export type ClassThresholds = z.infer<typeof ClassThresholds>;

export const EvaluationSettings = z.strictObject({
  decision766: z
    .strictObject({ subIndicators: z.partialRecord(z.enum(D766_SUB_INDICATORS), D766SubIndicatorSetting) })
    .optional()
    .describe('Quyết định 766/QĐ-TTg: điểm và chỉ tiêu / points and targets'),
  circular01: z
    .strictObject({
      classThresholds: ClassThresholds.optional(),
      index5: RateThresholds.optional(),
      index8: RateThresholds.optional(),
      index9: RateThresholds.optional(),
      /** Agencies that post their procedures at the desk (index 6 counts it with online publication). */
      postedAtDesk: z.array(AgencyId).max(1000).optional(),
    })
    .optional()
    .describe('Thông tư 01/2018/TT-VPCP: ngưỡng chấm điểm và xếp loại / scoring and class thresholds'),
  feedbackDeadlines: FeedbackDeadlineSettings.optional(),
  source: z.string().trim().min(1).max(500).optional().describe('Nguồn, căn cứ / where the values come from'),
});
export type EvaluationSettings = z.infer<typeof EvaluationSettings>;

/**
 * Default points and targets. Group totals are the Decision's (18/20/22/22/18); the points of 1.x, 4.x and
 * 5.x and the targets of 3.1, 3.3, 3.5, 4.2 and 5.4 are those the national portal is reported to use; the
 * split of group 2 (14 + 6) and of the online groups (4 + 4 + 4, 5 + 5) is the project's, since the reference
 * gives only the totals. Targets not reported are 100%.
 */
export const D766_DEFAULTS = {
  '1.1': { points: 6, target: 1 },
  '1.2': { points: 4, target: 1 },
  '1.3': { points: 2, target: 1 },
  '1.4': { points: 6, target: 1 },
  '2.1': { points: 14, target: 1 },
  '2.2': { points: 6, target: 1 },
  '3.1': { points: 4, target: 0.8 },
  '3.2': { points: 4, target: 1 },
  '3.3': { points: 4, target: 0.5 },
  '3.5': { points: 5, target: 0.8 },
  '3.6': { points: 5, target: 1 },
  '4.1': { points: 6, target: 1 },
  '4.2': { points: 4, target: 0.8 },
  '4.3': { points: 2, target: 1 },
  '4.4': { points: 4, target: 1 },
  '4.5': { points: 4, target: 1 },
  '4.6': { points: 2, target: 1 },
  '5.2': { points: 6, target: 1 },
  '5.3': { points: 6, target: 1 },
  '5.4': { points: 6, target: 0.9 },
} as const satisfies Record<D766SubIndicator, D766SubIndicatorSetting>;

/**
 * Circular 01 defaults. Class bounds as one production system uses them (the boundary at 15 belongs to
 * Xuất sắc here); index 8 as `scoreFeedbackHandlingIndex` always scored it; indices 5 and 9 have no
 * published scale, so their rate thresholds are the project's until the province sets its own.
 */
export const C01_DEFAULTS = {
  classThresholds: { excellent: 15, good: 12, fair: 9, average: 6 },
  index5: { full: 0.9, half: 0.7 },
  index8: { full: 1, half: 0.9 },
  index9: { full: 0.5, half: 0.2 },
  postedAtDesk: [] as readonly string[],
} as const;

export type ResolvedEvaluationSettings = {
  readonly d766: Readonly<Record<D766SubIndicator, D766SubIndicatorSetting>>;
  readonly c01: {
    readonly classThresholds: ClassThresholds;
    readonly index5: RateThresholds;
    readonly index8: RateThresholds;
    readonly index9: RateThresholds;
    readonly postedAtDesk: readonly string[];
  };
  readonly feedbackDeadlines: FeedbackDeadlineSettings;
  readonly source: string | undefined;
};

/** The stored corrections over the defaults (nothing stored: the defaults). */
export function resolveEvaluationSettings(stored?: EvaluationSettings): ResolvedEvaluationSettings {
  const c01 = stored?.circular01 ?? {};
  return {
    d766: { ...D766_DEFAULTS, ...(stored?.decision766?.subIndicators ?? {}) },
    c01: {
      classThresholds: c01.classThresholds ?? C01_DEFAULTS.classThresholds,
      index5: c01.index5 ?? C01_DEFAULTS.index5,
      index8: c01.index8 ?? C01_DEFAULTS.index8,
      index9: c01.index9 ?? C01_DEFAULTS.index9,
      postedAtDesk: c01.postedAtDesk ?? C01_DEFAULTS.postedAtDesk,
    },
    feedbackDeadlines: stored?.feedbackDeadlines ?? FEEDBACK_DEADLINE_DEFAULTS,
    source: stored?.source,
  };
}
