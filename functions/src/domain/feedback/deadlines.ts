// The deadlines of a feedback case, counted in working days with the domain's deadline engine: refuse
// within 2, ask for more information within 5, answer within 15 (from reception, or from the day the
// information asked for arrived), publish the answer within 2 of answering (reported; configuration).
import { z } from 'zod';
import { computeDeadline, type WorkingCalendar, type WorkingHours } from '../time/index.js';
import type { FeedbackDeadlineKind } from './labels.js';

const Days = z.number().int().min(1).max(60);
export const FeedbackDeadlineSettings = z
  .strictObject({ refuse: Days, askInfo: Days, answer: Days, publish: Days })
  .describe('Thời hạn xử lý phản ánh (ngày làm việc) / feedback deadlines in working days');
export type FeedbackDeadlineSettings = z.infer<typeof FeedbackDeadlineSettings>;

export const FEEDBACK_DEADLINE_DEFAULTS = { refuse: 2, askInfo: 5, answer: 15, publish: 2 } as const satisfies FeedbackDeadlineSettings;

export type TimeContext = { readonly calendar: WorkingCalendar; readonly hours?: WorkingHours | undefined; readonly days: FeedbackDeadlineSettings };

export const workingDaysAfter = (start: Date, days: number, ctx: TimeContext): Date =>
  computeDeadline({ start, duration: { value: days, unit: 'workingDays' }, calendar: ctx.calendar, ...(ctx.hours ? { workingHours: ctx.hours } : {}) }).dueAt;

export type FeedbackDeadlines = { refuseBy: Date; askInfoBy: Date; answerBy: Date; publishBy: Date | null };

export function deadlinesFrom(receivedAt: Date, ctx: TimeContext): FeedbackDeadlines {
  return {
    refuseBy: workingDaysAfter(receivedAt, ctx.days.refuse, ctx),
    askInfoBy: workingDaysAfter(receivedAt, ctx.days.askInfo, ctx),
    answerBy: workingDaysAfter(receivedAt, ctx.days.answer, ctx),
    publishBy: null,
  };
}

/** On time when done by the deadline (instant comparison: the engine's deadline is a closing time). */
export const doneOnTime = (at: Date, by: Date | null): boolean => by === null || at.getTime() <= by.getTime();

export type DeadlineMiss = { readonly kind: FeedbackDeadlineKind | 'triage'; readonly dueAt: Date };
