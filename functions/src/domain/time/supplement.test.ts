import { describe, expect, it } from 'vitest';
import { buildWorkingCalendar } from './calendar.js';
import { computeDeadline } from './deadline.js';
import { InvalidInstantError } from './errors.js';
import type { Duration } from './schemas.js';
import { computeDeadlineWithSupplements, type SupplementPolicy } from './supplement.js';
import { fixtureYears, vn } from '../../../../test/fixtures/calendars.js';

const calendar = buildWorkingCalendar(fixtureYears);
const withSupplement = (
  policy: SupplementPolicy | undefined,
  start: string,
  duration: Duration,
  rounds: [string, string][],
) =>
  computeDeadlineWithSupplements({
    start: vn(start),
    duration,
    calendar,
    ...(policy ? { policy } : {}),
    supplements: rounds.map(([requested, received]) => ({
      requestedAt: vn(requested),
      receivedAt: vn(received),
    })),
  });
const sevenDays: Duration = { value: 7, unit: 'workingDays' };

describe('computeDeadlineWithSupplements', () => {
  it('restarts the full duration by default (Decree 61 Art. 19(4))', () => {
    const result = withSupplement(undefined, '2026-07-15T09:40', sevenDays, [
      ['2026-07-16T09:40', '2026-07-21T18:00'],
    ]);
    // Counting again from Wed 22/07 07:00: 7 full working days end at 17:00 Thu 30/07.
    expect(result.dueAt).toEqual(vn('2026-07-30T17:00'));
    expect(result.explanation).toEqual({
      vi: '7 ngày làm việc từ 18:00 21/07/2026 → 17:00 30/07/2026; tính lại từ đầu khi nhận đủ hồ sơ bổ sung (tiếp nhận lần đầu 09:40 15/07/2026); tính từ 07:00 22/07/2026 (nhận sau giờ làm việc); không tính 25–26/07 (nghỉ cuối tuần)',
      en: '7 working days from 18:00 21/07/2026 → 17:00 30/07/2026; restarted in full on receipt of the complete supplement (first received 09:40 15/07/2026); counted from 07:00 22/07/2026 (received after closing time); excluding 25–26/07 (weekend)',
    });
  });

  it('pause keeps the time already used and resumes the rest', () => {
    const result = withSupplement('pause', '2026-07-15T09:40', sevenDays, [
      ['2026-07-16T09:40', '2026-07-21T18:00'],
    ]);
    // One day used (Wed 09:40 → Thu 09:40); six remain from Wed 22/07 07:00 → 17:00 Wed 29/07.
    expect(result.dueAt).toEqual(vn('2026-07-29T17:00'));
    expect(result.explanation).toEqual({
      vi: '7 ngày làm việc từ 09:40 15/07/2026 → 17:00 29/07/2026; tạm dừng chờ bổ sung hồ sơ 09:40 16/07/2026 – 18:00 21/07/2026, tính tiếp từ 07:00 22/07/2026; không tính 25–26/07 (nghỉ cuối tuần)',
      en: '7 working days from 09:40 15/07/2026 → 17:00 29/07/2026; paused awaiting the supplement 09:40 16/07/2026 – 18:00 21/07/2026, resumed at 07:00 22/07/2026; excluding 25–26/07 (weekend)',
    });
  });

  it('pause across Tết 2026 counts no working time while waiting', () => {
    const result = withSupplement('pause', '2026-02-11T10:00', { value: 12, unit: 'workingHours' }, [
      ['2026-02-12T10:00', '2026-02-24T10:00'],
    ]);
    // 8 h used Wed 10:00 → Thu 10:00; 4 h remain from Tue 24/02 10:00: 1.5 h to 11:30, 2.5 h from 13:30 → 16:00.
    expect(result.dueAt).toEqual(vn('2026-02-24T16:00'));
  });

  it('pause requested after the deadline changes nothing', () => {
    const result = withSupplement('pause', '2026-07-06T09:00', { value: 1, unit: 'workingDays' }, [
      ['2026-07-08T10:00', '2026-07-09T10:00'],
    ]);
    expect(result.dueAt).toEqual(vn('2026-07-07T09:00'));
  });

  it('pause in calendar days pushes the last day by the days waited', () => {
    const tenDays: Duration = { value: 10, unit: 'calendarDays' };
    expect(computeDeadline({ start: vn('2026-07-06T09:00'), duration: tenDays, calendar }).dueAt).toEqual(
      vn('2026-07-16T17:00'),
    );
    // 2 days counted (6 → 8 July); 8 remain from Mon 13 July → Tue 21 July.
    const result = withSupplement('pause', '2026-07-06T09:00', tenDays, [
      ['2026-07-08T10:00', '2026-07-13T09:00'],
    ]);
    expect(result.dueAt).toEqual(vn('2026-07-21T17:00'));
  });

  it('restart applies from the last round when there are several', () => {
    const result = withSupplement('restart', '2026-07-06T09:00', { value: 2, unit: 'workingDays' }, [
      ['2026-07-06T10:00', '2026-07-07T09:00'],
      ['2026-07-07T10:00', '2026-07-08T09:00'],
    ]);
    expect(result.dueAt).toEqual(vn('2026-07-10T09:00'));
  });

  it('equals computeDeadline when there is no supplement', () => {
    expect(withSupplement('pause', '2026-07-15T09:40', sevenDays, []).dueAt).toEqual(vn('2026-07-24T09:40'));
  });

  it('rejects rounds out of order with a bilingual error', () => {
    expect(() =>
      withSupplement('pause', '2026-07-15T09:40', sevenDays, [['2026-07-14T09:40', '2026-07-16T09:40']]),
    ).toThrow(InvalidInstantError);
    expect(() =>
      withSupplement('pause', '2026-07-15T09:40', sevenDays, [['2026-07-16T09:40', '2026-07-16T09:00']]),
    ).toThrow(/nhận hồ sơ bổ sung .* trước khi yêu cầu .* \/ Supplement 1: received/);
  });
});
