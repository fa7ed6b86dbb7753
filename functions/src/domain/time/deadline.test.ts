import { describe, expect, it } from 'vitest';
import { buildWorkingCalendar } from './calendar.js';
import { computeDeadline } from './deadline.js';
import {
  CalendarNotCoveredError,
  InvalidDurationError,
  InvalidInstantError,
  InvalidWorkingHoursError,
} from './errors.js';
import type { Duration, WorkingHours } from './schemas.js';
import { fixtureYears, plainYear, vn, withDays } from '../../../../test/fixtures/calendars.js';

const calendar = buildWorkingCalendar(fixtureYears);
const due = (start: string, value: number, unit: Duration['unit'], workingHours?: WorkingHours) =>
  computeDeadline({
    start: vn(start),
    duration: { value, unit },
    calendar,
    ...(workingHours ? { workingHours } : {}),
  });

describe('computeDeadline: working days', () => {
  it('ends at the same clock time on the Nth following working day (brief example)', () => {
    const result = due('2026-07-15T09:40', 7, 'workingDays');
    expect(result.dueAt).toEqual(vn('2026-07-24T09:40'));
    expect(result.explanation).toEqual({
      vi: '7 ngày làm việc từ 09:40 15/07/2026 → 09:40 24/07/2026; không tính 18–19/07 (nghỉ cuối tuần)',
      en: '7 working days from 09:40 15/07/2026 → 09:40 24/07/2026; excluding 18–19/07 (weekend)',
    });
  });

  it('ends at closing time when counting from opening (07:00 + 1 day = 17:00 the same day)', () => {
    expect(due('2026-07-15T07:00', 1, 'workingDays').dueAt).toEqual(vn('2026-07-15T17:00'));
  });

  it('counts half a day as half the daily working time, across the lunch break', () => {
    expect(due('2026-07-15T09:40', 0.5, 'workingDays').dueAt).toEqual(vn('2026-07-15T15:40'));
    expect(due('2026-07-15T16:00', 1.5, 'workingDays').dueAt).toEqual(vn('2026-07-17T10:00'));
  });

  it('skips Tết 2026 (16–20/02) and both weekends around it', () => {
    const result = due('2026-02-12T10:00', 3, 'workingDays');
    expect(result.dueAt).toEqual(vn('2026-02-24T10:00'));
    expect(result.explanation).toEqual({
      vi: '3 ngày làm việc từ 10:00 12/02/2026 → 10:00 24/02/2026; không tính 14–15/02 (nghỉ cuối tuần), 16–20/02 (Tết Nguyên đán), 21–22/02 (nghỉ cuối tuần)',
      en: '3 working days from 10:00 12/02/2026 → 10:00 24/02/2026; excluding 14–15/02 (weekend), 16–20/02 (Lunar New Year), 21–22/02 (weekend)',
    });
  });

  it('counts a dossier received during Tết 2026 from the first working morning after it', () => {
    const result = due('2026-02-18T10:00', 1, 'workingDays');
    expect(result.dueAt).toEqual(vn('2026-02-23T17:00'));
    expect(result.explanation.vi).toBe(
      '1 ngày làm việc từ 10:00 18/02/2026 → 17:00 23/02/2026; tính từ 07:00 23/02/2026 (nhận vào ngày nghỉ); không tính 18–20/02 (Tết Nguyên đán), 21–22/02 (nghỉ cuối tuần)',
    );
    expect(result.explanation.en).toBe(
      '1 working day from 10:00 18/02/2026 → 17:00 23/02/2026; counted from 07:00 23/02/2026 (received on a day off); excluding 18–20/02 (Lunar New Year), 21–22/02 (weekend)',
    );
  });

  it('skips the provisional Tết 2027 schedule (Thu 4 – Wed 10 Feb)', () => {
    const result = due('2027-02-03T14:00', 2, 'workingDays');
    expect(result.dueAt).toEqual(vn('2027-02-12T14:00'));
    expect(result.explanation.vi).toBe(
      '2 ngày làm việc từ 14:00 03/02/2027 → 14:00 12/02/2027; không tính 04–05/02 (Tết Nguyên đán), 06–07/02 (nghỉ cuối tuần), 08–10/02 (Tết Nguyên đán)',
    );
  });

  it('skips the Hùng Kings day in lieu, 30/04 and 01/05 2026', () => {
    const result = due('2026-04-24T09:00', 5, 'workingDays');
    expect(result.dueAt).toEqual(vn('2026-05-06T09:00'));
    expect(result.explanation.vi).toBe(
      '5 ngày làm việc từ 09:00 24/04/2026 → 09:00 06/05/2026; không tính 25–26/04 (nghỉ cuối tuần), 27/04 (Nghỉ bù Giỗ Tổ Hùng Vương), 30/04 (Ngày Giải phóng miền Nam), 01/05 (Quốc tế Lao động), 02–03/05 (nghỉ cuối tuần)',
    );
    expect(result.explanation.en).toBe(
      "5 working days from 09:00 24/04/2026 → 09:00 06/05/2026; excluding 25–26/04 (weekend), 27/04 (Hùng Kings' day in lieu), 30/04 (Reunification Day), 01/05 (Labour Day), 02–03/05 (weekend)",
    );
  });

  it('skips the 2027 Labour Day in lieu (1 May is a Saturday → Mon 3 May off)', () => {
    expect(due('2027-04-29T09:00', 1, 'workingDays').dueAt).toEqual(vn('2027-05-04T09:00'));
  });

  it('starts after the lunch break and skips National Day 2026 (02–03/09)', () => {
    const result = due('2026-09-01T11:45', 1, 'workingDays');
    // 13:30–17:00 Tue is 3.5 h; the remaining 4.5 h fill Fri morning 07:00–11:30.
    expect(result.dueAt).toEqual(vn('2026-09-04T11:30'));
    expect(result.explanation).toEqual({
      vi: '1 ngày làm việc từ 11:45 01/09/2026 → 11:30 04/09/2026; tính từ 13:30 01/09/2026 (nhận trong giờ nghỉ giữa ca); không tính 02–03/09 (Quốc khánh)',
      en: '1 working day from 11:45 01/09/2026 → 11:30 04/09/2026; counted from 13:30 01/09/2026 (received during a break between working periods); excluding 02–03/09 (National Day)',
    });
  });

  it('crosses the year boundary and shows the other year in dates', () => {
    const result = due('2026-12-31T10:00', 2, 'workingDays');
    expect(result.dueAt).toEqual(vn('2027-01-05T10:00'));
    expect(result.explanation.vi).toBe(
      '2 ngày làm việc từ 10:00 31/12/2026 → 10:00 05/01/2027; không tính 01/01/2027 (Tết Dương lịch), 02–03/01/2027 (nghỉ cuối tuần)',
    );
  });

  it('uses the agency working hours: one working day is their full daily time', () => {
    const mornings: WorkingHours = { periods: [{ start: '08:00', end: '12:00' }] };
    expect(due('2026-07-13T10:00', 1, 'workingDays', mornings).dueAt).toEqual(vn('2026-07-14T10:00'));
    expect(due('2026-07-13T13:00', 1, 'workingDays', mornings).dueAt).toEqual(vn('2026-07-14T12:00'));
    const shifted: WorkingHours = {
      periods: [
        { start: '07:30', end: '11:30' },
        { start: '13:00', end: '17:00' },
      ],
    };
    expect(due('2026-07-13T17:10', 0.5, 'workingDays', shifted).dueAt).toEqual(vn('2026-07-14T11:30'));
  });
});

