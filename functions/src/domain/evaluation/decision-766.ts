// Decision 766/QĐ-TTg scores from counts. Reaching a target earns the full points; below it, points =
// rate × points ÷ target (reported formula). A sub-indicator the product holds no data for, or whose
// denominator is empty in the period, is "no data" with the reason: it earns nothing and is left out of
// the points available, so it is never scored as zero nor as full points. Pure: the roll-ups supply the counts.
import type { Bilingual } from '../shared/bilingual.js';
import { D766_SUB_INDICATOR_INFO, D766_SUB_INDICATORS, D766_GROUPS, type D766Group, type D766SubIndicator } from './d766-labels.js';
import type { D766SubIndicatorSetting } from './evaluation-settings.js';

/** Sub-indicators whose data the product does not hold yet, and why. */
export const D766_NOT_HELD: Partial<Record<D766SubIndicator, Bilingual>> = {
  '1.1': { vi: 'Hệ thống chưa lưu ngày công bố TTHC', en: 'the system does not record when procedures were announced' },
  '1.2': { vi: 'Hệ thống chưa kết nối CSDL quốc gia về TTHC', en: 'the system is not connected to the national procedure database' },
  '1.3': { vi: 'Danh mục chưa ghi trạng thái công khai từng thành phần', en: 'the catalogue does not record the publication of each component' },
  '1.4': { vi: 'Chưa có đồng bộ với Cổng DVCQG', en: 'there is no sync with the national portal yet' },
  '3.5': { vi: 'Chưa tích hợp thanh toán trực tuyến', en: 'online payment is not integrated yet' },
  '3.6': { vi: 'Chưa tích hợp thanh toán trực tuyến', en: 'online payment is not integrated yet' },
  '4.3': { vi: 'Chưa kết nối kho dữ liệu số hóa', en: 'no digitised-data store is connected yet' },
  '4.4': { vi: 'Chưa kết nối kho dữ liệu cá nhân', en: 'no citizen data store is connected yet' },
  '4.5': { vi: 'Chưa đăng nhập bằng VNeID', en: 'VNeID sign-in is not available yet' },
  '4.6': { vi: 'Chưa có chứng thực bản sao điện tử', en: 'electronic certified copies are not offered yet' },
};

/** The counts of one agency (or the province) over one period, as the roll-ups keep them. */
export type D766Counts = {
  readonly finished: number;
  readonly finishedOnTime: number;
  /** Sum over finished dossiers of (working time used ÷ allowed) in thousandths, and how many. */
  readonly timeUsedPermilleSum: number;
  readonly timeUsedCount: number;
  readonly received: number;
  readonly receivedOnline: number;
  readonly receivedDigitised: number;
  readonly returned: number;
  readonly returnedOnline: number;
  readonly rated: number;
  /** Ratings "dissatisfied" or "very dissatisfied". */
  readonly ratedNegative: number;
  /** Complaints about staff conduct verified by the agency (feedback and ratings). */
  readonly verifiedComplaints: number;
  readonly feedbackAnswered: number;
  readonly feedbackAnsweredOnTime: number;
  readonly feedbackRated: number;
  readonly feedbackSatisfied: number;
  /** Procedures of the catalogue in force for the agency; online ones; online ones with an online dossier in the period. */
  readonly procedures: number;
  readonly proceduresOnline: number;
  readonly proceduresOnlineUsed: number;
};

export type D766Score =
  | { readonly id: D766SubIndicator; readonly kind: 'scored'; readonly rate: number; readonly points: number; readonly maxPoints: number; readonly target: number; readonly numerator: number; readonly denominator: number }
  | { readonly id: D766SubIndicator; readonly kind: 'noData'; readonly reason: Bilingual; readonly maxPoints: number; readonly target: number };

export type D766GroupScore = { readonly group: D766Group; readonly points: number; readonly maxPoints: number; readonly availablePoints: number };

export type D766Result = {
  readonly subIndicators: readonly D766Score[];
  readonly groups: readonly D766GroupScore[];
  /** Points earned, out of the Decision's total (100 with the default points). */
  readonly points: number;
  readonly maxPoints: number;
  /** The points of the sub-indicators with data: the fair basis to compare agencies. */
  readonly availablePoints: number;
  /** points ÷ availablePoints, 4 decimals; null when nothing has data. */
  readonly percent: number | null;
};

const round2 = (n: number) => Math.round(n * 100) / 100;
const round4 = (n: number) => Math.round(n * 10_000) / 10_000;

/** Full points at or above the target; below, rate × points ÷ target. */
export function pointsFor(rate: number, setting: D766SubIndicatorSetting): number {
  return round2(Math.min(rate / setting.target, 1) * setting.points);
}

type Measured = { rate: number; numerator: number; denominator: number } | { noData: Bilingual };

