// Working calendars per year (`calendars/{year}`, docs/CALENDAR.md): an administrator enters and corrects
// holidays, swapped days off and make-up working days, with their source and the provisional mark. A save
// is checked together with the other years (the deadline engine's own validation) and is used by the
// next deadline at once (the calendars' stamp, store/reference-stamps.ts). From 1 October the console and
// the officer dashboard warn while next year's calendar is missing or provisional.
import type { Firestore } from 'firebase-admin/firestore';
import { z } from 'zod';
import {
  bi,
  buildWorkingCalendar,
  Calendar,
  CalendarDataError,
  CalendarDay,
  calendarWarningText,
  nextYearCalendarWarning,
  type CalendarWarning,
  type FieldError,
} from '../../domain/index.js';
import type { AdminCalendar, CalendarWarningView, SaveCalendarBody } from '../../contract/index.js';
import { ApiError } from '../../platform/api-error.js';
import { requireRole, type Caller } from '../../platform/auth.js';
import type { Agrees, SameShape } from '../../platform/contract-check.js';
import type { ApiRequest, Reply } from '../../platform/http-router.js';
import { parseInput } from '../../platform/parse.js';
import { RequestId } from '../../platform/request-id.js';
import { checkUpdateTime, runAdminWrite, updateTimeOf } from '../../store/admin-write.js';
import { bumpStamps } from '../../store/reference-stamps.js';
import { revive } from '../../store/revive.js';

const CALENDARS = 'calendars';

export const SaveCalendarRequest = z.strictObject({
  requestId: RequestId,
  expectedUpdateTime: z.string().max(40).nullable(),
  weeklyRestDays: z.array(z.number().int().min(0).max(6)).max(6).describe('Ngày nghỉ hằng tuần (0 = Chủ nhật) / weekly rest days'),
  holidays: z.array(CalendarDay).max(80).describe('Ngày nghỉ lễ, nghỉ bù, nghỉ hoán đổi / days off'),
  makeUpWorkingDays: z.array(CalendarDay).max(30).describe('Ngày làm bù / make-up working days'),
  source: z.string().trim().normalize('NFC').min(1, bi('Ghi rõ văn bản công bố', 'name the announcing document')).max(2000),
  provisional: z.boolean().optional().describe('Tạm tính / provisional'),
});
type _SaveCalendarAgrees = Agrees<SameShape<z.input<typeof SaveCalendarRequest>, SaveCalendarBody>>;

const Year = z.coerce.number().int().min(2018).max(2100);

export type CalendarDeps = { db: Firestore; now: () => Date; caller: (req: ApiRequest) => Promise<Caller> };

function warningView(warning: CalendarWarning | undefined): CalendarWarningView | null {
  return warning ? { ...warning, message: calendarWarningText(warning) } : null;
}

function toAdmin(data: Calendar, updateTime: string | null): AdminCalendar {
  return {
    year: data.year,
    weeklyRestDays: [...data.weeklyRestDays],
    holidays: data.holidays.map((d) => ({ date: d.date, name: { ...d.name } })),
    makeUpWorkingDays: data.makeUpWorkingDays.map((d) => ({ date: d.date, name: { ...d.name } })),
    source: data.source,
    ...(data.provisional !== undefined ? { provisional: data.provisional } : {}),
    updateTime: updateTime ?? '',
  };
}

async function storedCalendars(db: Firestore): Promise<AdminCalendar[]> {
  const snap = await db.collection(CALENDARS).get();
  return snap.docs
    .map((doc) => ({ parsed: Calendar.safeParse(revive(doc.data())), updateTime: updateTimeOf(doc) }))
    .flatMap(({ parsed, updateTime }) => (parsed.success ? [toAdmin(parsed.data, updateTime)] : []))
    .sort((a, b) => a.year - b.year);
}

/** GET /api/admin/calendars — every year, and the warning due now. */
export async function adminListCalendars(req: ApiRequest, deps: CalendarDeps): Promise<Reply<'adminListCalendars'>> {
  requireRole(await deps.caller(req), ['admin']);
  const calendars = await storedCalendars(deps.db);
  return { status: 200, headers: { 'Cache-Control': 'private, no-store' }, body: { calendars, warning: warningView(nextYearCalendarWarning(calendars, deps.now())) } };
}

