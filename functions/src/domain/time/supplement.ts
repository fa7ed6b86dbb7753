// The processing clock around supplement requests (yêu cầu bổ sung), a per-procedure policy:
//  restart (default, Decree 61/2018 Art. 19(4)): the full duration counts again from the moment the
//    complete supplement is received; earlier elapsed time is forgotten.
//  pause (some sectoral laws): no time runs between the request and the receipt; the remaining working
//    time (or, for calendar days, the remaining days) resumes from the receipt.
import { checkDuration } from './duration.js';
import {
  countDuration,
  countSteps,
  engineOf,
  lastDayDeadline,
  resultOf,
  workingMsOf,
  type DeadlineInput,
  type DeadlineResult,
  type Engine,
} from './deadline.js';
import { InvalidInstantError } from './errors.js';
import { dateOfDayNumber, dayNumberOfInstant, epochOf, formatLocalDateTime } from './local-time.js';
import type { Duration } from './schemas.js';
import {
  makeUpSteps,
  skippedSteps,
  startMovedSteps,
  walkMarks,
  type DeadlineTrailStep,
  type SkipMark,
} from './trail.js';
import { walkWorkingTime } from './working-time.js';

export type SupplementPolicy = 'restart' | 'pause';
export const DEFAULT_SUPPLEMENT_POLICY: SupplementPolicy = 'restart';

export interface SupplementRound {
  readonly requestedAt: Date;
  /** When the complete supplement was received. */
  readonly receivedAt: Date;
}

export interface SupplementDeadlineInput extends DeadlineInput {
  readonly policy?: SupplementPolicy;
  /** In time order; each round starts after the previous one ended. Usually one (a supplement may be requested once). */
  readonly supplements: readonly SupplementRound[];
}

/**
 * The deadline after supplement rounds. With no rounds it equals computeDeadline.
 * @throws InvalidInstantError when rounds are out of order or precede the start (plus the computeDeadline errors).
 */
export function computeDeadlineWithSupplements(input: SupplementDeadlineInput): DeadlineResult {
  const duration = checkDuration(input.duration);
  const startMs = epochOf(input.start, 'start');
  const rounds = checkRounds(startMs, input.supplements);
  const engine = engineOf(input.calendar, input.workingHours);
  const received: DeadlineTrailStep = { kind: 'received', at: new Date(startMs) };
  const last = rounds[rounds.length - 1];

  if ((input.policy ?? DEFAULT_SUPPLEMENT_POLICY) === 'restart' || last === undefined) {
    const fromMs = last?.receivedMs ?? startMs;
    const count = countDuration(engine, fromMs, duration);
    const restarted: DeadlineTrailStep[] =
      last === undefined
        ? []
        : [
            {
              kind: 'clockRestarted',
              requestedAt: new Date(last.requestedMs),
              at: new Date(last.receivedMs),
            },
          ];
    return resultOf([received, ...restarted, ...countSteps(engine, fromMs, duration, count)], count.dueMs);
  }
  return duration.unit === 'calendarDays'
    ? pausedCalendarDays(engine, startMs, duration, rounds, received)
    : pausedWorkingTime(engine, startMs, duration, rounds, received);
}

interface Round {
  readonly requestedMs: number;
  readonly receivedMs: number;
}

function checkRounds(startMs: number, supplements: readonly SupplementRound[]): Round[] {
  let previousMs = startMs;
  return supplements.map((round, index) => {
    const requestedMs = epochOf(round.requestedAt, `supplements.${index}.requestedAt`);
    const receivedMs = epochOf(round.receivedAt, `supplements.${index}.receivedAt`);
    if (requestedMs < previousMs) {
      throw new InvalidInstantError({
        vi: `Lần bổ sung ${index + 1}: yêu cầu lúc ${formatLocalDateTime(requestedMs)} sớm hơn lúc tiếp nhận hoặc lần bổ sung trước (${formatLocalDateTime(previousMs)})`,
        en: `Supplement ${index + 1}: requested at ${formatLocalDateTime(requestedMs)}, before reception or the previous supplement (${formatLocalDateTime(previousMs)})`,
      });
    }
    if (receivedMs < requestedMs) {
      throw new InvalidInstantError({
        vi: `Lần bổ sung ${index + 1}: nhận hồ sơ bổ sung (${formatLocalDateTime(receivedMs)}) trước khi yêu cầu (${formatLocalDateTime(requestedMs)})`,
        en: `Supplement ${index + 1}: received (${formatLocalDateTime(receivedMs)}) before it was requested (${formatLocalDateTime(requestedMs)})`,
      });
    }
    previousMs = receivedMs;
    return { requestedMs, receivedMs };
  });
}

