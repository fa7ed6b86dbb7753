// Renders a deadline trail as one sentence per language, e.g.
//   "7 ngày làm việc từ 09:40 15/07/2026 → 09:40 24/07/2026; không tính 18–19/07 (nghỉ cuối tuần)"
//   "7 working days from 09:40 15/07/2026 → 09:40 24/07/2026; excluding 18–19/07 (weekend)"
// Parts, in this order, each present only when it applies: the count; restart; where counting started;
// pauses; a calendar-day last day moved; make-up days counted; days not counted. Dates are DD/MM in both
// languages; the year is added when it differs from the year counting began.
import { dayNumberOfDate, dayNumberOfInstant, formatLocalDateTime, yearOfDayNumber } from './local-time.js';
import { formatDuration } from './duration.js';
import type { DeadlineText, DeadlineTrailStep, SkipReason, StartMovedReason } from './trail.js';

type Step<K extends DeadlineTrailStep['kind']> = Extract<DeadlineTrailStep, { kind: K }>;

const START_MOVED: Record<StartMovedReason, DeadlineText> = {
  nonWorkingDay: { vi: 'nhận vào ngày nghỉ', en: 'received on a day off' },
  beforeOpening: { vi: 'nhận trước giờ làm việc', en: 'received before opening time' },
  betweenPeriods: {
    vi: 'nhận trong giờ nghỉ giữa ca',
    en: 'received during a break between working periods',
  },
  afterClosing: { vi: 'nhận sau giờ làm việc', en: 'received after closing time' },
};

export function explainTrail(trail: readonly DeadlineTrailStep[]): DeadlineText {
  let received: Step<'received'> | undefined;
  let restart: Step<'clockRestarted'> | undefined;
  let counted: Step<'counted'> | undefined;
  let due: Step<'due'> | undefined;
  const moved: Step<'startMoved'>[] = [];
  const pauses: Step<'clockPaused'>[] = [];
  const lastDays: Step<'lastDayMoved'>[] = [];
  const makeUps: Step<'makeUpWorkingDay'>[] = [];
  const skipped: Step<'skipped'>[] = [];
  for (const step of trail) {
    switch (step.kind) {
      case 'received':
        received ??= step;
        break;
      case 'clockRestarted':
        restart = step;
        break;
      case 'counted':
        counted ??= step;
        break;
      case 'due':
        due = step;
        break;
      case 'startMoved':
        moved.push(step);
        break;
      case 'clockPaused':
        pauses.push(step);
        break;
      case 'lastDayMoved':
        lastDays.push(step);
        break;
      case 'makeUpWorkingDay':
        makeUps.push(step);
        break;
      case 'skipped':
        skipped.push(step);
        break;
    }
  }
  if (counted === undefined || due === undefined || received === undefined) {
    throw new Error('A deadline trail needs received, counted and due steps');
  }
  const countFrom = (restart?.at ?? received.at).getTime();
  const refYear = yearOfDayNumber(dayNumberOfInstant(countFrom));
  const span = `${formatLocalDateTime(countFrom)} → ${formatLocalDateTime(due.at.getTime())}`;
  const vi: string[] = [`${formatDuration(counted.duration, 'vi')} từ ${span}`];
  const en: string[] = [`${formatDuration(counted.duration, 'en')} from ${span}`];

  if (restart !== undefined) {
    const first = formatLocalDateTime(received.at.getTime());
    vi.push(`tính lại từ đầu khi nhận đủ hồ sơ bổ sung (tiếp nhận lần đầu ${first})`);
    en.push(`restarted in full on receipt of the complete supplement (first received ${first})`);
  }
  for (const step of moved) {
    const why = START_MOVED[step.reason];
    vi.push(`tính từ ${formatLocalDateTime(step.to.getTime())} (${why.vi})`);
    en.push(`counted from ${formatLocalDateTime(step.to.getTime())} (${why.en})`);
  }
  if (pauses.length > 0) {
    const list = (word: string): string =>
      pauses
        .map((p) => {
          const range = `${formatLocalDateTime(p.from.getTime())} – ${formatLocalDateTime(p.to.getTime())}`;
          return p.resumedAt.getTime() === p.to.getTime()
            ? range
            : `${range}, ${word} ${formatLocalDateTime(p.resumedAt.getTime())}`;
        })
        .join(', ');
    vi.push(`tạm dừng chờ bổ sung hồ sơ ${list('tính tiếp từ')}`);
    en.push(`paused awaiting the supplement ${list('resumed at')}`);
  }
  for (const step of lastDays) {
    const last = formatDay(step.lastDay, Number.NaN);
    vi.push(`ngày cuối ${last} là ngày nghỉ nên hạn là cuối ngày làm việc kế tiếp`);
    en.push(`the last day ${last} is a day off, so the deadline is the end of the next working day`);
  }
  if (makeUps.length > 0) {
    const list = (language: 'vi' | 'en'): string =>
      makeUps.map((m) => `${formatDay(m.date, refYear)} (${m.name[language]})`).join(', ');
    vi.push(`tính cả ngày làm bù ${list('vi')}`);
    en.push(`including make-up working ${makeUps.length === 1 ? 'day' : 'days'} ${list('en')}`);
  }
  // Long durations cross many weekends: beyond a few, name only the holidays and count the rest days,
  // so the sentence stays readable on a receipt and a phone.
  const restDays = skipped.filter((s) => s.reason.kind !== 'holiday');
  if (restDays.length > MAX_LISTED_REST_RANGES) {
    const days = restDays.reduce((n, s) => n + dayNumberOfDate(s.to) - dayNumberOfDate(s.from) + 1, 0);
    const weekend = restDays.every((s) => s.reason.kind !== 'holiday' && s.reason.weekend);
    const listed = skipped.filter((s) => s.reason.kind === 'holiday');
    const holidays = (language: 'vi' | 'en') =>
      listed
        .map((s) => `${formatRange(s.from, s.to, refYear)} (${reasonText(s.reason)[language]})`)
        .join(', ');
    vi.push(
      `không tính ${days} ngày ${weekend ? 'nghỉ cuối tuần' : 'nghỉ hằng tuần'}${listed.length > 0 ? ` và ${holidays('vi')}` : ''}`,
    );
    en.push(
      `excluding ${days} ${weekend ? 'weekend days' : 'weekly rest days'}${listed.length > 0 ? ` and ${holidays('en')}` : ''}`,
    );
  } else if (skipped.length > 0) {
    let listVi = '';
    let listEn = '';
    for (const s of skipped) {
      const range = formatRange(s.from, s.to, refYear);
      const reason = reasonText(s.reason);
      const separator = listVi === '' ? '' : ', ';
      listVi += `${separator}${range} (${reason.vi})`;
      listEn += `${separator}${range} (${reason.en})`;
    }
    vi.push(`không tính ${listVi}`);
    en.push(`excluding ${listEn}`);
  }
  return { vi: vi.join('; '), en: en.join('; ') };
}