/** GET /api/calendars/warning — for the officer dashboard (any staff account). */
export async function calendarWarning(req: ApiRequest, deps: CalendarDeps): Promise<Reply<'calendarWarning'>> {
  requireRole(await deps.caller(req), ['receptionist', 'handler', 'lead', 'admin', 'monitor']);
  const snap = await deps.db.collection(CALENDARS).select('year', 'provisional').get();
  const years = snap.docs.map((d) => ({ year: Number(d.get('year')), provisional: d.get('provisional') === true }));
  return { status: 200, headers: { 'Cache-Control': 'private, max-age=300' }, body: { warning: warningView(nextYearCalendarWarning(years, deps.now())) } };
}

/** The engine's problems with the data, each at the field it concerns where that can be told. */
function calendarProblems(err: CalendarDataError, calendar: Calendar): FieldError[] {
  return err.issues.map((issue) => {
    const holiday = issue.date === undefined ? -1 : calendar.holidays.findIndex((d) => d.date === issue.date);
    const makeUp = issue.date === undefined ? -1 : calendar.makeUpWorkingDays.findIndex((d) => d.date === issue.date);
    const path = issue.year !== undefined && issue.year !== calendar.year ? '' : makeUp >= 0 && !issue.vi.startsWith('ngày nghỉ lễ') ? `makeUpWorkingDays.${makeUp}.date` : holiday >= 0 ? `holidays.${holiday}.date` : '';
    return { path, message: { vi: issue.vi, en: issue.en } };
  });
}

/**
 * PUT /api/admin/calendars/:year — creates or corrects one year.
 * @idempotent by (admin uid, requestId); a stale `expectedUpdateTime` is refused.
 */
export async function saveCalendar(req: ApiRequest, deps: CalendarDeps): Promise<Reply<'saveCalendar'>> {
  const caller = await deps.caller(req);
  requireRole(caller, ['admin']);
  const year = Year.safeParse(req.params.year);
  if (!year.success) {
    throw new ApiError('not-found', { vi: 'Năm không hợp lệ (2018–2100).', en: 'Invalid year (2018–2100).' }, [{ path: 'year', message: { vi: 'Năm từ 2018 đến 2100', en: 'a year from 2018 to 2100' } }]);
  }
  const input = parseInput(SaveCalendarRequest, req.body);
  const { requestId, expectedUpdateTime, ...fields } = input;
  const calendar: Calendar = { year: year.data, ...fields, ...(fields.provisional === undefined ? {} : { provisional: fields.provisional }) };
  const ref = deps.db.collection(CALENDARS).doc(String(year.data));
  const reply = await runAdminWrite(
    deps.db,
    { caller, requestId, fingerprintOf: { year: year.data, ...input, requestId: undefined }, action: 'calendar.save', target: { kind: 'calendar', id: String(year.data) }, now: deps.now() },
    async (tx) => {
      const [snap, all] = await Promise.all([tx.get(ref), tx.get(deps.db.collection(CALENDARS))]);
      checkUpdateTime(snap, expectedUpdateTime);
      const others = all.docs.filter((d) => d.id !== ref.id).map((d) => revive(d.data()) as Calendar);
      try {
        // The year is checked with the others: the engine refuses the whole set if any year is wrong.
        buildWorkingCalendar([...others, calendar]);
      } catch (err) {
        if (!(err instanceof CalendarDataError)) throw err;
        throw new ApiError('invalid-argument', { vi: 'Lịch làm việc không hợp lệ.', en: 'The working calendar is invalid.' }, calendarProblems(err, calendar));
      }
      tx.set(ref, calendar);
      bumpStamps(deps.db, tx, 'calendars');
      const before = snap.exists ? (revive(snap.data()) as Calendar) : null;
      const mark = calendar.provisional ? { vi: ', tạm tính', en: ', provisional' } : { vi: '', en: '' };
      return {
        status: snap.exists ? 200 : 201,
        answer: { calendar: toAdmin(calendar, null) },
        audit: {
          summary: {
            vi: `Lịch làm việc năm ${calendar.year}: ${calendar.holidays.length} ngày nghỉ, ${calendar.makeUpWorkingDays.length} ngày làm bù${mark.vi}`,
            en: `Working calendar ${calendar.year}: ${calendar.holidays.length} days off, ${calendar.makeUpWorkingDays.length} make-up days${mark.en}`,
          },
          before,
          after: calendar,
        },
      };
    },
  );
  // Answer with the year as stored now: its update time is what the console sends with the next save.
  const fresh = await ref.get();
  const stored = Calendar.parse(revive(fresh.data()));
  return { status: reply.status, body: { ...reply.body, calendar: toAdmin(stored, updateTimeOf(fresh)) } };
}