describe('computeDeadline: working hours', () => {
  it('counts from the next working morning after closing time and skips the weekend', () => {
    const result = due('2026-07-17T17:00', 1, 'workingHours');
    expect(result.dueAt).toEqual(vn('2026-07-20T08:00'));
    expect(result.explanation).toEqual({
      vi: '1 giờ làm việc từ 17:00 17/07/2026 → 08:00 20/07/2026; tính từ 07:00 20/07/2026 (nhận sau giờ làm việc); không tính 18–19/07 (nghỉ cuối tuần)',
      en: '1 working hour from 17:00 17/07/2026 → 08:00 20/07/2026; counted from 07:00 20/07/2026 (received after closing time); excluding 18–19/07 (weekend)',
    });
  });

  it('starts at opening time when received before it', () => {
    const result = due('2026-07-15T06:00', 2.5, 'workingHours');
    expect(result.dueAt).toEqual(vn('2026-07-15T09:30'));
    expect(result.trail).toContainEqual({
      kind: 'startMoved',
      from: vn('2026-07-15T06:00'),
      to: vn('2026-07-15T07:00'),
      reason: 'beforeOpening',
    });
  });

  it('skips 30/04–01/05 2026 and the weekend after', () => {
    const result = due('2026-04-29T16:30', 4, 'workingHours');
    expect(result.dueAt).toEqual(vn('2026-05-04T10:30'));
    expect(result.explanation.vi).toBe(
      '4 giờ làm việc từ 16:30 29/04/2026 → 10:30 04/05/2026; không tính 30/04 (Ngày Giải phóng miền Nam), 01/05 (Quốc tế Lao động), 02–03/05 (nghỉ cuối tuần)',
    );
  });

  it('keeps seconds: a count is exact to the millisecond', () => {
    expect(
      computeDeadline({
        start: new Date('2026-07-15T02:40:30.500Z'),
        duration: { value: 1, unit: 'workingHours' },
        calendar,
      }).dueAt,
    ).toEqual(new Date('2026-07-15T03:40:30.500Z'));
  });
});

