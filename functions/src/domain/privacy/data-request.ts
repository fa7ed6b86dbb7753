// Data subject requests (yêu cầu của chủ thể dữ liệu): correction or deletion of one's personal data.
// Decree 356/2025: the controller replies within 2 working days and completes within 15 days, with at
// most one extension of 15 days (reported; legal-model.md, "Personal data"). The state machine and the
// deadlines are here; the store persists them and the sweep flags those running late. Zod-free.
import { computeDeadline } from '../time/deadline.js';
import type { CalendarInput } from '../time/calendar.js';
import { DATA_REQUEST_LIMITS, type DataRequestAction, type DataRequestStatus } from './data-request-facts.js';

export type DataRequestClock = {
  receivedAt: Date;
  replyDueAt: Date;
  completeDueAt: Date;
  repliedAt?: Date;
  extendedAt?: Date;
  status: DataRequestStatus;
};

/** The two legal deadlines of a request received at `receivedAt`. */
export function dataRequestDeadlines(receivedAt: Date, calendar: CalendarInput): { replyDueAt: Date; completeDueAt: Date } {
  return {
    replyDueAt: computeDeadline({ start: receivedAt, duration: { value: DATA_REQUEST_LIMITS.replyWorkingDays, unit: 'workingDays' }, calendar }).dueAt,
    completeDueAt: computeDeadline({ start: receivedAt, duration: { value: DATA_REQUEST_LIMITS.completeCalendarDays, unit: 'calendarDays' }, calendar }).dueAt,
  };
}

/** The completion deadline after the one extension: 15 more days from the current one. */
export function extendedDeadline(completeDueAt: Date): Date {
  return new Date(completeDueAt.getTime() + DATA_REQUEST_LIMITS.extensionCalendarDays * 86_400_000);
}

/** Which officer actions the request allows now (a refused one answers with this list). */
export function allowedDataRequestActions(r: Pick<DataRequestClock, 'status' | 'repliedAt' | 'extendedAt'>): DataRequestAction[] {
  if (r.status === 'completed' || r.status === 'refused') return [];
  const actions: DataRequestAction[] = [];
  if (r.status === 'open') actions.push('reply');
  if (r.extendedAt === undefined) actions.push('extend');
  actions.push('complete', 'refuse');
  return actions;
}

export type DataRequestLateness = { replyLate: boolean; completeLate: boolean };

/** Whether the request has passed a deadline it has not met (the sweep writes this down). */
export function dataRequestLateness(r: DataRequestClock, now: Date): DataRequestLateness {
  const closed = r.status === 'completed' || r.status === 'refused';
  return {
    replyLate: r.repliedAt === undefined && !closed ? now > r.replyDueAt : r.repliedAt !== undefined && r.repliedAt > r.replyDueAt,
    completeLate: !closed && now > r.completeDueAt,
  };
}

