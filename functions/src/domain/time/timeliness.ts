// Timeliness is judged by date in Vietnam, not to the minute (Circular 01/2018 forms 05 and 06 record
// early / on time / late per day): finishing any time on the due date is on time.
import { dayNumberOfInstant, epochOf } from './local-time.js';

export type Timeliness = 'early' | 'onTime' | 'late';

export function classifyTimeliness(dueAt: Date, finishedAt: Date): Timeliness {
  const dueDay = dayNumberOfInstant(epochOf(dueAt, 'dueAt'));
  const finishedDay = dayNumberOfInstant(epochOf(finishedAt, 'finishedAt'));
  return finishedDay < dueDay ? 'early' : finishedDay === dueDay ? 'onTime' : 'late';
}