describe('computeDeadline: calendar days', () => {
  it('ends at closing time of the last day when it is a working day', () => {
    expect(due('2026-07-15T09:40', 1, 'calendarDays').dueAt).toEqual(vn('2026-07-16T17:00'));
  });

  it('counts weekends, and moves a last day off to the end of the next working day', () => {
    const result = due('2026-07-15T09:40', 10, 'calendarDays');
    expect(result.dueAt).toEqual(vn('2026-07-27T17:00'));
    expect(result.explanation).toEqual({
      vi: '10 ngày từ 09:40 15/07/2026 → 17:00 27/07/2026; ngày cuối 25/07/2026 là ngày nghỉ nên hạn là cuối ngày làm việc kế tiếp; không tính 25–26/07 (nghỉ cuối tuần)',
      en: '10 calendar days from 09:40 15/07/2026 → 17:00 27/07/2026; the last day 25/07/2026 is a day off, so the deadline is the end of the next working day; excluding 25–26/07 (weekend)',
    });
    expect(result.trail).toContainEqual({ kind: 'lastDayMoved', lastDay: '2026-07-25', to: '2026-07-27' });
  });

  it('moves past National Day 2027 and the weekend after it', () => {
    const result = due('2027-08-30T08:00', 3, 'calendarDays');
    expect(result.dueAt).toEqual(vn('2027-09-06T17:00'));
    expect(result.explanation.vi).toBe(
      '3 ngày từ 08:00 30/08/2027 → 17:00 06/09/2027; ngày cuối 02/09/2027 là ngày nghỉ nên hạn là cuối ngày làm việc kế tiếp; không tính 02–03/09 (Quốc khánh), 04–05/09 (nghỉ cuối tuần)',
    );
  });

  it('counts from the next working morning when received after closing', () => {
    const result = due('2026-02-11T18:00', 3, 'calendarDays');
    // Counting starts Thu 12/02; the last day Sun 15/02 is followed by Tết and a weekend.
    expect(result.dueAt).toEqual(vn('2026-02-23T17:00'));
  });
});

describe('computeDeadline: trail', () => {
  it('records reception, the count, skipped ranges with reasons and the due time in order', () => {
    const { trail } = due('2026-02-13T16:30', 1, 'workingHours');
    expect(trail).toEqual([
      { kind: 'received', at: vn('2026-02-13T16:30') },
      {
        kind: 'counted',
        from: vn('2026-02-13T16:30'),
        duration: { value: 1, unit: 'workingHours' },
        workingMs: 3_600_000,
      },
      {
        kind: 'skipped',
        from: '2026-02-14',
        to: '2026-02-15',
        days: 2,
        phase: 'count',
        reason: { kind: 'weeklyRest', weekend: true },
      },
      {
        kind: 'skipped',
        from: '2026-02-16',
        to: '2026-02-20',
        days: 5,
        phase: 'count',
        reason: { kind: 'holiday', name: { vi: 'Tết Nguyên đán', en: 'Lunar New Year' } },
      },
      {
        kind: 'skipped',
        from: '2026-02-21',
        to: '2026-02-22',
        days: 2,
        phase: 'count',
        reason: { kind: 'weeklyRest', weekend: true },
      },
      { kind: 'due', at: vn('2026-02-23T07:30') },
    ]);
  });

  it('counts a make-up Saturday as working and says so', () => {
    const swapped = buildWorkingCalendar([
      withDays(fixtureYears[0]!, { makeUp: ['2026-02-07'], holidays: ['2026-02-13'] }),
      fixtureYears[1]!,
    ]);
    const result = computeDeadline({
      start: vn('2026-02-06T09:00'),
      duration: { value: 1, unit: 'workingDays' },
      calendar: swapped,
    });
    expect(result.dueAt).toEqual(vn('2026-02-07T09:00'));
    expect(result.explanation.vi).toBe(
      '1 ngày làm việc từ 09:00 06/02/2026 → 09:00 07/02/2026; tính cả ngày làm bù 07/02 (Làm bù)',
    );
    expect(result.explanation.en).toBe(
      '1 working day from 09:00 06/02/2026 → 09:00 07/02/2026; including make-up working day 07/02 (Make-up day)',
    );
  });
});

