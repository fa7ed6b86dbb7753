import { describe, expect, it } from 'vitest';
import { buildWorkingCalendar } from './calendar.js';
import { InvalidWorkingHoursError } from './errors.js';
import { fixtureYears, vn } from '../../../../test/fixtures/calendars.js';
import { latestTransferTime } from './transfer.js';

const calendar = buildWorkingCalendar(fixtureYears);
const latest = (at: string, cutOff?: string) =>
  latestTransferTime({ receivedAt: vn(at), calendar, ...(cutOff ? { cutOff } : {}) });

describe('latestTransferTime (15:00 cut-off)', () => {
  it('transfers the same working day when received before 15:00', () => {
    expect(latest('2026-02-12T14:59')).toEqual({
      latestAt: vn('2026-02-12T17:00'),
      rule: 'sameWorkingDay',
      explanation: {
        vi: 'Nhận lúc 14:59 12/02/2026, trước 15:00: chuyển trong ngày, chậm nhất 17:00 12/02/2026',
        en: 'Received at 14:59 12/02/2026, before 15:00: transfer the same day, by 17:00 12/02/2026',
      },
    });
    expect(latest('2026-02-12T06:30').latestAt).toEqual(vn('2026-02-12T17:00'));
  });

  it('transfers at the start of the next working day from 15:00 on', () => {
    expect(latest('2026-02-12T15:00').latestAt).toEqual(vn('2026-02-13T07:00'));
    const beforeTet = latest('2026-02-13T15:30');
    expect(beforeTet.latestAt).toEqual(vn('2026-02-23T07:00'));
    expect(beforeTet.rule).toBe('nextWorkingDayStart');
    expect(beforeTet.explanation.en).toBe(
      'Received at 15:30 13/02/2026, at or after 15:00: transfer at the start of the next working day, 07:00 23/02/2026',
    );
  });

  it('treats reception on a day off like a late reception', () => {
    const sunday = latest('2026-07-19T10:00');
    expect(sunday.latestAt).toEqual(vn('2026-07-20T07:00'));
    expect(sunday.explanation.vi).toBe(
      'Nhận lúc 10:00 19/07/2026, vào ngày nghỉ: chuyển vào đầu giờ ngày làm việc tiếp theo, 07:00 20/07/2026',
    );
  });

  it('accepts another cut-off and rejects a malformed one', () => {
    expect(latest('2026-07-15T15:30', '16:00').rule).toBe('sameWorkingDay');
    expect(() => latest('2026-07-15T15:30', '4pm')).toThrow(InvalidWorkingHoursError);
  });
});
