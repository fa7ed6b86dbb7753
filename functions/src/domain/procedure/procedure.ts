// An administrative procedure (thủ tục hành chính) as published in the national catalogue, one object per
// version. A dossier pins the version (and rule set) in force when it was received, so editing a procedure
// means adding a version, never changing one that dossiers point to.
import { z } from 'zod';
import { AgencyLevel } from '../agency/agency.js';
import { AgencyId } from '../agency/agency-id.js';
import { Bilingual, bi } from '../shared/bilingual.js';
import { AmountVnd } from '../shared/primitives.js';
import { RULE_SETS, RuleSet } from '../rule-set/rule-set.js';
import { Duration, LocalDate } from '../time/schemas.js';
import { RequiredComponent } from './component.js';
import { ProcedureField } from './field.js';
import { ONLINE_LEVELS } from './labels.js';
import { ProcessStep } from './step.js';

/** National procedure code, e.g. `1.004227`. */
export const ProcedureCode = z
  .string()
  .regex(/^\d\.\d{6}$/, bi('Mã thủ tục có dạng 1.004227', 'procedure code looks like 1.004227'))
  .describe('Mã thủ tục hành chính / national procedure code');
export type ProcedureCode = z.infer<typeof ProcedureCode>;

export const OnlineLevel = z
  .enum(ONLINE_LEVELS)
  .describe('Dịch vụ công trực tuyến toàn trình / một phần — fully or partly online');
export type OnlineLevel = z.infer<typeof OnlineLevel>;

export { ONLINE_LEVEL_LABELS } from './labels.js';

/**
 * What happens to the clock when a supplement arrives after appraisal started: `restart` from zero (Decree
 * 61/2018 Art. 19(4), the default) or `pause` and resume where it stopped (some sectoral laws).
 */
export const SupplementClockPolicy = z
  .enum(['restart', 'pause'])
  .describe('Cách tính thời gian khi bổ sung hồ sơ / clock policy on supplement');
export type SupplementClockPolicy = z.infer<typeof SupplementClockPolicy>;

/**
 * Where a procedure may NOT be received at any desk of the province (Decree 118 Art. 14.3): mobile
 * procedures, those needing an on-site inspection, and those offered online only.
 */
export const ReceptionException = z.enum(['mobile', 'onSite', 'onlineOnly']).describe('Ngoại lệ tiếp nhận không phụ thuộc địa giới / exception to reception anywhere');
export type ReceptionException = z.infer<typeof ReceptionException>;

/** A sectoral rule that replaces a default period of the rule set, with its legal basis. */
export const SectoralPeriod = z.strictObject({
  /** Working days (supplement request window) or days (supplement expiry); null: no limit. */
  value: z.number().int().min(1).max(365).nullable(),
  legalBasis: z.string().trim().min(1).max(500).describe('Căn cứ pháp lý chuyên ngành / sectoral legal basis'),
});
export type SectoralPeriod = z.infer<typeof SectoralPeriod>;

/** What is handed back when processing stops at the applicant's request (Decree 118 Art. 21). */
export const StopPolicy = z.strictObject({
  papersReturned: z.boolean().describe('Trả lại hồ sơ giấy / paper documents returned'),
  feesRefunded: z.boolean().describe('Hoàn trả phí, lệ phí / fees refunded'),
  legalBasis: z.string().trim().min(1).max(500).optional(),
});
export type StopPolicy = z.infer<typeof StopPolicy>;

export const DEFAULT_STOP_POLICY: StopPolicy = { papersReturned: true, feesRefunded: false };

export const Fee = z.strictObject({
  amountVnd: AmountVnd,
  description: Bilingual.describe('Phí, lệ phí / what the fee is for'),
});
export type Fee = z.infer<typeof Fee>;

/**
 * An everyday name people search by ("sổ đỏ", "sổ hồng", "cấp lại sổ"): the catalogue's official names
 * are not what citizens type. The portal ranks a procedure first when the query is one of these
 * (matching without Vietnamese marks, as people type on phones).
 */
export const SearchTerm = z
  .string()
  .trim()
  .min(2, bi('Từ khóa tìm kiếm có ít nhất 2 ký tự', 'a search term has at least 2 characters'))
  .max(80, bi('Từ khóa tìm kiếm tối đa 80 ký tự', 'a search term has at most 80 characters'))
  .describe('Tên gọi thông dụng / everyday name to search by');

