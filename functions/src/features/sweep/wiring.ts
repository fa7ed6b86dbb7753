import { db } from '../../platform/firestore.js';
import { workingCalendar, workingHoursOf } from '../../store/reference-data.js';
import type { SweepDeps } from './deadline-sweep.schedule.js';

export async function sweepDeps(): Promise<SweepDeps> {
  const firestore = db();
  return { db: firestore, calendar: await workingCalendar(firestore), hoursOf: (agencyId) => workingHoursOf(firestore, agencyId) };
}
