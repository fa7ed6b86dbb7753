// Inter-agency routing (một cửa liên thông): the planned due time of each step of a procedure's process,
// each step starting where the previous one is due to end. These are the deadlines written on the
// transfer slip (form 05); once a step actually finishes, compute the next one from the real handover.
import { checkDuration } from './duration.js';
import { countDuration, countSteps, engineOf, resultOf, type DeadlineResult } from './deadline.js';
import { InvalidDurationError } from './errors.js';
import { epochOf } from './local-time.js';
import type { Duration, WorkingHours } from './schemas.js';
import type { CalendarInput } from './calendar.js';

export interface RoutingStep<Key extends string = string> {
  /** Identifies the step for the caller, e.g. the responsible agency or role. */
  readonly key: Key;
  readonly duration: Duration;
}

export interface StepDeadline<Key extends string = string> extends DeadlineResult {
  readonly key: Key;
  /** When the step's clock starts: the routing start, then the previous step's due time. */
  readonly startsAt: Date;
}

export interface StepDeadlinesInput<Key extends string = string> {
  readonly start: Date;
  readonly steps: readonly RoutingStep<Key>[];
  readonly calendar: CalendarInput;
  readonly workingHours?: WorkingHours;
}

/** @throws InvalidDurationError for an empty step list or an invalid step duration (plus the computeDeadline errors). */
export function computeStepDeadlines<Key extends string>(
  input: StepDeadlinesInput<Key>,
): StepDeadline<Key>[] {
  if (input.steps.length === 0) {
    throw new InvalidDurationError({
      vi: 'Quy trình liên thông không có bước nào',
      en: 'The routing has no steps',
    });
  }
  const engine = engineOf(input.calendar, input.workingHours);
  let fromMs = epochOf(input.start, 'start');
  return input.steps.map(({ key, duration }) => {
    checkDuration(duration);
    const count = countDuration(engine, fromMs, duration);
    const result = resultOf(
      [{ kind: 'received', at: new Date(fromMs) }, ...countSteps(engine, fromMs, duration, count)],
      count.dueMs,
    );
    const step = { ...result, key, startsAt: new Date(fromMs) };
    fromMs = count.dueMs;
    return step;
  });
}