export const Procedure = z
  .strictObject({
    code: ProcedureCode,
    version: z.number().int().min(1).describe('Phiên bản / version'),
    name: Bilingual.describe('Tên thủ tục / procedure name'),
    field: ProcedureField,
    competentLevels: z.array(AgencyLevel).min(1).describe('Cấp thực hiện / levels that handle it'),
    ruleSet: RuleSet,
    effectiveFrom: LocalDate.describe('Áp dụng từ ngày / in force from'),
    effectiveTo: LocalDate.optional().describe('Áp dụng đến hết ngày / in force until (inclusive)'),
    legalDuration: Duration.describe('Thời hạn giải quyết theo quy định / legal processing time'),
    fees: z.array(Fee).describe('Phí, lệ phí / fees'),
    components: z.array(RequiredComponent).min(1).describe('Thành phần hồ sơ / required documents'),
    onlineLevel: OnlineLevel,
    steps: z.array(ProcessStep).min(1).describe('Quy trình nội bộ / internal process'),
    supplementClockPolicy: SupplementClockPolicy.default('restart'),
    /** The agency that decides, for procedures decided by one named agency (province departments). */
    competentAgencyId: AgencyId.optional().describe('Cơ quan có thẩm quyền giải quyết / competent agency'),
    receptionExceptions: z.array(ReceptionException).default([]),
    /** Replaces the rule set's "supplement after appraisal within 3 working days of reception". */
    supplementRequestWindow: SectoralPeriod.optional(),
    /** Replaces the rule set's "closed when not supplemented within 15 days of the notice". */
    supplementExpiry: SectoralPeriod.optional(),
    stopPolicy: StopPolicy.default(DEFAULT_STOP_POLICY),
    legalBasis: z.array(z.string().trim().min(1)).min(1).describe('Căn cứ pháp lý / legal basis'),
    searchTerms: z.array(SearchTerm).max(30).default([]).describe('Tên gọi thông dụng để tìm kiếm / everyday names to search by'),
  })
  .superRefine((p, ctx) => {
    const issue = (path: PropertyKey[], vi: string, en: string) =>
      ctx.addIssue({ code: 'custom', path, message: bi(vi, en), input: p });
    if (p.effectiveTo !== undefined && p.effectiveTo < p.effectiveFrom) {
      issue(
        ['effectiveTo'],
        'Ngày kết thúc phải sau ngày bắt đầu',
        'effectiveTo must not precede effectiveFrom',
      );
    }
    const ruleSet = RULE_SETS[p.ruleSet];
    if (
      p.effectiveFrom < ruleSet.effectiveFrom ||
      (ruleSet.effectiveTo !== undefined && p.effectiveFrom > ruleSet.effectiveTo)
    ) {
      issue(
        ['effectiveFrom'],
        'Ngày áp dụng nằm ngoài hiệu lực của bộ quy định',
        'effectiveFrom is outside the rule set’s period',
      );
    }
    if (p.ruleSet !== 'nd61-2018' && p.competentLevels.includes('district')) {
      issue(
        ['competentLevels'],
        'Cấp huyện không còn từ 01/07/2025',
        'the district level no longer exists from 01/07/2025',
      );
    }
    for (const [key, ids] of [
      ['components', p.components.map((c) => c.id)],
      ['steps', p.steps.map((s) => s.id)],
    ] as const) {
      const duplicate = ids.find((id, i) => ids.indexOf(id) !== i);
      if (duplicate !== undefined) issue([key], `Mã bị trùng: ${duplicate}`, `duplicate id: ${duplicate}`);
    }
    // Budgets in the same unit as the legal time must fit inside it; mixed units are checked by the
    // deadline engine when the route is planned.
    const sameUnit = p.steps.filter((s) => s.budget.unit === p.legalDuration.unit);
    if (sameUnit.length === p.steps.length) {
      const total = sameUnit.reduce((sum, s) => sum + s.budget.value, 0);
      if (total > p.legalDuration.value + 1e-9) {
        issue(
          ['steps'],
          `Tổng thời gian các bước (${total}) vượt thời hạn giải quyết (${p.legalDuration.value})`,
          `step budgets (${total}) exceed the legal time (${p.legalDuration.value})`,
        );
      }
    }
  });
export type Procedure = z.infer<typeof Procedure>;

/** Document id of one procedure version, e.g. `1.004227@v2`. */
export function procedureVersionId(code: ProcedureCode, version: number): string {
  return `${code}@v${version}`;
}

/** Total of all fees, in đồng. */
export function totalFeeVnd(procedure: Pick<Procedure, 'fees'>): number {
  return procedure.fees.reduce((sum, fee) => sum + fee.amountVnd, 0);
}

/** The version of a procedure in force on a local date, among the given versions of one code. */
export function findProcedureVersionOn(
  versions: readonly Procedure[],
  date: LocalDate,
): Procedure | undefined {
  return versions.find(
    (p) => date >= p.effectiveFrom && (p.effectiveTo === undefined || date <= p.effectiveTo),
  );
}
export type ProcedureInput = z.input<typeof Procedure>;
