// The province's organisation as a whole: where an agency may sit in the hierarchy, and what a merger
// (the 2025 reorganisation: communes merged, departments combined) changes. Pure: the admin handlers load
// the agencies, ask here, and store what comes back.
import type { FieldError } from '../shared/field-errors.js';
import { dateOfDayNumber, dayNumberOfDate } from '../time/local-time.js';
import type { LocalDate } from '../time/schemas.js';
import { isAgencyActiveOn, type Agency } from './agency.js';

const problem = (path: string, vi: string, en: string): FieldError => ({ path, message: { vi, en } });

/**
 * Where an agency may sit: its parent exists, the chain of parents never comes back to it, and a reception
 * point hangs under a service centre (it is one of the centre's counters elsewhere). Every problem at once.
 */
export function checkPlacement(agency: Agency, all: ReadonlyMap<string, Agency>): FieldError[] {
  const problems: FieldError[] = [];
  if (agency.parentId === undefined) return problems;
  const parent = all.get(agency.parentId);
  if (!parent) return [problem('parentId', 'Không có cơ quan cấp trên này', 'no such parent agency')];
  if (parent.effectiveTo !== undefined && parent.effectiveTo < agency.effectiveFrom) {
    problems.push(problem('parentId', 'Cơ quan cấp trên đã ngừng hoạt động', 'the parent agency has ceased to exist'));
  }
  const seen = new Set<string>([agency.id]);
  for (let up: Agency | undefined = parent; up !== undefined; up = up.parentId === undefined ? undefined : all.get(up.parentId)) {
    if (seen.has(up.id)) {
      problems.push(problem('parentId', 'Cấp trên tạo thành vòng lặp', 'the parent chain loops back'));
      break;
    }
    seen.add(up.id);
  }
  // A parent entered before kinds existed is no centre as far as can be told: its kind is set first.
  if (agency.kind === 'receptionPoint' && parent.kind !== 'provinceCentre' && parent.kind !== 'communeCentre') {
    problems.push(problem('parentId', 'Điểm tiếp nhận thuộc một Trung tâm Phục vụ hành chính công', 'a reception point belongs to a service centre'));
  }
  return problems;
}

export type MergerInput = {
  /** The agency that ceases (merged into the successor). */
  agency: Agency;
  successor: Agency;
  all: ReadonlyMap<string, Agency>;
  /** First day the successor does the merged agency's work; the merged agency's last day is the day before. */
  effectiveOn: LocalDate;
  /** Today in Vietnam: a merger is recorded on or after the day it takes effect, never ahead of it. */
  today: LocalDate;
};

export type MergerPlan =
  | {
      readonly ok: true;
      /** The merged agency, closed the day before `effectiveOn`, pointing to its successor. */
      readonly closed: Agency;
      /** Agencies in operation under the merged one, now under the successor. */
      readonly reparented: readonly Agency[];
    }
  | { readonly ok: false; readonly problems: readonly FieldError[] };

export const previousDate = (date: LocalDate): LocalDate => dateOfDayNumber(dayNumberOfDate(date) - 1);

/**
 * What merging `agency` into `successor` changes in the organisation. The merged agency keeps its document,
 * its name and identifier (its dossiers' history and codes name it); it ends the day before the merger
 * and points to the successor, so `findAgencyInForce` leads old references to the agency in force.
 */
export function planMerger(input: MergerInput): MergerPlan {
  const { agency, successor, all, effectiveOn, today } = input;
  const problems: FieldError[] = [];
  if (successor.id === agency.id) problems.push(problem('successorId', 'Cơ quan không thể sáp nhập vào chính nó', 'an agency cannot merge into itself'));
  if (agency.effectiveTo !== undefined) {
    problems.push(problem('agencyId', `Cơ quan đã ngừng hoạt động từ sau ngày ${agency.effectiveTo}`, `the agency already ceased after ${agency.effectiveTo}`));
  }
  if (!isAgencyActiveOn(successor, effectiveOn) || successor.effectiveTo !== undefined) {
    problems.push(problem('successorId', 'Cơ quan kế thừa phải đang hoạt động', 'the successor must be in operation'));
  }
  if (effectiveOn > today) {
    problems.push(problem('effectiveOn', 'Chỉ ghi nhận sáp nhập từ ngày có hiệu lực, không trước', 'record a merger on or after the day it takes effect, not before'));
  }
  if (effectiveOn <= agency.effectiveFrom) {
    problems.push(problem('effectiveOn', 'Ngày sáp nhập phải sau ngày cơ quan bắt đầu hoạt động', 'the merger must come after the agency began'));
  }
  // The successor must not sit under the merged agency: re-parenting would hang it under itself.
  for (let up = successor.parentId === undefined ? undefined : all.get(successor.parentId); up; up = up.parentId === undefined ? undefined : all.get(up.parentId)) {
    if (up.id === agency.id) {
      problems.push(problem('successorId', 'Cơ quan kế thừa đang trực thuộc cơ quan bị sáp nhập; chuyển nó lên cấp khác trước', 'the successor sits under the merged agency; move it first'));
      break;
    }
    if (up.id === successor.id) break; // a loop elsewhere is not this merger's business
  }
  if (problems.length > 0) return { ok: false, problems };
  const closed: Agency = { ...agency, effectiveTo: previousDate(effectiveOn), successorId: successor.id };
  const reparented = [...all.values()]
    .filter((a) => a.parentId === agency.id && a.id !== successor.id && (a.effectiveTo === undefined || a.effectiveTo >= effectiveOn))
    .map((a) => ({ ...a, parentId: successor.id }));
  return { ok: true, closed, reparented };
}
