import { describe, expect, it } from 'vitest';
import { buildWorkingCalendar } from './calendar.js';
import { InvalidDurationError } from './errors.js';
import { computeStepDeadlines } from './routing.js';
import { fixtureYears, vn } from '../../../../test/fixtures/calendars.js';

const calendar = buildWorkingCalendar(fixtureYears);

describe('computeStepDeadlines', () => {
  it('chains steps: each starts when the previous one is due', () => {
    const steps = computeStepDeadlines({
      start: vn('2026-07-15T09:40'),
      calendar,
      steps: [
        { key: 'ward', duration: { value: 2, unit: 'workingDays' } },
        { key: 'tax', duration: { value: 4, unit: 'workingHours' } },
        { key: 'land', duration: { value: 3, unit: 'calendarDays' } },
      ],
    });
    expect(steps.map((s) => [s.key, s.startsAt, s.dueAt])).toEqual([
      ['ward', vn('2026-07-15T09:40'), vn('2026-07-17T09:40')],
      ['tax', vn('2026-07-17T09:40'), vn('2026-07-17T15:40')],
      ['land', vn('2026-07-17T15:40'), vn('2026-07-20T17:00')],
    ]);
    expect(steps[1]?.explanation.vi).toBe('4 giờ làm việc từ 09:40 17/07/2026 → 15:40 17/07/2026');
  });

  it('carries a step ending at closing time over to the next working morning', () => {
    const steps = computeStepDeadlines({
      start: vn('2026-02-13T07:00'),
      calendar,
      steps: [
        { key: 'a', duration: { value: 1, unit: 'workingDays' } },
        { key: 'b', duration: { value: 1, unit: 'workingHours' } },
      ],
    });
    expect(steps[0]?.dueAt).toEqual(vn('2026-02-13T17:00'));
    expect(steps[1]?.dueAt).toEqual(vn('2026-02-23T08:00'));
  });

  it('rejects an empty routing and an invalid step duration', () => {
    expect(() => computeStepDeadlines({ start: vn('2026-07-15T09:40'), calendar, steps: [] })).toThrow(
      InvalidDurationError,
    );
    expect(() =>
      computeStepDeadlines({
        start: vn('2026-07-15T09:40'),
        calendar,
        steps: [{ key: 'a', duration: { value: -2, unit: 'workingDays' } }],
      }),
    ).toThrow(InvalidDurationError);
  });
});
