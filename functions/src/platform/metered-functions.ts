// The trigger and schedule constructors index.ts uses, each handler run through countInvocations: the
// very handler when counting is off (always, except in the cost bench's emulator run, docs/COST.md), one
// counted invocation per event when it is on. Same signatures as firebase-functions' own.
import { onDocumentCreated as created, type DocumentOptions } from 'firebase-functions/v2/firestore';
import { onSchedule as scheduled, type ScheduledEvent, type ScheduleOptions } from 'firebase-functions/v2/scheduler';
import { countInvocations } from './op-counter.js';

type CreatedEvent<D extends string> = Parameters<Parameters<typeof created<D>>[1]>[0];

export function onDocumentCreated<D extends string>(document: D | DocumentOptions<D>, handler: (event: CreatedEvent<D>) => Promise<void>) {
  const metered = countInvocations(handler);
  return typeof document === 'string' ? created(document, metered) : created(document, metered);
}

export function onSchedule(schedule: string | ScheduleOptions, handler: (event: ScheduledEvent) => Promise<void>) {
  const metered = countInvocations(handler);
  return typeof schedule === 'string' ? scheduled(schedule, metered) : scheduled(schedule, metered);
}
