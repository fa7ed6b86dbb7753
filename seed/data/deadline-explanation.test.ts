// Explanations of deadlines on the demo calendars, as citizens read them on a receipt or the lookup page.
import { describe, expect, it } from 'vitest';
import { computeDeadline } from '../../functions/src/domain/index.js';
import { demoCalendars } from './calendars.js';

describe('explanation of long durations', () => {
  it('counts the weekends instead of listing fourteen of them, and still names every holiday', () => {
    // 60 working days from Fri 20/11/2026 09:00 cross 14 weekends, New Year's Day and Tết 2027.
    const { explanation } = computeDeadline({
      start: new Date('2026-11-20T02:00:00Z'),
      duration: { value: 60, unit: 'workingDays' },
      calendar: demoCalendars,
    });
    expect(explanation.vi).toBe(
      '60 ngày làm việc từ 09:00 20/11/2026 → 09:00 23/02/2027; không tính 28 ngày nghỉ cuối tuần và ' +
        '24/11 (Ngày Văn hóa Việt Nam), 01/01/2027 (Tết Dương lịch), 04–05/02/2027 (Tết Nguyên đán), 08–10/02/2027 (Tết Nguyên đán)',
    );
    expect(explanation.en).toBe(
      "60 working days from 09:00 20/11/2026 → 09:00 23/02/2027; excluding 28 weekend days and " +
        "24/11 (Vietnam Culture Day), 01/01/2027 (New Year's Day), 04–05/02/2027 (Lunar New Year), 08–10/02/2027 (Lunar New Year)",
    );
  });

  it('still lists up to three weekends one by one', () => {
    // 10 working days from Mon 07/12/2026 08:00: two weekends, no holiday.
    const { explanation } = computeDeadline({
      start: new Date('2026-12-07T01:00:00Z'),
      duration: { value: 10, unit: 'workingDays' },
      calendar: demoCalendars,
    });
    expect(explanation.vi).toContain('không tính 12–13/12 (nghỉ cuối tuần), 19–20/12 (nghỉ cuối tuần)');
  });
});
