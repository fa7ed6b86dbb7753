// Renders a deadline trail as one sentence per language, e.g.
//   "7 ngày làm việc từ 09:40 15/07/2026 → 09:40 24/07/2026; không tính 18–19/07 (nghỉ cuối tuần)"
//   "7 working days from 09:40 15/07/2026 → 09:40 24/07/2026; excluding 18–19/07 (weekend)"
// Dates are DD/MM in both languages; the year is shown only when it differs from the year counting began.
import { dayNumberOfDate, dayNumberOfInstant, formatDayNumber, formatLocalDateTime, yearOfDayNumber } from './local-time.js';
import { formatDuration } from './duration.js';
import type { DeadlineText, DeadlineTrailStep, SkipReason, StartMovedReason } from './trail.js';

type Step<K extends DeadlineTrailStep['kind']> = Extract<DeadlineTrailStep, { kind: K }>;

const START_MOVED: Record<StartMovedReason, DeadlineText> = {
  nonWorkingDay: { vi: 'nhận vào ngày nghỉ', en: 'received on a day off' },
  beforeOpening: { vi: 'nhận trước giờ làm việc', en: 'received before opening time' },
  betweenPeriods: { vi: 'nhận trong giờ nghỉ giữa ca', en: 'received during a break between working periods' },
  afterClosing: { vi: 'nhận sau giờ làm việc', en: 'received after closing time' },
};

export function explainTrail(trail: readonly DeadlineTrailStep[]): DeadlineText {
  const pick = <K extends DeadlineTrailStep['kind']>(kind: K): Step<K>[] =>
    trail.filter((s): s is Step<K> => s.kind === kind);
  const counted = pick('counted')[0];
  const due = pick('due')[0];
  const received = pick('received')[0];
  if (counted === undefined || due === undefined || received === undefined) {
    throw new Error('A deadline trail needs received, counted and due steps');
  }
  const restarts = pick('clockRestarted');
  const restart = restarts[restarts.length - 1];
  const countFrom = restart?.at ?? received.at;
  const refYear = yearOfDayNumber(dayNumberOfInstant(countFrom.getTime()));
  const vi: string[] = [`${formatDuration(counted.duration, 'vi')} từ ${formatLocalDateTime(countFrom.getTime())} → ${formatLocalDateTime(due.at.getTime())}`];
  const en: string[] = [`${formatDuration(counted.duration, 'en')} from ${formatLocalDateTime(countFrom.getTime())} → ${formatLocalDateTime(due.at.getTime())}`];

  if (restart !== undefined) {
    vi.push(`tính lại từ đầu khi nhận đủ hồ sơ bổ sung (tiếp nhận lần đầu ${formatLocalDateTime(received.at.getTime())})`);
    en.push(`restarted in full on receipt of the complete supplement (first received ${formatLocalDateTime(received.at.getTime())})`);
  }
  for (const moved of pick('startMoved')) {
    const why = START_MOVED[moved.reason];
    vi.push(`tính từ ${formatLocalDateTime(moved.to.getTime())} (${why.vi})`);
    en.push(`counted from ${formatLocalDateTime(moved.to.getTime())} (${why.en})`);
  }
  const pauses = pick('clockPaused');
  if (pauses.length > 0) {
    const range = (p: Step<'clockPaused'>): string => `${formatLocalDateTime(p.from.getTime())} – ${formatLocalDateTime(p.to.getTime())}`;
    const resumed = (p: Step<'clockPaused'>, word: string): string =>
      p.resumedAt.getTime() === p.to.getTime() ? '' : `, ${word} ${formatLocalDateTime(p.resumedAt.getTime())}`;
    vi.push(`tạm dừng chờ bổ sung hồ sơ ${pauses.map((p) => `${range(p)}${resumed(p, 'tính tiếp từ')}`).join(', ')}`);
    en.push(`paused awaiting the supplement ${pauses.map((p) => `${range(p)}${resumed(p, 'resumed at')}`).join(', ')}`);
  }
  for (const moved of pick('lastDayMoved')) {
    const last = formatDayNumber(dayNumberOfDate(moved.lastDay));
    vi.push(`ngày cuối ${last} là ngày nghỉ nên hạn là cuối ngày làm việc kế tiếp`);
    en.push(`the last day ${last} is a day off, so the deadline is the end of the next working day`);
  }
  const makeUps = pick('makeUpWorkingDay');
  if (makeUps.length > 0) {
    const list = (language: 'vi' | 'en'): string =>
      makeUps.map((m) => `${formatDay(m.date, refYear)} (${m.name[language]})`).join(', ');
    vi.push(`tính cả ngày làm bù ${list('vi')}`);
    en.push(`including make-up working ${makeUps.length === 1 ? 'day' : 'days'} ${list('en')}`);
  }
  const skipped = pick('skipped');
  if (skipped.length > 0) {
    const list = (language: 'vi' | 'en'): string =>
      skipped.map((s) => `${formatRange(s.from, s.to, refYear)} (${reasonText(s.reason)[language]})`).join(', ');
    vi.push(`không tính ${list('vi')}`);
    en.push(`excluding ${list('en')}`);
  }
  return { vi: vi.join('; '), en: en.join('; ') };
}

function reasonText(reason: SkipReason): DeadlineText {
  if (reason.kind === 'holiday') return reason.name;
  return reason.weekend ? { vi: 'nghỉ cuối tuần', en: 'weekend' } : { vi: 'nghỉ hằng tuần', en: 'weekly rest day' };
}

function formatDay(date: string, refYear: number): string {
  const day = dayNumberOfDate(date);
  return formatDayNumber(day, yearOfDayNumber(day) !== refYear);
}

/** "18–19/07", "31/07–01/08", "02/09", or with years when the range is not in the reference year. */
export function formatRange(from: string, to: string, refYear: number): string {
  if (from === to) return formatDay(from, refYear);
  const sameYear = from.slice(0, 4) === to.slice(0, 4);
  const withYear = !sameYear || Number(from.slice(0, 4)) !== refYear;
  const end = formatDayNumber(dayNumberOfDate(to), withYear);
  if (sameYear && from.slice(5, 7) === to.slice(5, 7)) return `${from.slice(8, 10)}–${end}`;
  if (sameYear) return `${from.slice(8, 10)}/${from.slice(5, 7)}–${end}`;
  return `${formatDayNumber(dayNumberOfDate(from))}–${end}`;
}