const EMPTY = {
  dossiers: { vi: 'Không có hồ sơ kết thúc trong kỳ', en: 'no dossier finished in the period' },
  received: { vi: 'Không có hồ sơ tiếp nhận trong kỳ', en: 'no dossier received in the period' },
  returned: { vi: 'Không có hồ sơ trả kết quả trong kỳ', en: 'no result returned in the period' },
  feedback: { vi: 'Không có phản ánh được trả lời trong kỳ', en: 'no feedback answered in the period' },
  feedbackRated: { vi: 'Chưa người gửi nào đánh giá câu trả lời', en: 'no sender rated an answer' },
  procedures: { vi: 'Không có TTHC trong danh mục', en: 'no procedure in the catalogue' },
  online: { vi: 'Không có TTHC trực tuyến', en: 'no procedure offered online' },
  satisfaction: { vi: 'Không có hồ sơ kết thúc hay đánh giá trong kỳ', en: 'no dossier finished or rated in the period' },
} as const;

const ratio = (numerator: number, denominator: number, empty: Bilingual): Measured =>
  denominator > 0 ? { rate: Math.min(numerator / denominator, 1), numerator, denominator } : { noData: empty };

/** The rate of one sub-indicator from the counts (before points). */
export function measure766(id: D766SubIndicator, c: D766Counts): Measured {
  const notHeld = D766_NOT_HELD[id];
  if (notHeld) return { noData: notHeld };
  switch (id) {
    case '2.1':
      return ratio(c.finishedOnTime, c.finished, EMPTY.dossiers);
    case '2.2': {
      if (c.timeUsedCount === 0) return { noData: EMPTY.dossiers };
      // Average share of the allowed time used; within the legal time (≤ 1) is full marks.
      const average = c.timeUsedPermilleSum / c.timeUsedCount / 1000;
      return { rate: average <= 1 ? 1 : 1 / average, numerator: c.timeUsedCount, denominator: c.timeUsedCount };
    }
    case '3.1':
      return ratio(c.proceduresOnline, c.procedures, EMPTY.procedures);
    case '3.2':
      return ratio(c.proceduresOnlineUsed, c.proceduresOnline, EMPTY.online);
    case '3.3':
      return ratio(c.receivedOnline, c.received, EMPTY.received);
    case '4.1':
      return ratio(c.returnedOnline, c.returned, EMPTY.returned);
    case '4.2':
      return ratio(c.receivedDigitised, c.received, EMPTY.received);
    case '5.2':
      return ratio(c.feedbackAnsweredOnTime, c.feedbackAnswered, EMPTY.feedback);
    case '5.3':
      return ratio(c.feedbackSatisfied, c.feedbackRated, EMPTY.feedbackRated);
    case '5.4': {
      if (c.finished === 0 && c.rated === 0 && c.verifiedComplaints === 0) return { noData: EMPTY.satisfaction };
      const lateShare = c.finished === 0 ? 0 : (c.finished - c.finishedOnTime) / c.finished;
      const voiced = c.rated + c.verifiedComplaints;
      const unhappyShare = voiced === 0 ? 0 : Math.min((c.ratedNegative + c.verifiedComplaints) / voiced, 1);
      return { rate: Math.max(0, 1 - (lateShare + unhappyShare)), numerator: c.finished + voiced, denominator: c.finished + voiced };
    }
    default:
      return { noData: { vi: 'Chưa có dữ liệu', en: 'no data' } };
  }
}

export function score766(counts: D766Counts, settings: Readonly<Record<D766SubIndicator, D766SubIndicatorSetting>>): D766Result {
  const subIndicators: D766Score[] = D766_SUB_INDICATORS.map((id) => {
    const setting = settings[id];
    const m = measure766(id, counts);
    if ('noData' in m) return { id, kind: 'noData', reason: m.noData, maxPoints: setting.points, target: setting.target };
    return { id, kind: 'scored', rate: round4(m.rate), points: pointsFor(m.rate, setting), maxPoints: setting.points, target: setting.target, numerator: m.numerator, denominator: m.denominator };
  });
  const groups = D766_GROUPS.map((group) => {
    const mine = subIndicators.filter((s) => D766_SUB_INDICATOR_INFO[s.id].group === group);
    return {
      group,
      points: round2(mine.reduce((sum, s) => sum + (s.kind === 'scored' ? s.points : 0), 0)),
      maxPoints: round2(mine.reduce((sum, s) => sum + s.maxPoints, 0)),
      availablePoints: round2(mine.reduce((sum, s) => sum + (s.kind === 'scored' ? s.maxPoints : 0), 0)),
    };
  });
  const points = round2(groups.reduce((s, g) => s + g.points, 0));
  const availablePoints = round2(groups.reduce((s, g) => s + g.availablePoints, 0));
  return {
    subIndicators,
    groups,
    points,
    maxPoints: round2(groups.reduce((s, g) => s + g.maxPoints, 0)),
    availablePoints,
    percent: availablePoints === 0 ? null : round4(points / availablePoints),
  };
}

/**
 * Ranks by percent of the available points, best first; equal percents share a rank (1, 2, 2, 4); units
 * without data come last, unranked (null).
 */
export function rank766<T extends { readonly percent: number | null }>(units: readonly T[]): (number | null)[] {
  return units.map((u) => (u.percent === null ? null : 1 + units.filter((o) => o.percent !== null && o.percent > u.percent!).length));
}