describe('computeDeadline: holiday entered on a rest day', () => {
  it('names it instead of calling it a weekend', () => {
    const labourDay = { date: '2027-05-01', name: { vi: 'Quốc tế Lao động', en: 'Labour Day' } };
    const years = [
      fixtureYears[0]!,
      { ...fixtureYears[1]!, holidays: [...fixtureYears[1]!.holidays, labourDay] },
    ];
    const result = computeDeadline({
      start: vn('2027-04-29T09:00'),
      duration: { value: 1, unit: 'workingDays' },
      calendar: years,
    });
    expect(result.dueAt).toEqual(vn('2027-05-04T09:00'));
    expect(result.explanation.vi).toBe(
      '1 ngày làm việc từ 09:00 29/04/2027 → 09:00 04/05/2027; không tính 30/04 (Ngày Giải phóng miền Nam), 01/05 (Quốc tế Lao động), 02/05 (nghỉ cuối tuần), 03/05 (Nghỉ bù Quốc tế Lao động)',
    );
  });
});

describe('computeDeadline: invalid input', () => {
  const attempt = (duration: unknown) => () =>
    computeDeadline({ start: vn('2026-07-15T09:40'), duration: duration as Duration, calendar });

  it.each([
    [{ value: -1, unit: 'workingDays' }, 'Thời hạn phải là số dương'],
    [{ value: 0, unit: 'workingHours' }, 'Thời hạn phải là số dương'],
    [{ value: Number.NaN, unit: 'workingDays' }, 'Thời hạn phải là số dương'],
    [{ value: Number.POSITIVE_INFINITY, unit: 'calendarDays' }, 'Thời hạn phải là số dương'],
    [{ value: 1.5, unit: 'calendarDays' }, 'Số ngày theo lịch phải là số nguyên'],
    [{ value: 0.25, unit: 'workingDays' }, 'chỉ được lẻ nửa đơn vị'],
    [{ value: 1.3, unit: 'workingHours' }, 'chỉ được lẻ nửa đơn vị'],
    [{ value: 2, unit: 'weeks' }, 'Đơn vị thời hạn không hợp lệ'],
    [{ value: 2, unit: 'toString' }, 'Đơn vị thời hạn không hợp lệ'],
  ])('rejects %o with a typed bilingual error', (duration, vi) => {
    const error = captureError(attempt(duration));
    expect(error).toBeInstanceOf(InvalidDurationError);
    expect((error as InvalidDurationError).code).toBe('duration-invalid');
    expect((error as InvalidDurationError).messages.vi).toContain(vi);
    expect((error as InvalidDurationError).message).toMatch(/ \/ [A-Z]/);
  });

  it('names the year that has no calendar', () => {
    const error = captureError(() =>
      computeDeadline({
        start: vn('2027-12-20T09:00'),
        duration: { value: 20, unit: 'workingDays' },
        calendar,
      }),
    );
    expect(error).toBeInstanceOf(CalendarNotCoveredError);
    expect((error as CalendarNotCoveredError).year).toBe(2028);
    expect((error as CalendarNotCoveredError).messages).toEqual({
      vi: 'Chưa có lịch làm việc năm 2028 (đã có: 2026, 2027); quản trị viên cần nhập lịch nghỉ lễ của năm này',
      en: "No working calendar for 2028 (available: 2026, 2027); an administrator must enter that year's holidays",
    });
  });

  it('reports a missing year in the middle of the data', () => {
    const gap = buildWorkingCalendar([plainYear(2026), plainYear(2028)]);
    expect(() =>
      computeDeadline({
        start: vn('2026-12-30T09:00'),
        duration: { value: 5, unit: 'workingDays' },
        calendar: gap,
      }),
    ).toThrow(CalendarNotCoveredError);
  });

  it('rejects an invalid start Date', () => {
    expect(() =>
      computeDeadline({ start: new Date('nope'), duration: { value: 1, unit: 'workingDays' }, calendar }),
    ).toThrow(InvalidInstantError);
  });

  it.each([
    [{ periods: [] }, 'Giờ làm việc trống'],
    [{ periods: [{ start: '11:00', end: '08:00' }] }, 'giờ kết thúc phải sau giờ bắt đầu'],
    [
      {
        periods: [
          { start: '07:00', end: '12:00' },
          { start: '11:00', end: '17:00' },
        ],
      },
      'chồng lên',
    ],
    [{ periods: [{ start: '7:00', end: '12:00' }] }, 'HH:MM'],
  ])('rejects working hours %o', (workingHours, vi) => {
    const error = captureError(() =>
      computeDeadline({
        start: vn('2026-07-15T09:40'),
        duration: { value: 1, unit: 'workingDays' },
        calendar,
        workingHours: workingHours as WorkingHours,
      }),
    );
    expect(error).toBeInstanceOf(InvalidWorkingHoursError);
    expect((error as InvalidWorkingHoursError).messages.vi).toContain(vi);
  });

  it('accepts the raw per-year data as well as a built calendar', () => {
    const fromData = computeDeadline({
      start: vn('2026-02-12T10:00'),
      duration: { value: 3, unit: 'workingDays' },
      calendar: fixtureYears,
    });
    expect(fromData.dueAt).toEqual(vn('2026-02-24T10:00'));
  });
});

function captureError(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error');
}