/** Up to this many weekend ranges are listed one by one; more are counted. */
const MAX_LISTED_REST_RANGES = 3;

const WEEKEND_TEXT: DeadlineText = { vi: 'nghỉ cuối tuần', en: 'weekend' };
const WEEKLY_REST_TEXT: DeadlineText = { vi: 'nghỉ hằng tuần', en: 'weekly rest day' };

function reasonText(reason: SkipReason): DeadlineText {
  if (reason.kind === 'holiday') return reason.name;
  return reason.weekend ? WEEKEND_TEXT : WEEKLY_REST_TEXT;
}

/** "DD/MM", or "DD/MM/YYYY" outside the reference year; works on the ISO string directly. */
function formatDay(date: string, refYear: number): string {
  const dm = `${date.slice(8, 10)}/${date.slice(5, 7)}`;
  return Number(date.slice(0, 4)) === refYear ? dm : `${dm}/${date.slice(0, 4)}`;
}

/** "18–19/07", "31/07–01/08", "02/09", or with years when the range is not in the reference year. */
export function formatRange(from: string, to: string, refYear: number): string {
  if (from === to) return formatDay(from, refYear);
  const sameYear = from.slice(0, 4) === to.slice(0, 4);
  const end = formatDay(to, sameYear ? refYear : Number.NaN);
  if (sameYear && from.slice(5, 7) === to.slice(5, 7)) return `${from.slice(8, 10)}–${end}`;
  if (sameYear) return `${from.slice(8, 10)}/${from.slice(5, 7)}–${end}`;
  return `${formatDay(from, Number.NaN)}–${end}`;
}