/** Working units: consume working time up to each request, then resume the rest from the receipt. */
function pausedWorkingTime(
  engine: Engine,
  startMs: number,
  duration: Duration,
  rounds: readonly Round[],
  received: DeadlineTrailStep,
): DeadlineResult {
  const totalMs = workingMsOf(duration, engine.schedule);
  const marks: SkipMark[] = [];
  const makeUpDays: number[] = [];
  const pauses: DeadlineTrailStep[] = [];
  let remaining = totalMs;
  let fromMs = startMs;
  let firstWorkingMs: number | undefined;
  for (const round of [...rounds, undefined]) {
    const walk = walkWorkingTime(engine.info, engine.schedule, fromMs, remaining, round?.requestedMs);
    firstWorkingMs ??= walk.firstWorkingMs;
    marks.push(...walkMarks(walk.skipped, firstWorkingMs));
    makeUpDays.push(...walk.makeUpDays);
    if (walk.reached || round === undefined) {
      return resultOf(
        [
          received,
          ...startMovedSteps(startMs, firstWorkingMs ?? walk.end, engine.info, engine.schedule),
          { kind: 'counted', from: new Date(firstWorkingMs ?? walk.end), duration, workingMs: totalMs },
          ...pauses,
          ...makeUpSteps(makeUpDays, engine.info),
          ...skippedSteps(marks, engine.info),
        ],
        walk.end,
      );
    }
    remaining -= walk.consumed;
    fromMs = round.receivedMs;
    const resumedMs = walkWorkingTime(engine.info, engine.schedule, fromMs, 0).end;
    pauses.push({
      kind: 'clockPaused',
      from: new Date(round.requestedMs),
      to: new Date(round.receivedMs),
      resumedAt: new Date(resumedMs),
    });
  }
  throw new Error('unreachable: the last round is undefined');
}

/**
 * Calendar days: the days counted before a request (request date − start date) are kept, and the rest
 * resume from the date counting restarts after the receipt (its next working moment, as for a reception).
 * A request made after the deadline changes nothing.
 */
function pausedCalendarDays(
  engine: Engine,
  startMs: number,
  duration: Duration,
  rounds: readonly Round[],
  received: DeadlineTrailStep,
): DeadlineResult {
  const count = countDuration(engine, startMs, duration);
  let anchorDay = dayNumberOfInstant(count.startMs);
  let remainingDays = duration.value;
  let lastDay = anchorDay + remainingDays;
  const pauses: DeadlineTrailStep[] = [];
  for (const round of rounds) {
    if (round.requestedMs >= lastDayDeadline(engine, lastDay, []).dueMs) break;
    remainingDays = Math.max(
      0,
      remainingDays - Math.max(0, dayNumberOfInstant(round.requestedMs) - anchorDay),
    );
    const resumedMs = walkWorkingTime(engine.info, engine.schedule, round.receivedMs, 0).end;
    anchorDay = dayNumberOfInstant(resumedMs);
    lastDay = anchorDay + remainingDays;
    pauses.push({
      kind: 'clockPaused',
      from: new Date(round.requestedMs),
      to: new Date(round.receivedMs),
      resumedAt: new Date(resumedMs),
    });
  }
  const startMarks = count.marks.filter((m) => m.phase === 'start');
  const end = lastDayDeadline(engine, lastDay, [...startMarks]);
  return resultOf(
    [
      received,
      ...startMovedSteps(startMs, count.startMs, engine.info, engine.schedule),
      { kind: 'counted', from: new Date(count.startMs), duration },
      ...pauses,
      ...(end.lastDayMoved === undefined
        ? []
        : [
            {
              kind: 'lastDayMoved',
              lastDay: dateOfDayNumber(end.lastDayMoved.from),
              to: dateOfDayNumber(end.lastDayMoved.to),
            } as const,
          ]),
      ...skippedSteps(end.marks, engine.info),
    ],
    end.dueMs,
  );
}
